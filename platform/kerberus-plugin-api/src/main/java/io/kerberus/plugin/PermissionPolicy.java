package io.kerberus.plugin;

/**
 * Decides permissions: the policy SPI. The platform's policy (RBAC roles over the default policy, see
 * docs/permissions.md) answers unless a plugin installs its own with {@link Permissions#usePolicy}.
 * Decisions must be fast and must not block: they run on every request that needs one.
 */
@FunctionalInterface
public interface PermissionPolicy {

    /**
     * Decides one request.
     *
     * @param request what is asked
     * @param user    who asks (a user, a plugin or an external caller)
     * @return allow, deny, or conditional with conditions on {@code request.permission().resourceType()};
     *         give the deciding rule as the reason
     */
    PolicyDecision decide(PermissionRequest request, Principal user);
}
