package io.kerberus.search.plugin;

import io.kerberus.plugin.PermissionCriteria;
import io.kerberus.search.plugin.collate.CatalogCollator;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates {@code catalog-entity} conditions into the search engine's filters (every key must
 * match one of its values) where that is exact: {@code IS_ENTITY_KIND} → {@code kind},
 * {@code IS_ENTITY_OWNER} → {@code ownedBy}, {@code allOf} of those (values of a repeated key
 * intersected) and {@code anyOf} over one key (values joined). Anything else is empty: the caller
 * then filters by the refs of the readable entities. A key with no values means "nothing".
 */
final class ReadFilters {

    private ReadFilters() {
    }

    static Optional<Map<String, List<String>>> of(PermissionCriteria criteria) {
        return translate(criteria).map(map -> {
            Map<String, List<String>> out = new LinkedHashMap<>();
            map.forEach((key, values) -> out.put(key, List.copyOf(values)));
            return out;
        });
    }

    private static Optional<Map<String, Set<String>>> translate(PermissionCriteria criteria) {
        return switch (criteria) {
            case PermissionCriteria.Condition c -> condition(c);
            case PermissionCriteria.AllOf all -> allOf(all.criteria());
            case PermissionCriteria.AnyOf any -> anyOf(any.criteria());
            case PermissionCriteria.Not not -> Optional.empty();
        };
    }

    private static Optional<Map<String, Set<String>>> condition(PermissionCriteria.Condition c) {
        String rule = c.rule().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        String key = switch (rule) {
            case "IS_ENTITY_KIND" -> "kind";
            case "IS_ENTITY_OWNER" -> CatalogCollator.OWNED_BY_FACET;
            default -> null;
        };
        Object values = c.params().get(rule.equals("IS_ENTITY_KIND") ? "kinds" : "claims");
        if (key == null || !(values instanceof List<?> list)) {
            return Optional.empty();
        }
        Set<String> set = new LinkedHashSet<>();
        list.forEach(v -> set.add(String.valueOf(v).toLowerCase(Locale.ROOT)));
        Map<String, Set<String>> out = new LinkedHashMap<>();
        out.put(key, set);
        return Optional.of(out);
    }

    private static Optional<Map<String, Set<String>>> allOf(List<PermissionCriteria> parts) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (PermissionCriteria part : parts) {
            Optional<Map<String, Set<String>>> each = translate(part);
            if (each.isEmpty()) {
                return Optional.empty();
            }
            each.get().forEach((key, values) -> out.merge(key, new LinkedHashSet<>(values), (a, b) -> {
                a.retainAll(b);
                return a;
            }));
        }
        return Optional.of(out);
    }

    private static Optional<Map<String, Set<String>>> anyOf(List<PermissionCriteria> parts) {
        String key = null;
        Set<String> union = new LinkedHashSet<>();
        for (PermissionCriteria part : parts) {
            Optional<Map<String, Set<String>>> each = translate(part);
            if (each.isEmpty() || each.get().size() != 1) {
                return Optional.empty();
            }
            String only = each.get().keySet().iterator().next();
            if (key != null && !key.equals(only)) {
                return Optional.empty();
            }
            key = only;
            union.addAll(each.get().get(only));
        }
        if (key == null) {
            // anyOf [] holds for nothing
            return Optional.of(Map.of("kind", Set.of()));
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        out.put(key, union);
        return Optional.of(out);
    }
}
