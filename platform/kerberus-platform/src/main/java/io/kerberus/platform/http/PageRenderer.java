package io.kerberus.platform.http;

import io.kerberus.plugin.Principal;
import io.kerberus.plugin.ui.View;

/** Turns page results and errors into HTML: the shell around a view, or the view's body alone for htmx. */
public interface PageRenderer {

    /**
     * The request a page is drawn for.
     *
     * @param path         the request path
     * @param pathAndQuery the path with its query string, for return links
     * @param principal    the signed-in user, or null
     * @param csrfToken    the session's CSRF token, or empty
     * @param fragment     whether htmx asked for the body alone
     */
    record PageRequest(String path, String pathAndQuery, Principal principal, String csrfToken, boolean fragment) {
    }

    String render(PageRequest request, View view);

    String error(PageRequest request, int status, String title, String message);
}
