package io.kerberus.catalog.plugin.query;

import io.kerberus.plugin.Request;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backstage's {@code fields} parameter: keeps only the given dotted fields of each entity's JSON, which
 * the index holds as text; entities pass through untouched when no field is asked for.
 */
final class FieldProjection {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private FieldProjection() {
    }

    /** The fields of a request's {@code fields} parameters, each a comma-separated list. */
    static List<String> fields(Request request) {
        List<String> fields = new ArrayList<>();
        request.queryParams("fields").forEach(value -> {
            for (String field : value.split(",")) {
                if (!field.isBlank()) {
                    fields.add(field.strip());
                }
            }
        });
        return fields;
    }

    /** Keeps only the given dotted fields of each entity; returns {@code items} itself when there are none. */
    @SuppressWarnings("unchecked")
    static List<String> project(List<String> items, List<String> fields) {
        if (fields.isEmpty()) {
            return items;
        }
        List<String> out = new ArrayList<>(items.size());
        for (String item : items) {
            Map<String, Object> entity = JSON.readValue(item, MAP);
            Map<String, Object> projected = new LinkedHashMap<>();
            for (String field : fields) {
                String[] parts = field.split("\\.");
                Object value = entity;
                for (String part : parts) {
                    value = value instanceof Map<?, ?> map ? map.get(part) : null;
                }
                if (value == null) {
                    continue;
                }
                Map<String, Object> target = projected;
                for (int i = 0; i < parts.length - 1; i++) {
                    target = (Map<String, Object>) target.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
                }
                target.put(parts[parts.length - 1], value);
            }
            out.add(JSON.writeValueAsString(projected));
        }
        return out;
    }

    /** A JSON array of entities already in JSON. */
    static String array(List<String> items) {
        StringBuilder out = new StringBuilder(items.size() * 1024 + 2).append('[');
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ",").append(items.get(i));
        }
        return out.append(']').toString();
    }
}
