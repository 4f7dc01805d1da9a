package io.kerberus.plugin.ui;

import io.kerberus.plugin.Request;

/** Pieces every form needs. */
public final class Forms {

    private Forms() {
    }

    /** The hidden CSRF field that {@link Pages#post} checks. Put it in every form that posts to a page. */
    public static Html csrfField(Request request) {
        return Html.format("<input type=\"hidden\" name=\"_csrf\" value=\"{}\">", request.csrfToken());
    }
}
