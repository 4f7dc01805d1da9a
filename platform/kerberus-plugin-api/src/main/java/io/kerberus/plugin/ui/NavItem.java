package io.kerberus.plugin.ui;

import java.util.Objects;

/**
 * An entry in the sidebar.
 *
 * @param title the label
 * @param path  an absolute path in the portal, such as {@code /catalog}
 * @param icon  one of {@link Icon}'s names
 * @param order position, lower first; the platform's home is 0, core plugins use 100 to 900
 */
public record NavItem(String title, String path, Icon icon, int order) {

    public NavItem {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(icon, "icon");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A nav item's path must start with /: " + path);
        }
    }
}
