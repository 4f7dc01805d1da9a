package io.kerberus.catalog.plugin.query;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.UrlReader;
import io.kerberus.catalog.plugin.ingest.Readers;
import io.kerberus.catalog.plugin.processing.ProcessingEngine;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link CatalogClient} for plugins in the same process, over the same index and semantics as the REST API. */
public final class LocalCatalogClient implements CatalogClient {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final List<OrderField> BY_NAME = List.of(new OrderField("metadata.name", false));

    private final EntityIndex index;
    private final EntityQueries queries;
    private final ProcessingEngine engine;
    private final Readers readers;
    private final io.kerberus.catalog.plugin.locations.LocationService locations;

    public LocalCatalogClient(EntityIndex index, EntityQueries queries, ProcessingEngine engine, Readers readers,
                              io.kerberus.catalog.plugin.locations.LocationService locations) {
        this.index = index;
        this.queries = queries;
        this.engine = engine;
        this.readers = readers;
        this.locations = locations;
    }

    @Override
    public String registerLocation(String type, String target, String origin) {
        io.kerberus.catalog.LocationSpec spec = locations.check(type, target);
        if (locations.find(spec).isEmpty()) {
            try {
                locations.create(spec, origin);
            } catch (io.kerberus.plugin.ConflictException e) {
                // registered meanwhile by someone else: the same outcome
            }
        }
        return spec.key();
    }

    @Override
    public void onChange(java.util.function.Consumer<EntityRef> listener) {
        index.onChange(ref -> listener.accept(EntityRef.parse(ref)));
    }

    @Override
    public UrlReader reader() {
        return readers;
    }

    @Override
    public List<java.nio.file.Path> fileRoots() {
        return readers.fileRoots();
    }

    @Override
    public Optional<Entity> entity(EntityRef ref) {
        return index.jsonByRef(ref.key()).map(LocalCatalogClient::parse);
    }

    @Override
    public List<Optional<Entity>> entities(List<EntityRef> refs) {
        return queries.byRefs(refs.stream().map(EntityRef::key).toList(), List.of()).stream()
                .map(json -> json.map(LocalCatalogClient::parse)).toList();
    }

    @Override
    public Page query(List<String> filters, int offset, int limit) {
        List<String> items = queries.list(filters, BY_NAME, offset, limit);
        long total = queries.byQuery(filters, List.of(), null, List.of(), 0, 0, null, true).totalItems();
        return new Page(items.stream().map(LocalCatalogClient::parse).toList(), total);
    }

    @Override
    public Map<String, Map<String, Long>> facets(List<String> facets, List<String> filters) {
        return queries.facets(facets, filters);
    }

    @Override
    public void refresh(EntityRef ref) {
        engine.refresh(ref.key());
    }

    static Entity parse(String json) {
        return Entity.of(JSON.readValue(json, MAP));
    }
}
