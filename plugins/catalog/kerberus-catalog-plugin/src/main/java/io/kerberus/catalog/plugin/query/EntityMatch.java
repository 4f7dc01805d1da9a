package io.kerberus.catalog.plugin.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether one entity matches a filter predicate, decided exactly as the index decides it for a list:
 * the entity is flattened by the index's {@link Flattener} (array items under their array's key,
 * lower-case keys and values, long values left out, relations as {@code relations.<type>}) and the
 * predicate is interpreted by the same {@link Predicate} code. Single-entity permission checks use
 * this, so that they can never allow what the lists hide.
 */
public final class EntityMatch {

    private EntityMatch() {
    }

    /**
     * @param entity    the entity as the catalog serves it (with its relations)
     * @param predicate a filter predicate as in {@code POST /entities/by-query}; null matches
     * @throws io.kerberus.plugin.InputException for a malformed predicate
     */
    public static boolean matches(Map<String, Object> entity, Object predicate) {
        Map<String, Set<String>> fields = new HashMap<>();
        List<String> triples = Flattener.flatten(entity);
        for (int i = 0; i < triples.size(); i += 3) {
            fields.computeIfAbsent(triples.get(i), k -> new HashSet<>()).add(triples.get(i + 1));
        }
        return Predicate.evaluate(new Predicate.Domain<Boolean>() {
            @Override
            public Boolean all() {
                return true;
            }

            @Override
            public Boolean match(String key, Set<String> values) {
                Set<String> present = fields.get(key);
                if (present == null) {
                    return false;
                }
                return values.isEmpty() || values.stream().anyMatch(present::contains);
            }

            @Override
            public Boolean and(Boolean left, Boolean right) {
                return left && right;
            }

            @Override
            public Boolean or(Boolean left, Boolean right) {
                return left || right;
            }

            @Override
            public Boolean not(Boolean set) {
                return !set;
            }
        }, predicate);
    }
}
