package io.kerberus.catalog;

import java.util.List;

/**
 * A source of entities that pushes them to the catalog, as Backstage's EntityProvider: an org
 * directory, a cloud account, a repository scanner. Add providers through
 * {@link CatalogExtensions#PROVIDERS}; the catalog connects each once it runs.
 */
public interface EntityProvider {

    /** A unique name; the entities it provides belong to it ({@code backstage.io/managed-by-location: provider:<name>}). */
    String name();

    /** Called once when the catalog starts; keep the connection and apply mutations when the source changes. */
    void connect(Connection connection) throws Exception;

    /** How a provider changes its entities. */
    interface Connection {

        /** Replaces everything this provider provided with {@code entities}; what is gone is removed. */
        void applyFull(List<Entity> entities);

        /** Adds or updates {@code added} and removes {@code removed}. */
        void applyDelta(List<Entity> added, List<EntityRef> removed);
    }
}
