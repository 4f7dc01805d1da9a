package io.kerberus.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Conditions on a resource, in Backstage's criteria shape: a rule
 * ({@code {rule: IS_ENTITY_OWNER, resourceType: catalog-entity, params: {claims: [...]}}}) or
 * {@code {allOf: [...]}}, {@code {anyOf: [...]}}, {@code {not: ...}} nesting them.
 */
public sealed interface PermissionCriteria {

    /**
     * One rule applied to the resource.
     *
     * @param rule         the rule's name, such as {@code IS_ENTITY_OWNER}
     * @param resourceType the resource type the rule belongs to
     * @param params       the rule's parameters
     */
    record Condition(String rule, String resourceType, Map<String, Object> params) implements PermissionCriteria {
        public Condition {
            Objects.requireNonNull(rule, "rule");
            params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /** All must hold (an empty list holds). */
    record AllOf(List<PermissionCriteria> criteria) implements PermissionCriteria {
        public AllOf {
            criteria = List.copyOf(criteria);
        }
    }

    /** At least one must hold (an empty list does not hold). */
    record AnyOf(List<PermissionCriteria> criteria) implements PermissionCriteria {
        public AnyOf {
            criteria = List.copyOf(criteria);
        }
    }

    /** The criteria must not hold. */
    record Not(PermissionCriteria criteria) implements PermissionCriteria {
        public Not {
            Objects.requireNonNull(criteria, "criteria");
        }
    }

    /** A rule on a resource type. */
    static PermissionCriteria rule(String rule, String resourceType, Map<String, Object> params) {
        return new Condition(rule, resourceType, params);
    }

    /** Backstage's JSON shape, as maps and lists. */
    default Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (this) {
            case Condition c -> {
                out.put("rule", c.rule());
                out.put("resourceType", c.resourceType());
                out.put("params", c.params());
            }
            case AllOf all -> out.put("allOf", all.criteria().stream().map(PermissionCriteria::toJson).toList());
            case AnyOf any -> out.put("anyOf", any.criteria().stream().map(PermissionCriteria::toJson).toList());
            case Not not -> out.put("not", not.criteria().toJson());
        }
        return out;
    }

    /**
     * Reads Backstage's JSON shape.
     *
     * @param json                a map as Jackson or a YAML reader produces it
     * @param defaultResourceType used for rules that name no resource type
     * @throws IllegalArgumentException naming what is wrong
     */
    static PermissionCriteria fromJson(Object json, String defaultResourceType) {
        if (!(json instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new IllegalArgumentException("a condition must be an object with rule, allOf, anyOf or not; got " + json);
        }
        if (map.containsKey("allOf")) {
            return new AllOf(list(map.get("allOf"), "allOf", defaultResourceType));
        }
        if (map.containsKey("anyOf")) {
            return new AnyOf(list(map.get("anyOf"), "anyOf", defaultResourceType));
        }
        if (map.containsKey("not")) {
            return new Not(fromJson(map.get("not"), defaultResourceType));
        }
        Object rule = map.get("rule");
        if (!(rule instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("a condition needs 'rule' (such as IS_ENTITY_OWNER), or allOf, anyOf or not; got " + map.keySet());
        }
        Object type = map.get("resourceType");
        Object params = map.get("params");
        if (params != null && !(params instanceof Map)) {
            throw new IllegalArgumentException("the params of rule " + name + " must be an object");
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        if (params instanceof Map<?, ?> p) {
            p.forEach((k, v) -> typed.put(String.valueOf(k), v));
        }
        return new Condition(name, type == null ? defaultResourceType : type.toString(), typed);
    }

    private static List<PermissionCriteria> list(Object value, String key, String defaultResourceType) {
        if (!(value instanceof List<?> items)) {
            throw new IllegalArgumentException(key + " must be a list of conditions");
        }
        List<PermissionCriteria> out = new ArrayList<>();
        items.forEach(item -> out.add(fromJson(item, defaultResourceType)));
        return out;
    }
}
