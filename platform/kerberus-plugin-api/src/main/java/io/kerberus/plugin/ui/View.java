package io.kerberus.plugin.ui;

import java.util.List;
import java.util.Objects;

/**
 * A page for the shell to wrap.
 *
 * @param title       the page title, shown in the header and the browser tab
 * @param body        the page content
 * @param breadcrumbs the trail above the title, outermost first; may be empty
 * @param status      the HTTP status, 200 unless the page reports a problem
 */
public record View(String title, Html body, List<Breadcrumbs.Crumb> breadcrumbs, int status) {

    public View {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        breadcrumbs = List.copyOf(breadcrumbs);
    }

    public static View of(String title, Component body) {
        return new View(title, body.html(), List.of(), 200);
    }

    public View breadcrumbs(Breadcrumbs.Crumb... crumbs) {
        return new View(title, body, List.of(crumbs), status);
    }

    public View status(int code) {
        return new View(title, body, breadcrumbs, code);
    }
}
