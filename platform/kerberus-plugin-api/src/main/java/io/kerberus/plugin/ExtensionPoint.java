package io.kerberus.plugin;

import java.util.Objects;

/**
 * A typed handle to an extension point a plugin offers to its modules, for example
 * {@code CatalogExtensions.PROCESSORS}.
 *
 * @param id   a unique id, by convention {@code <plugin-id>.<name>}
 * @param type the interface modules call to extend the plugin
 * @param <T>  the interface modules call
 */
public record ExtensionPoint<T>(String id, Class<T> type) {

    public ExtensionPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }

    /** Creates an extension point handle. */
    public static <T> ExtensionPoint<T> of(String id, Class<T> type) {
        return new ExtensionPoint<>(id, type);
    }
}
