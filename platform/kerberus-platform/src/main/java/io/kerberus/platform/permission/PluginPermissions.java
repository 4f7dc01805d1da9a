package io.kerberus.platform.permission;

import io.kerberus.plugin.Permission;
import io.kerberus.plugin.PermissionCriteria;
import io.kerberus.plugin.PermissionPolicy;
import io.kerberus.plugin.PermissionRule;
import io.kerberus.plugin.Permissions;
import io.kerberus.plugin.PolicyDecision;
import io.kerberus.plugin.Principal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The permission framework as one plugin sees it: what it declares is recorded under its id. */
final class PluginPermissions implements Permissions {

    private final PermissionService service;
    private final String pluginId;

    PluginPermissions(PermissionService service, String pluginId) {
        this.service = service;
        this.pluginId = pluginId;
    }

    @Override
    public void declare(Permission... permissions) {
        for (Permission permission : permissions) {
            service.declare(permission);
        }
    }

    @Override
    public void resourceType(String resourceType, ResourceLoader loader, PermissionRule... rules) {
        service.resourceType(pluginId, resourceType, loader, rules);
    }

    @Override
    public void ownershipResolver(Function<String, Optional<List<String>>> resolver) {
        service.ownershipResolver(resolver);
    }

    @Override
    public void usePolicy(PermissionPolicy policy) {
        service.usePolicy(pluginId, policy);
    }

    @Override
    public List<Permission> declared() {
        return service.declared();
    }

    @Override
    public Optional<Permission> find(String name) {
        return service.find(name);
    }

    @Override
    public PolicyDecision authorize(Principal principal, Permission permission) {
        return service.decide(principal, permission);
    }

    @Override
    public PolicyDecision authorize(Principal principal, Permission permission, String resourceRef) {
        return service.decide(principal, permission, resourceRef);
    }

    @Override
    public boolean matches(PermissionCriteria conditions, String resourceType, Map<String, Object> resource) {
        return service.matches(conditions, resourceType, resource);
    }

    @Override
    public List<String> ownershipOf(String userRef) {
        return service.ownershipOf(userRef);
    }
}
