package io.kerberus.plugin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The permission framework as a plugin sees it ({@link PluginContext#permissions()}): declare
 * permissions and resource rules, and ask whether a principal may do something. See
 * docs/permissions.md.
 */
public interface Permissions {

    /** Loads a resource by its ref, as JSON maps and lists; empty when it does not exist. */
    @FunctionalInterface
    interface ResourceLoader {
        Optional<Map<String, Object>> load(String resourceRef);
    }

    /** Declares permissions this plugin checks, so that the admin page, the CLI and the authorize endpoint know them. */
    void declare(Permission... permissions);

    /**
     * Declares a resource type this plugin owns, such as {@code catalog-entity}: how to load a resource
     * by ref and the rules conditions may use on it. Conditional decisions on a single resource are
     * resolved with these.
     */
    void resourceType(String resourceType, ResourceLoader loader, PermissionRule... rules);

    /**
     * Finds the ownership refs of a user who is not signed in (for the explainer and the CLI), such as
     * the catalog's User entity and its groups. The first resolver that answers wins.
     */
    void ownershipResolver(java.util.function.Function<String, Optional<List<String>>> resolver);

    /** Replaces the platform's policy (RBAC over the default policy) with this one; at most one plugin may. */
    void usePolicy(PermissionPolicy policy);

    /** Every declared permission, by name. */
    List<Permission> declared();

    /** A declared permission by name. */
    Optional<Permission> find(String name);

    /**
     * The policy's decision for a permission without a resource: may be {@link PolicyDecision.Result#CONDITIONAL},
     * to apply as a query filter when listing resources.
     */
    PolicyDecision authorize(Principal principal, Permission permission);

    /**
     * The decision for one resource: conditional decisions are resolved against the resource with
     * its type's rules, so the result is allow or deny (deny when the resource does not exist). The
     * reason names the rule that decided.
     */
    PolicyDecision authorize(Principal principal, Permission permission, String resourceRef);

    /** Whether conditions hold for a resource already loaded, using the rules of its resource type. */
    boolean matches(PermissionCriteria conditions, String resourceType, Map<String, Object> resource);

    /** The ownership refs of a user ref (itself and its groups), from the {@link #ownershipResolver resolvers}. */
    List<String> ownershipOf(String userRef);

    /**
     * Throws {@link NotAllowedException} (403) unless {@link #authorize(Principal, Permission, String)}
     * allows it; the message names the permission and the deciding rule.
     *
     * @param resourceRef the resource, or null for a basic permission
     */
    default void require(Principal principal, Permission permission, String resourceRef) {
        PolicyDecision decision = resourceRef == null ? authorize(principal, permission) : authorize(principal, permission, resourceRef);
        if (!decision.isAllowed()) {
            throw new NotAllowedException(principal.subject() + " may not " + permission.name()
                    + (resourceRef == null ? "" : " on " + resourceRef) + " (decided by " + decision.reason() + ")");
        }
    }
}
