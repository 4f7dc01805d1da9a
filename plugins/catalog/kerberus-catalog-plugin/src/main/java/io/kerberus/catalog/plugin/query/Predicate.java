package io.kerberus.catalog.plugin.query;

import io.kerberus.plugin.InputException;
import org.roaringbitmap.RoaringBitmap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Backstage's filter predicates, the {@code query} of {@code POST /entities/by-query} and
 * {@code POST /entity-facets}: an object whose fields must all match ({@code {"kind": "component",
 * "spec.type": {"$in": ["service", "website"]}, "metadata.tags": {"$exists": true}}}), combined with
 * {@code $all}, {@code $any} and {@code $not}. Values compare case-insensitively, as in the GET filters.
 */
final class Predicate {

    private Predicate() {
    }

    /** The entities matching {@code predicate} (null or empty matches all). */
    static RoaringBitmap evaluate(EntityIndex.Reader reader, Object predicate) {
        if (predicate == null) {
            return reader.match(EntityFilter.ALL);
        }
        if (!(predicate instanceof Map<?, ?> map)) {
            throw new InputException("query: a filter predicate must be an object, such as {\"kind\": \"component\"}");
        }
        RoaringBitmap result = reader.match(EntityFilter.ALL);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            RoaringBitmap part = switch (key) {
                case "$all" -> all(reader, list(key, value));
                case "$any" -> any(reader, list(key, value));
                case "$not" -> RoaringBitmap.andNot(reader.match(EntityFilter.ALL), evaluate(reader, value));
                default -> field(reader, key, value);
            };
            result.and(part);
        }
        return result;
    }

    private static RoaringBitmap all(EntityIndex.Reader reader, List<?> predicates) {
        RoaringBitmap result = reader.match(EntityFilter.ALL);
        predicates.forEach(p -> result.and(evaluate(reader, p)));
        return result;
    }

    private static RoaringBitmap any(EntityIndex.Reader reader, List<?> predicates) {
        RoaringBitmap result = new RoaringBitmap();
        predicates.forEach(p -> result.or(evaluate(reader, p)));
        return result;
    }

    private static RoaringBitmap field(EntityIndex.Reader reader, String key, Object value) {
        if (key.startsWith("$")) {
            throw new InputException("query: unknown operator " + key + "; use $all, $any, $not, $in or $exists");
        }
        String field = key.toLowerCase(Locale.ROOT);
        if (value instanceof Map<?, ?> operator) {
            if (operator.size() != 1) {
                throw new InputException("query: \"" + key + "\" needs exactly one operator, $in or $exists");
            }
            Map.Entry<?, ?> only = operator.entrySet().iterator().next();
            return switch (String.valueOf(only.getKey())) {
                case "$exists" -> Boolean.TRUE.equals(only.getValue())
                        ? reader.match(new EntityFilter(List.of(Map.of(field, EntityFilter.EXISTS))))
                        : RoaringBitmap.andNot(reader.match(EntityFilter.ALL), reader.match(new EntityFilter(List.of(Map.of(field, EntityFilter.EXISTS)))));
                case "$in" -> reader.match(new EntityFilter(List.of(Map.of(field, values(key, list("$in", only.getValue()))))));
                default -> throw new InputException("query: unknown operator " + only.getKey() + " on \"" + key + "\"; use $in or $exists");
            };
        }
        if (value instanceof List<?>) {
            throw new InputException("query: \"" + key + "\" must be a value or an operator object, not a list; use {\"$in\": [...]}");
        }
        return reader.match(new EntityFilter(List.of(Map.of(field, values(key, List.of(value))))));
    }

    private static Set<String> values(String key, List<?> values) {
        Set<String> out = new LinkedHashSet<>();
        for (Object value : values) {
            if (value == null || value instanceof Map || value instanceof List) {
                throw new InputException("query: the values of \"" + key + "\" must be strings, numbers or booleans");
            }
            out.add(value.toString().toLowerCase(Locale.ROOT));
        }
        return out.isEmpty() ? Set.of("\u0000no-value") : out;
    }

    private static List<?> list(String key, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new InputException("query: " + key + " needs a list");
        }
        return new ArrayList<>(list);
    }
}
