package io.kerberus.platform.permission;

import io.kerberus.plugin.Permission;
import io.kerberus.plugin.PermissionCriteria;

import java.util.Locale;

/**
 * One rule of a role: which permissions it matches and what it decides.
 *
 * @param permission   a permission name, or {@code *} for every permission; null when {@code resourceType} matches
 * @param resourceType a resource type, such as {@code catalog-entity}: matches its permissions; may be null
 * @param action       only permissions with this action ({@code read}, {@code create}, {@code update}, {@code delete}); may be null
 * @param allow        allow or deny
 * @param conditions   only on resources where these hold; null for always. {@code IS_ENTITY_OWNER}
 *                     without {@code claims} means the asking user's ownership refs
 */
public record RoleRule(String permission, String resourceType, String action, boolean allow, PermissionCriteria conditions) {

    public RoleRule {
        permission = blankToNull(permission);
        resourceType = blankToNull(resourceType);
        action = action == null || action.isBlank() ? null : action.strip().toLowerCase(Locale.ROOT);
        if (permission == null && resourceType == null) {
            throw new IllegalArgumentException("a rule needs 'permission' (a name or *) or 'resourceType'");
        }
    }

    /** Whether the rule is about this permission. */
    public boolean matches(Permission asked) {
        if (permission != null && !permission.equals("*") && !permission.equals(asked.name())) {
            return false;
        }
        if (resourceType != null && !resourceType.equals(asked.resourceType())) {
            return false;
        }
        return action == null || action.equals(asked.action());
    }

    /** The rule in one line, as the explainer shows it: {@code catalog.entity.delete allow if {...}}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(permission != null ? permission : "resourceType=" + resourceType);
        if (permission != null && resourceType != null) {
            out.append(" resourceType=").append(resourceType);
        }
        if (action != null) {
            out.append(" action=").append(action);
        }
        out.append(allow ? " allow" : " deny");
        if (conditions != null) {
            out.append(" if ").append(Criteria.describe(conditions));
        }
        return out.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
