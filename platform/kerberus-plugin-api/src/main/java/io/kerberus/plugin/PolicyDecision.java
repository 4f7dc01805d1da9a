package io.kerberus.plugin;

import java.util.Objects;

/**
 * A policy's answer, with the rule that decided (the "why" of the explainer).
 *
 * @param result       allow, deny, or allow when the conditions hold
 * @param pluginId     for conditional decisions: the plugin owning the resource type (such as {@code catalog})
 * @param resourceType for conditional decisions: the resource type the conditions apply to
 * @param conditions   for conditional decisions: the conditions; null otherwise
 * @param reason       which policy, role or rule decided, in words, such as
 *                     {@code role 'developers': catalog.entity.delete allow if IS_ENTITY_OWNER}
 */
public record PolicyDecision(Result result, String pluginId, String resourceType, PermissionCriteria conditions, String reason) {

    /** Backstage's {@code AuthorizeResult}. */
    public enum Result { ALLOW, DENY, CONDITIONAL }

    public PolicyDecision {
        Objects.requireNonNull(result, "result");
        if (result == Result.CONDITIONAL && (conditions == null || resourceType == null)) {
            throw new IllegalArgumentException("a conditional decision needs a resource type and conditions");
        }
        reason = reason == null ? "" : reason;
    }

    /** Allowed, because of {@code reason}. */
    public static PolicyDecision allow(String reason) {
        return new PolicyDecision(Result.ALLOW, null, null, null, reason);
    }

    /** Denied, because of {@code reason}. */
    public static PolicyDecision deny(String reason) {
        return new PolicyDecision(Result.DENY, null, null, null, reason);
    }

    /** Allowed for the resources of {@code resourceType} (owned by {@code pluginId}) on which {@code conditions} hold. */
    public static PolicyDecision conditional(String pluginId, String resourceType, PermissionCriteria conditions, String reason) {
        return new PolicyDecision(Result.CONDITIONAL, pluginId, resourceType, conditions, reason);
    }

    public boolean isAllowed() {
        return result == Result.ALLOW;
    }

    public boolean isDenied() {
        return result == Result.DENY;
    }

    public boolean isConditional() {
        return result == Result.CONDITIONAL;
    }
}
