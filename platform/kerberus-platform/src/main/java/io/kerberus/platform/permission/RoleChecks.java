package io.kerberus.platform.permission;

import io.kerberus.plugin.ConfigException;
import io.kerberus.plugin.Permission;
import io.kerberus.plugin.PermissionCriteria;
import io.kerberus.plugin.PermissionRule;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks role rules against what the plugins declared, so that a typo is refused when a role is
 * saved or the config is loaded instead of breaking pages later: conditions must use rules of the
 * resource type the rule's permissions are on, with valid params, and only resource permissions can
 * have conditions.
 */
final class RoleChecks {

    private final PermissionService permissions;

    RoleChecks(PermissionService permissions) {
        this.permissions = permissions;
    }

    /**
     * Checks one rule.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    void check(RoleRule rule) {
        if (rule.conditions() == null) {
            return;
        }
        String resourceType = resourceType(rule);
        PermissionService.ResourceType type = permissions.resourceTypes().get(resourceType);
        if (type == null) {
            throw new IllegalArgumentException("conditions: no plugin declares resource type '" + resourceType + "'; known: "
                    + permissions.resourceTypes().keySet().stream().sorted().toList());
        }
        // as the policy applies them: rule names normalized, IS_ENTITY_OWNER without claims filled
        check(Criteria.forUser(rule.conditions(), List.of()), resourceType, type.rules());
    }

    /** The resource type whose rules the conditions of a rule are applied with. */
    private String resourceType(RoleRule rule) {
        if (rule.permission() == null || rule.permission().equals("*")) {
            if (rule.resourceType() == null) {
                throw new IllegalArgumentException("conditions apply to one resource type: a rule with conditions on every permission ('*') "
                        + "needs a resourceType, such as catalog-entity");
            }
            return rule.resourceType();
        }
        Optional<Permission> declared = permissions.find(rule.permission());
        if (declared.isEmpty()) {
            throw new IllegalArgumentException("unknown permission '" + rule.permission() + "'; declared: "
                    + String.join(", ", permissions.declared().stream().map(Permission::name).toList()));
        }
        if (!declared.get().isResource()) {
            throw new IllegalArgumentException("conditions need a resource permission; " + rule.permission()
                    + " is a basic permission (allow or deny it without conditions)");
        }
        if (rule.resourceType() != null && !rule.resourceType().equals(declared.get().resourceType())) {
            throw new IllegalArgumentException(rule.permission() + " is on resource type " + declared.get().resourceType()
                    + ", not " + rule.resourceType());
        }
        return declared.get().resourceType();
    }

    private static void check(PermissionCriteria criteria, String resourceType, Map<String, PermissionRule> rules) {
        switch (criteria) {
            case PermissionCriteria.Condition c -> {
                PermissionRule rule = rules.get(c.rule());
                if (rule == null) {
                    throw new IllegalArgumentException("conditions: unknown rule " + c.rule() + " for resource type " + resourceType
                            + "; use " + (rules.isEmpty() ? "no conditions (it has no rules)" : String.join(", ", rules.keySet().stream().sorted().toList())));
                }
                try {
                    // wrong params throw, whatever the resource (PermissionRule#apply)
                    rule.apply(Map.of(), c.params());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("conditions: rule " + c.rule() + ": " + e.getMessage(), e);
                } catch (RuntimeException e) {
                    // not about the params: the rule cannot handle an empty resource, which is no concern here
                }
            }
            case PermissionCriteria.AllOf all -> all.criteria().forEach(x -> check(x, resourceType, rules));
            case PermissionCriteria.AnyOf any -> any.criteria().forEach(x -> check(x, resourceType, rules));
            case PermissionCriteria.Not not -> check(not.criteria(), resourceType, rules);
        }
    }

    /**
     * Checks the roles of {@code permission.rbac.roles} once every plugin has declared its
     * permissions and resource types.
     *
     * @throws ConfigException naming the key path of the first wrong rule
     */
    void checkConfigured(List<Role> configured) {
        for (int i = 0; i < configured.size(); i++) {
            Role role = configured.get(i);
            for (int j = 0; j < role.rules().size(); j++) {
                try {
                    check(role.rules().get(j));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("permission.rbac.roles[" + i + "].rules[" + j + "] (role '" + role.name() + "'): " + e.getMessage());
                }
            }
        }
    }
}
