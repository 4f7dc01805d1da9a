package io.kerberus.platform.permission;

import io.kerberus.platform.Json;
import io.kerberus.plugin.PermissionCriteria;
import tools.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Roles and rules to and from JSON-like maps: the shape of {@code permission.rbac.roles}, the database and the admin page. */
public final class RoleCodec {

    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
    };

    private RoleCodec() {
    }

    /**
     * A rule from {@code {permission|resourceType, action?, decision: allow|deny, conditions?}}.
     *
     * @throws IllegalArgumentException naming the wrong field
     */
    public static RoleRule rule(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!List.of("permission", "resourceType", "action", "decision", "conditions").contains(String.valueOf(key))) {
                throw new IllegalArgumentException("unknown rule field '" + key + "'; use permission, resourceType, action, decision, conditions");
            }
        }
        Object decision = map.get("decision");
        if (!"allow".equals(decision) && !"deny".equals(decision)) {
            throw new IllegalArgumentException("decision must be allow or deny; got " + decision);
        }
        String resourceType = text(map.get("resourceType"));
        Object conditions = map.get("conditions");
        PermissionCriteria criteria = conditions == null ? null
                : PermissionCriteria.fromJson(conditions, resourceType == null ? "catalog-entity" : resourceType);
        return new RoleRule(text(map.get("permission")), resourceType, text(map.get("action")), "allow".equals(decision), criteria);
    }

    /** The map form of a rule. */
    public static Map<String, Object> toMap(RoleRule rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (rule.permission() != null) {
            out.put("permission", rule.permission());
        }
        if (rule.resourceType() != null) {
            out.put("resourceType", rule.resourceType());
        }
        if (rule.action() != null) {
            out.put("action", rule.action());
        }
        out.put("decision", rule.allow() ? "allow" : "deny");
        if (rule.conditions() != null) {
            out.put("conditions", rule.conditions().toJson());
        }
        return out;
    }

    /** Rules from a JSON array. */
    public static List<RoleRule> rulesFromJson(String json) {
        List<RoleRule> rules = new ArrayList<>();
        int index = 0;
        for (Object item : Json.MAPPER.readValue(json, LIST)) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("rule " + (index + 1) + ": must be an object");
            }
            try {
                rules.add(rule(map));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule " + (index + 1) + ": " + e.getMessage(), e);
            }
            index++;
        }
        return rules;
    }

    /** Rules as a JSON array. */
    public static String rulesToJson(List<RoleRule> rules) {
        return Json.write(rules.stream().map(RoleCodec::toMap).toList());
    }

    /** A role as a map, for the API, the audit log's before/after and the page. */
    public static Map<String, Object> toMap(Role role) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", role.name());
        out.put("description", role.description());
        out.put("members", role.members());
        out.put("rules", role.rules().stream().map(RoleCodec::toMap).toList());
        out.put("source", role.source());
        return out;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
