package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.UrlReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A catalog in memory: registering a location makes the entities queued for its target appear. */
class FakeCatalog implements CatalogClient {

    final Map<String, Entity> entities = new LinkedHashMap<>();
    final List<String> registered = new ArrayList<>();
    final Map<String, List<Map<String, Object>>> contentsByTarget = new LinkedHashMap<>();
    List<Path> roots = List.of();
    UrlReader urlReader;

    void add(Map<String, Object> data) {
        Entity entity = Entity.of(data);
        entities.put(EntityRef.of(entity.kind(), entity.namespace(), entity.name()).key(), entity);
    }

    @Override
    public Optional<Entity> entity(EntityRef ref) {
        return Optional.ofNullable(entities.get(ref.key()));
    }

    @Override
    public List<Optional<Entity>> entities(List<EntityRef> refs) {
        return refs.stream().map(this::entity).toList();
    }

    @Override
    public Page query(List<String> filters, int offset, int limit) {
        String prefix = "metadata.annotations.backstage.io/managed-by-origin-location=";
        String key = filters.getFirst().substring(prefix.length());
        List<Entity> items = entities.values().stream()
                .filter(e -> key.equals(e.annotations().get("backstage.io/managed-by-origin-location"))).toList();
        return new Page(items, items.size());
    }

    @Override
    public Map<String, Map<String, Long>> facets(List<String> facets, List<String> filters) {
        return Map.of();
    }

    @Override
    public void refresh(EntityRef ref) {
    }

    @Override
    public String registerLocation(String type, String target, String origin) {
        String key = type + ":" + target;
        registered.add(key + " by " + origin);
        for (Map<String, Object> data : contentsByTarget.getOrDefault(target, List.of())) {
            Map<String, Object> metadata = new LinkedHashMap<>(castMap(data.get("metadata")));
            metadata.put("annotations", Map.of("backstage.io/managed-by-origin-location", key));
            Map<String, Object> copy = new LinkedHashMap<>(data);
            copy.put("metadata", metadata);
            add(copy);
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    @Override
    public void onChange(Consumer<EntityRef> listener) {
    }

    @Override
    public UrlReader reader() {
        return urlReader;
    }

    @Override
    public List<Path> fileRoots() {
        return roots;
    }
}
