package io.kerberus.plugin.ui;

import io.kerberus.plugin.Request;

/**
 * HTML pages of a plugin, mounted under {@code /<plugin-id>} and wrapped in the portal shell
 * (header, nav, user menu, theme). Pages need a signed-in user unless marked otherwise; a visitor
 * without a session is sent to the sign-in page and back.
 *
 * <p>A request from htmx ({@code HX-Request}, not boosted) gets only the page body, so partial
 * updates stay small.
 */
public interface Pages {

    /** A page; {@code path} is relative to {@code /<plugin-id>}, {@code ""} is the plugin's root page. */
    Page get(String path, PageHandler handler);

    /**
     * A form target. Form posts carry the CSRF token from {@link Forms#csrfField}; requests without
     * a valid one are refused before the handler runs.
     */
    Page post(String path, PageHandler handler);

    /** An entry in the sidebar navigation. */
    void nav(NavItem item);

    /** A card on the home page at {@code /}. */
    void homeCard(HomeCard card);

    /**
     * A widget in the portal's header, left of the user menu, shown to signed-in users on every
     * page: the search box. Static markup; it may load its content with htmx.
     */
    void header(Html widget);

    /**
     * A stylesheet linked from the head of every page: a path under {@code /static/<plugin-id>/}
     * (the classpath folder {@code static/<plugin-id>/}) or {@code /webjars/}. Nothing from other sites.
     */
    void stylesheet(String path);

    /** A script loaded (deferred) on every page; the same paths as {@link #stylesheet}. Keep it small and load big libraries on demand. */
    void script(String path);

    /**
     * Pages under another top-level path than {@code /<plugin-id>}, for URLs people know from
     * Backstage: {@code /docs} for TechDocs, {@code /create} for templates. The prefix is one
     * lower-case segment that no other plugin (by id or by such a claim) and nothing of the
     * platform uses; a clash fails start-up naming both plugins.
     */
    Pages under(String prefix);

    /**
     * Answers GET on {@code absolutePath} with a redirect to the plugin page {@code path}, keeping the
     * query string: for URLs people know from Backstage, such as {@code /catalog-import}. The absolute
     * path must start with {@code /<plugin-id>} so that plugins cannot take each other's paths.
     */
    void alias(String absolutePath, String path);

    /** Renders a page. */
    @FunctionalInterface
    interface PageHandler {
        /**
         * Returns a {@link View}, an {@link Html} fragment (shown with the plugin's nav title) or an
         * {@link io.kerberus.plugin.Response} such as a redirect. Platform exceptions become error pages.
         */
        Object handle(Request request) throws Exception;
    }

    /** Options of one mounted page. */
    interface Page {
        /** Lets visitors without a session see the page. */
        Page unauthenticated();
    }
}
