package io.kerberus.catalog;

import io.kerberus.plugin.ServiceRef;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog for other plugins, in-process: the same data and filter semantics as the REST API.
 * Require it with {@code registrar.requires(CatalogClient.REF)}.
 */
public interface CatalogClient {

    ServiceRef<CatalogClient> REF = ServiceRef.of("catalog.client", CatalogClient.class);

    /** The entity with this ref. */
    Optional<Entity> entity(EntityRef ref);

    /** The entities with these refs, in order; empty where none exists. */
    List<Optional<Entity>> entities(List<EntityRef> refs);

    /**
     * Entities matching Backstage filters ({@code kind=component,spec.type=service}; several
     * filters are OR-ed), sorted by name, at most {@code limit} after skipping {@code offset}.
     */
    Page query(List<String> filters, int offset, int limit);

    /** How often each value of each facet ({@code spec.type}, {@code metadata.tags}) occurs among the matching entities. */
    Map<String, Map<String, Long>> facets(List<String> facets, List<String> filters);

    /** Processes the entity (and its location) again soon. */
    void refresh(EntityRef ref);

    /**
     * Registers a location (as {@code POST /api/catalog/locations} does, checked the same way); its
     * entities appear once processing has read it. An already registered location is returned as it is.
     *
     * @param type   {@code file} or {@code url}
     * @param target the file path or URL
     * @param origin who registered it, for the location's record ({@code scaffolder:<task id>})
     * @return the location's key, {@code url:https://...}
     * @throws io.kerberus.plugin.InputException when the location cannot be registered, naming why
     */
    String registerLocation(String type, String target, String origin);

    /**
     * Hears of every entity that this replica's catalog sees added, changed or removed (look it up
     * with {@link #entity} to tell which), within a second of the change on any replica. Called on
     * a catalog thread: hand the work to your own.
     */
    void onChange(java.util.function.Consumer<EntityRef> listener);

    /**
     * The catalog's reader, for plugins that read files next to entity descriptors (TechDocs
     * sources, template skeletons) under the catalog's rules: {@code file:} URLs only inside
     * {@code catalog.fileRoots}, http(s) through the integrations and {@code backend.reading.allow}.
     */
    UrlReader reader();

    /** The folders whose files the catalog may read ({@code catalog.fileRoots}), absolute. */
    List<java.nio.file.Path> fileRoots();

    /**
     * A page of entities.
     *
     * @param items      the entities
     * @param totalItems how many match
     */
    record Page(List<Entity> items, long totalItems) {
    }
}
