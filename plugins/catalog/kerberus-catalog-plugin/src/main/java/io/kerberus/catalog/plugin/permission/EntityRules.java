package io.kerberus.catalog.plugin.permission;

import io.kerberus.catalog.plugin.query.EntityMatch;
import io.kerberus.plugin.PermissionCriteria;
import io.kerberus.plugin.PermissionRule;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backstage's catalog permission rules on {@code catalog-entity}. Each rule is defined once, as the
 * catalog's own filter predicate ({@link #toQuery}: {@code $all}/{@code $any}/{@code $not} over
 * indexed fields), so lists, counts, facets and pages are filtered by the index itself; and a single
 * entity ({@link #RULES}) is decided by evaluating that same predicate over the entity flattened as
 * the index flattens it ({@link EntityMatch}), so the two can never disagree.
 */
public final class EntityRules {

    public static final String RESOURCE_TYPE = "catalog-entity";

    /** A predicate that matches nothing. */
    public static final Map<String, Object> NOTHING = Map.of("$any", List.of());

    private EntityRules() {
    }

    /** The rules, by wire name: each applies its {@linkplain #toQuery index predicate} to one entity. */
    public static final List<PermissionRule> RULES = List.of(
            rule("IS_ENTITY_OWNER", "the entity's owner (ownedBy relation) is one of params.claims"),
            rule("IS_ENTITY_KIND", "the entity's kind is one of params.kinds"),
            rule("HAS_ANNOTATION", "the entity has annotation params.annotation (equal to params.value when given)"),
            rule("HAS_LABEL", "the entity has label params.label"),
            rule("HAS_METADATA", "metadata.<params.key> exists (equal to params.value when given)"),
            rule("HAS_SPEC", "spec.<params.key> exists (equal to params.value when given)"));

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
        // Backstage's wire name, whichever way it is written (isEntityOwner or IS_ENTITY_OWNER)
        String rule = c.rule().equals(c.rule().toUpperCase(Locale.ROOT)) ? c.rule()
                : c.rule().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return switch (rule) {
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

    private static PermissionRule rule(String name, String description) {
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
                return EntityMatch.matches(resource, condition(new PermissionCriteria.Condition(name, RESOURCE_TYPE, params)));
            }
        };
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
