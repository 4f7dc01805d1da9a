package io.kerberus.plugin;

import java.util.Objects;

/**
 * A typed handle to a service one plugin provides to others, for example
 * {@code CatalogClient.REF}. Declare it as a constant in the providing plugin's {@code -api} module.
 *
 * @param id   a unique id, by convention {@code <plugin-id>.<name>}
 * @param type the service interface
 * @param <T>  the service interface
 */
public record ServiceRef<T>(String id, Class<T> type) {

    public ServiceRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }

    /** Creates a ref. */
    public static <T> ServiceRef<T> of(String id, Class<T> type) {
        return new ServiceRef<>(id, type);
    }
}
