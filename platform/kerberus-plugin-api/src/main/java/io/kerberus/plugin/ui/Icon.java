package io.kerberus.plugin.ui;

import java.util.Locale;

/** The icons of the platform's built-in set, usable in nav items and components. */
public enum Icon {
    HOME, CATALOG, API, DOCS, SEARCH, CREATE, GROUP, USER, SYSTEM, DOMAIN, RESOURCE, SETTINGS,
    PLUGIN, MEGAPHONE, LINK, STAR, HELP;

    /** The icon's id in the platform's SVG sprite. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** An inline reference to the icon, sized by the surrounding text. */
    public Html svg() {
        return Html.format("<svg class=\"icon\" aria-hidden=\"true\"><use href=\"/static/platform/icons.svg#{}\"></use></svg>", id());
    }
}
