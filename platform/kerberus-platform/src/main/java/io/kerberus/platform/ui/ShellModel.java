package io.kerberus.platform.ui;

import io.kerberus.plugin.Principal;
import io.kerberus.plugin.ui.Html;

import java.util.List;

/**
 * Everything the shell template draws around a page body.
 *
 * @param title        the page title
 * @param branding     title, logo and colours of this portal
 * @param theme        light, dark or auto
 * @param csrfToken    the session's CSRF token, empty without a session
 * @param user         the signed-in user, or null
 * @param nav          the sidebar entries
 * @param currentPath  the path of this page, for return links
 * @param breadcrumbs  the breadcrumb trail, may be empty
 * @param body         the page body
 * @param headerSlot   extra header content (the search box), may be empty
 * @param assetVersion a value that changes when static assets change, for cache busting
 * @param htmxVersion  the bundled htmx webjar version
 * @param stylesheets  the URLs of the plugins' stylesheets, versioned by content
 * @param scripts      the URLs of the plugins' scripts, versioned by content
 */
public record ShellModel(String title, Branding branding, String theme, String csrfToken, Principal user,
                         List<NavLink> nav, String currentPath, Html breadcrumbs, Html body, Html headerSlot,
                         String assetVersion, String htmxVersion, List<String> stylesheets, List<String> scripts) {

    /**
     * A sidebar entry as drawn.
     *
     * @param title  the label
     * @param path   where it leads
     * @param icon   the icon id in the sprite
     * @param active whether the current page is under it
     */
    public record NavLink(String title, String path, String icon, boolean active) {
    }

    /** The theme the toggle switches to. */
    public String nextTheme() {
        return "dark".equals(theme) ? "light" : "dark";
    }

    /** One or two letters for the avatar. */
    public String initials() {
        if (user == null) {
            return "";
        }
        String name = user.displayName();
        int slash = name.lastIndexOf('/');
        String base = (slash >= 0 ? name.substring(slash + 1) : name).strip();
        String[] words = base.split("[\\s._-]+");
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty() && out.length() < 2) {
                out.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return out.isEmpty() ? "?" : out.toString();
    }
}
