package io.kerberus.catalog.plugin.permission;

import io.kerberus.plugin.PermissionCriteria;
import io.kerberus.plugin.PermissionRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backstage's catalog permission rules on {@code catalog-entity}, both ways: {@link #RULES} apply to
 * one entity, {@link #toQuery} turns criteria into the catalog's own filter predicate
 * ({@code $all}/{@code $any}/{@code $not} over indexed fields), so lists, counts, facets and pages
 * are filtered by the index itself.
 */
public final class EntityRules {

    public static final String RESOURCE_TYPE = "catalog-entity";

    /** A predicate that matches nothing. */
    public static final Map<String, Object> NOTHING = Map.of("$any", List.of());

    private EntityRules() {
    }

    /** The rules, by wire name. */
    public static final List<PermissionRule> RULES = List.of(
            rule("IS_ENTITY_OWNER", "the entity's owner (ownedBy relation) is one of params.claims",
                    (e, p) -> relations(e, "ownedBy").stream().anyMatch(strings(p, "claims")::contains)),
            rule("IS_ENTITY_KIND", "the entity's kind is one of params.kinds",
                    (e, p) -> strings(p, "kinds").contains(lower(e.get("kind")))),
            rule("HAS_ANNOTATION", "the entity has annotation params.annotation (equal to params.value when given)",
                    (e, p) -> has(child(e, "metadata", "annotations"), required(p, "annotation"), p.get("value"))),
            rule("HAS_LABEL", "the entity has label params.label",
                    (e, p) -> has(child(e, "metadata", "labels"), required(p, "label"), p.get("value"))),
            rule("HAS_METADATA", "metadata.<params.key> exists (equal to params.value when given)",
                    (e, p) -> has(child(e, "metadata"), required(p, "key"), p.get("value"))),
            rule("HAS_SPEC", "spec.<params.key> exists (equal to params.value when given)",
                    (e, p) -> has(child(e, "spec"), required(p, "key"), p.get("value"))));

    /**
     * The criteria as a filter predicate of {@code POST /entities/by-query} (case-insensitive as all
     * catalog filters).
     *
     * @throws IllegalArgumentException for a rule the catalog does not know
     */
    public static Map<String, Object> toQuery(PermissionCriteria criteria) {
        return switch (criteria) {
            case PermissionCriteria.AllOf all -> Map.of("$all", all.criteria().stream().map(EntityRules::toQuery).toList());
            case PermissionCriteria.AnyOf any -> Map.of("$any", any.criteria().stream().map(EntityRules::toQuery).toList());
            case PermissionCriteria.Not not -> Map.of("$not", toQuery(not.criteria()));
            case PermissionCriteria.Condition c -> condition(c);
        };
    }

    private static Map<String, Object> condition(PermissionCriteria.Condition c) {
        Map<String, Object> p = c.params();
        return switch (c.rule()) {
            case "IS_ENTITY_OWNER" -> in("relations.ownedBy", strings(p, "claims"));
            case "IS_ENTITY_KIND" -> in("kind", strings(p, "kinds"));
            case "HAS_ANNOTATION" -> field("metadata.annotations." + required(p, "annotation"), p.get("value"));
            case "HAS_LABEL" -> field("metadata.labels." + required(p, "label"), p.get("value"));
            case "HAS_METADATA" -> field("metadata." + required(p, "key"), p.get("value"));
            case "HAS_SPEC" -> field("spec." + required(p, "key"), p.get("value"));
            default -> throw new IllegalArgumentException("Unknown catalog-entity rule " + c.rule()
                    + "; use IS_ENTITY_OWNER, IS_ENTITY_KIND, HAS_ANNOTATION, HAS_LABEL, HAS_METADATA or HAS_SPEC");
        };
    }

    private static Map<String, Object> in(String key, List<String> values) {
        return values.isEmpty() ? NOTHING : Map.of(key, Map.of("$in", values));
    }

    private static Map<String, Object> field(String key, Object value) {
        return value == null ? Map.of(key, Map.of("$exists", true)) : Map.of(key, value.toString());
    }

    private interface Test {
        boolean apply(Map<String, Object> entity, Map<String, Object> params);
    }

    private static PermissionRule rule(String name, String description, Test test) {
        return new PermissionRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public boolean apply(Map<String, Object> resource, Map<String, Object> params) {
                return test.apply(resource, params);
            }
        };
    }

    private static List<String> relations(Map<String, Object> entity, String type) {
        List<String> out = new ArrayList<>();
        if (entity.get("relations") instanceof List<?> relations) {
            for (Object relation : relations) {
                if (relation instanceof Map<?, ?> r && type.equals(r.get("type")) && r.get("targetRef") != null) {
                    out.add(lower(r.get("targetRef")));
                }
            }
        }
        return out;
    }

    private static Map<?, ?> child(Map<String, Object> entity, String... path) {
        Object value = entity;
        for (String key : path) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static boolean has(Map<?, ?> map, String key, Object expected) {
        Object value = map;
        for (String part : map.containsKey(key) ? new String[] {key} : key.split("\\.")) {
            value = value instanceof Map<?, ?> m ? m.get(part) : null;
        }
        if (value == null) {
            return false;
        }
        return expected == null || lower(value).equals(lower(expected));
    }

    private static List<String> strings(Map<String, Object> params, String key) {
        Object value = params.get(key);
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("params." + key + " must be a list of strings");
        }
        return list.stream().map(EntityRules::lower).toList();
    }

    private static String required(Map<String, Object> params, String key) {
        Object value = params.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("params." + key + " is required");
        }
        return value.toString();
    }

    private static String lower(Object value) {
        return value == null ? "" : value.toString().toLowerCase(Locale.ROOT);
    }

}
