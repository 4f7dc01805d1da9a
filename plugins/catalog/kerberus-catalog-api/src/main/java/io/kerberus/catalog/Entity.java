package io.kerberus.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog entity in Backstage's format: {@code apiVersion}, {@code kind}, {@code metadata},
 * {@code spec}, and once stitched {@code relations} and {@code status}. The content is JSON data
 * (maps, lists, strings, numbers, booleans, null) and is kept whole, including fields Kerberus does not
 * know, so that every Backstage descriptor round-trips unchanged.
 *
 * <p>Instances are immutable: the {@code with...} methods return changed copies.
 */
public final class Entity {

    private final Map<String, Object> data;

    private Entity(Map<String, Object> data) {
        this.data = data;
    }

    /** Wraps JSON data, copying it so that later changes to {@code data} do not leak in. */
    public static Entity of(Map<String, ?> data) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) freeze(data);
        return new Entity(copy);
    }

    /** The entity as JSON data (unmodifiable). */
    public Map<String, Object> data() {
        return data;
    }

    public String apiVersion() {
        return string(data.get("apiVersion"));
    }

    public String kind() {
        return string(data.get("kind"));
    }

    /** {@code metadata}, or an empty map. */
    public Map<String, Object> metadata() {
        return map(data.get("metadata"));
    }

    /** {@code spec}, or an empty map. */
    public Map<String, Object> spec() {
        return map(data.get("spec"));
    }

    public String name() {
        return string(metadata().get("name"));
    }

    /** {@code metadata.namespace}, {@code default} when absent. */
    public String namespace() {
        String namespace = string(metadata().get("namespace"));
        return namespace == null ? EntityRef.DEFAULT_NAMESPACE : namespace;
    }

    public Optional<String> title() {
        return Optional.ofNullable(string(metadata().get("title")));
    }

    public Optional<String> description() {
        return Optional.ofNullable(string(metadata().get("description")));
    }

    public Optional<String> uid() {
        return Optional.ofNullable(string(metadata().get("uid")));
    }

    /** {@code metadata.annotations} with string values. */
    public Map<String, String> annotations() {
        return stringMap(metadata().get("annotations"));
    }

    /** {@code metadata.labels} with string values. */
    public Map<String, String> labels() {
        return stringMap(metadata().get("labels"));
    }

    /** {@code metadata.tags}. */
    public List<String> tags() {
        Object tags = metadata().get("tags");
        if (!(tags instanceof List<?> list)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        list.forEach(tag -> {
            if (tag instanceof String text) {
                out.add(text);
            }
        });
        return out;
    }

    /** A string at a dotted path of {@code spec}, such as {@code owner} or {@code profile.email}. */
    public Optional<String> specString(String path) {
        Object current = spec();
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(part);
        }
        return current instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /** The stitched {@code relations}. */
    public List<Relation> relations() {
        Object relations = data.get("relations");
        if (!(relations instanceof List<?> list)) {
            return List.of();
        }
        List<Relation> out = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> relation && relation.get("type") instanceof String type
                    && relation.get("targetRef") instanceof String target) {
                out.add(new Relation(type, target));
            }
        }
        return out;
    }

    /** This entity's ref. */
    public EntityRef ref() {
        return EntityRef.of(kind(), namespace(), name());
    }

    /** A copy with one top-level field set (null removes it). */
    public Entity with(String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, freeze(value));
        }
        return new Entity(Collections.unmodifiableMap(copy));
    }

    /** A copy with one {@code metadata} field set (null removes it). */
    public Entity withMetadata(String field, Object value) {
        Map<String, Object> metadata = new LinkedHashMap<>(metadata());
        if (value == null) {
            metadata.remove(field);
        } else {
            metadata.put(field, value);
        }
        return with("metadata", metadata);
    }

    /** A copy with one annotation set (null removes it). */
    public Entity withAnnotation(String key, String value) {
        Map<String, Object> annotations = new LinkedHashMap<>(map(metadata().get("annotations")));
        if (value == null) {
            annotations.remove(key);
        } else {
            annotations.put(key, value);
        }
        return withMetadata("annotations", annotations.isEmpty() ? null : annotations);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Entity entity && entity.data.equals(data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }

    @Override
    public String toString() {
        return "Entity[" + kind() + ":" + namespace() + "/" + name() + "]";
    }

    private static String string(Object value) {
        return value instanceof String text ? text : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, String> stringMap(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((key, item) -> {
            if (item instanceof String text) {
                out.put(key.toString(), text);
            }
        });
        return out;
    }

    /** A deep, unmodifiable copy of JSON data; maps keep their order. */
    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), freeze(item)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(freeze(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
