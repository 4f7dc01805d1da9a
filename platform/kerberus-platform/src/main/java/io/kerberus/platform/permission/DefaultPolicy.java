package io.kerberus.platform.permission;

import io.kerberus.plugin.Permission;
import io.kerberus.plugin.PermissionCriteria;
import io.kerberus.plugin.PermissionPolicy;
import io.kerberus.plugin.PermissionRequest;
import io.kerberus.plugin.PolicyDecision;
import io.kerberus.plugin.Principal;

import java.util.List;
import java.util.Map;

/**
 * The policy when no role rule decides: plugins and static tokens are allowed; admins are allowed;
 * signed-in users may read and create; updating (refresh) and deleting catalog entities needs
 * ownership ({@code IS_ENTITY_OWNER} with the user's ownership refs); scaffolder tasks
 * ({@code scaffolder-task}: read, cancel) are their creator's ({@code IS_TASK_OWNER}); deleting
 * anything else (locations) is for admins; other permissions are allowed.
 */
public final class DefaultPolicy implements PermissionPolicy {

    static final String CATALOG_ENTITY = "catalog-entity";
    static final String SCAFFOLDER_TASK = "scaffolder-task";

    private final List<String> admins;

    public DefaultPolicy(List<String> admins) {
        this.admins = admins;
    }

    @Override
    public PolicyDecision decide(PermissionRequest request, Principal user) {
        if (user == null) {
            return PolicyDecision.deny("default policy: no credential");
        }
        if (!user.isUser()) {
            return PolicyDecision.allow("default policy: plugins and static tokens are allowed");
        }
        if (isAdmin(user)) {
            return PolicyDecision.allow("admin (permission.rbac.admins)");
        }
        Permission permission = request.permission();
        String action = permission.action();
        if (permission.name().equals("notification.broadcast")) {
            return PolicyDecision.deny("default policy: only admins and services may broadcast notifications (notification.broadcast)");
        }
        if (SCAFFOLDER_TASK.equals(permission.resourceType())) {
            return PolicyDecision.conditional("scaffolder", SCAFFOLDER_TASK,
                    PermissionCriteria.rule("IS_TASK_OWNER", SCAFFOLDER_TASK, Map.of("createdBy", List.of(user.subject()))),
                    "default policy: users may see and cancel the tasks they started, admins all (IS_TASK_OWNER)");
        }
        if (action == null || action.equals("read") || action.equals("create")) {
            return PolicyDecision.allow("default policy: signed-in users may read and create");
        }
        if (CATALOG_ENTITY.equals(permission.resourceType())) {
            return PolicyDecision.conditional("catalog", CATALOG_ENTITY,
                    PermissionCriteria.rule("IS_ENTITY_OWNER", CATALOG_ENTITY, Map.of("claims", user.ownershipRefs())),
                    "default policy: owners and admins may " + action + " entities (IS_ENTITY_OWNER)");
        }
        if (action.equals("delete")) {
            return PolicyDecision.deny("default policy: only admins may delete (" + permission.name() + ")");
        }
        return PolicyDecision.allow("default policy: signed-in users may " + action + " (" + permission.name() + ")");
    }

    /** Whether the user or one of their ownership refs is listed in {@code permission.rbac.admins}. */
    public boolean isAdmin(Principal user) {
        if (user == null || !user.isUser()) {
            return false;
        }
        return admins.contains(user.subject().toLowerCase()) || user.ownershipRefs().stream().anyMatch(ref -> admins.contains(ref.toLowerCase()));
    }
}
