package io.kerberus.platform.permission;

import io.kerberus.plugin.PermissionCriteria;
import io.kerberus.plugin.PermissionCriteria.AllOf;
import io.kerberus.plugin.PermissionCriteria.AnyOf;
import io.kerberus.plugin.PermissionCriteria.Condition;
import io.kerberus.plugin.PermissionCriteria.Not;
import io.kerberus.plugin.PermissionRule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Working with {@link PermissionCriteria}: rule names, the current user's claims, evaluation, text. */
public final class Criteria {

    private Criteria() {
    }

    /**
     * Backstage's wire name of a rule written either way: {@code isEntityOwner} and
     * {@code IS_ENTITY_OWNER} both give {@code IS_ENTITY_OWNER}.
     */
    public static String ruleName(String name) {
        if (name.equals(name.toUpperCase(Locale.ROOT))) {
            return name;
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /**
     * Normalizes rule names and fills {@code claims} of {@code IS_ENTITY_OWNER} rules that have none
     * with the user's ownership refs, so that a role can say "owned by whoever asks".
     */
    public static PermissionCriteria forUser(PermissionCriteria criteria, List<String> ownershipRefs) {
        return switch (criteria) {
            case Condition c -> {
                String rule = ruleName(c.rule());
                Map<String, Object> params = new LinkedHashMap<>(c.params());
                if (rule.equals("IS_ENTITY_OWNER") && !params.containsKey("claims")) {
                    params.put("claims", List.copyOf(ownershipRefs));
                }
                if (rule.equals("IS_TASK_OWNER") && !params.containsKey("createdBy")) {
                    params.put("createdBy", List.copyOf(ownershipRefs));
                }
                yield new Condition(rule, c.resourceType(), params);
            }
            case AllOf all -> new AllOf(all.criteria().stream().map(x -> forUser(x, ownershipRefs)).toList());
            case AnyOf any -> new AnyOf(any.criteria().stream().map(x -> forUser(x, ownershipRefs)).toList());
            case Not not -> new Not(forUser(not.criteria(), ownershipRefs));
        };
    }

    /**
     * Whether the criteria hold for a resource.
     *
     * @throws IllegalArgumentException when a rule is unknown for the resource type
     */
    public static boolean holds(PermissionCriteria criteria, Map<String, Object> resource, Map<String, PermissionRule> rules) {
        return switch (criteria) {
            case Condition c -> {
                PermissionRule rule = rules.get(ruleName(c.rule()));
                if (rule == null) {
                    throw new IllegalArgumentException("Unknown rule " + c.rule() + " for resource type " + c.resourceType()
                            + "; known: " + rules.keySet());
                }
                yield rule.apply(resource, c.params());
            }
            case AllOf all -> all.criteria().stream().allMatch(x -> holds(x, resource, rules));
            case AnyOf any -> any.criteria().stream().anyMatch(x -> holds(x, resource, rules));
            case Not not -> !holds(not.criteria(), resource, rules);
        };
    }

    /** A short readable form: {@code IS_ENTITY_KIND{kinds=[api]} and not HAS_LABEL{label=x}}. */
    public static String describe(PermissionCriteria criteria) {
        return switch (criteria) {
            case Condition c -> c.rule() + (c.params().isEmpty() ? "" : c.params().toString());
            case AllOf all -> all.criteria().isEmpty() ? "true"
                    : all.criteria().stream().map(Criteria::nested).collect(Collectors.joining(" and "));
            case AnyOf any -> any.criteria().isEmpty() ? "false"
                    : any.criteria().stream().map(Criteria::nested).collect(Collectors.joining(" or "));
            case Not not -> "not " + nested(not.criteria());
        };
    }

    private static String nested(PermissionCriteria criteria) {
        return criteria instanceof Condition || criteria instanceof Not ? describe(criteria) : "(" + describe(criteria) + ")";
    }
}
