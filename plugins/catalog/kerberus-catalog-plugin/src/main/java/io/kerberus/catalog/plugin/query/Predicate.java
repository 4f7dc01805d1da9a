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
 * <p>
 * One interpretation serves both the index (sets of entities as bitmaps) and a single entity
 * ({@link EntityMatch}, a boolean over the same flattened fields), so that a permission condition
 * filters lists exactly as it decides single entities.
 */
final class Predicate {

    private Predicate() {
    }

    /**
     * What a predicate is evaluated over: the entities of the index, or one entity.
     *
     * @param <T> a set of entities
     */
    interface Domain<T> {
        /** Every entity (a fresh, modifiable result). */
        T all();

        /** The entities with a value of {@code key} among {@code values} (lower-case), or with the key at all when {@code values} is empty. */
        T match(String key, Set<String> values);

        T and(T left, T right);

        T or(T left, T right);

        T not(T set);
    }

    /** The entities matching {@code predicate} (null or empty matches all). */
    static RoaringBitmap evaluate(EntityIndex.Reader reader, Object predicate) {
        return evaluate(new Domain<RoaringBitmap>() {
            @Override
            public RoaringBitmap all() {
                return reader.match(EntityFilter.ALL);
            }

            @Override
            public RoaringBitmap match(String key, Set<String> values) {
                return reader.match(new EntityFilter(List.of(Map.of(key, values))));
            }

            @Override
            public RoaringBitmap and(RoaringBitmap left, RoaringBitmap right) {
                left.and(right);
                return left;
            }

            @Override
            public RoaringBitmap or(RoaringBitmap left, RoaringBitmap right) {
                left.or(right);
                return left;
            }

            @Override
            public RoaringBitmap not(RoaringBitmap set) {
                return RoaringBitmap.andNot(reader.match(EntityFilter.ALL), set);
            }
        }, predicate);
    }

    /** The entities of {@code domain} matching {@code predicate} (null or empty matches all). */
    static <T> T evaluate(Domain<T> domain, Object predicate) {
        if (predicate == null) {
            return domain.all();
        }
        if (!(predicate instanceof Map<?, ?> map)) {
            throw new InputException("query: a filter predicate must be an object, such as {\"kind\": \"component\"}");
        }
        T result = domain.all();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            T part = switch (key) {
                case "$all" -> all(domain, list(key, value));
                case "$any" -> any(domain, list(key, value));
                case "$not" -> domain.not(evaluate(domain, value));
                default -> field(domain, key, value);
            };
            result = domain.and(result, part);
        }
        return result;
    }

    private static <T> T all(Domain<T> domain, List<?> predicates) {
        T result = domain.all();
        for (Object p : predicates) {
            result = domain.and(result, evaluate(domain, p));
        }
        return result;
    }

    private static <T> T any(Domain<T> domain, List<?> predicates) {
        T result = domain.not(domain.all());
        for (Object p : predicates) {
            result = domain.or(result, evaluate(domain, p));
        }
        return result;
    }

    private static <T> T field(Domain<T> domain, String key, Object value) {
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
                        ? domain.match(field, EntityFilter.EXISTS)
                        : domain.not(domain.match(field, EntityFilter.EXISTS));
                case "$in" -> domain.match(field, values(key, list("$in", only.getValue())));
                default -> throw new InputException("query: unknown operator " + only.getKey() + " on \"" + key + "\"; use $in or $exists");
            };
        }
        if (value instanceof List<?>) {
            throw new InputException("query: \"" + key + "\" must be a value or an operator object, not a list; use {\"$in\": [...]}");
        }
        return domain.match(field, values(key, List.of(value)));
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
