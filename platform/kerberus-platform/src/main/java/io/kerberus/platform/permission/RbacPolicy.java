package io.kerberus.platform.permission;

import io.kerberus.plugin.PermissionCriteria;
import io.kerberus.plugin.PermissionPolicy;
import io.kerberus.plugin.PermissionRequest;
import io.kerberus.plugin.PolicyDecision;
import io.kerberus.plugin.Principal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * RBAC over the default policy. For a user (admins and non-users go straight to the default policy):
 * the rules of every role the user is a member of that match the permission decide —
 * an unconditional deny denies; else an unconditional allow allows, else conditional allows allow
 * where any of their conditions holds, else (no allow rule) the default policy (or, with
 * {@code fallback: deny}, a denial) decides; conditional denies then cut their conditions out of
 * that. Without matching rules the default policy decides. Every decision names its rule.
 */
public final class RbacPolicy implements PermissionPolicy {

    private final DefaultPolicy defaults;
    private final Supplier<List<Role>> roles;
    private final boolean denyByDefault;

    public RbacPolicy(DefaultPolicy defaults, Supplier<List<Role>> roles, boolean denyByDefault) {
        this.defaults = defaults;
        this.roles = roles;
        this.denyByDefault = denyByDefault;
    }

    private record Match(Role role, RoleRule rule) {
        String why() {
            return "role '" + role.name() + "': " + rule.describe();
        }
    }

    @Override
    public PolicyDecision decide(PermissionRequest request, Principal user) {
        if (user == null || !user.isUser() || defaults.isAdmin(user)) {
            return defaults.decide(request, user);
        }
        List<Match> allows = new ArrayList<>();
        List<Match> denies = new ArrayList<>();
        for (Role role : roles.get()) {
            if (!role.hasMember(user.subject(), user.ownershipRefs())) {
                continue;
            }
            for (RoleRule rule : role.rules()) {
                if (rule.matches(request.permission())) {
                    (rule.allow() ? allows : denies).add(new Match(role, rule));
                }
            }
        }
        for (Match deny : denies) {
            if (deny.rule().conditions() == null) {
                return PolicyDecision.deny(deny.why());
            }
        }
        PolicyDecision base = allowed(request, user, allows);
        List<Match> conditionalDenies = denies;
        if (conditionalDenies.isEmpty() || base.isDenied()) {
            return base;
        }
        String resourceType = resourceType(request);
        if (resourceType == null) {
            return PolicyDecision.deny(conditionalDenies.getFirst().why() + " (a condition needs a resource permission)");
        }
        PermissionCriteria excluded = new PermissionCriteria.Not(anyOf(conditionalDenies, user));
        String why = base.reason() + "; except " + String.join(", ", conditionalDenies.stream().map(Match::why).toList());
        PermissionCriteria conditions = base.isConditional()
                ? new PermissionCriteria.AllOf(List.of(base.conditions(), excluded)) : excluded;
        return PolicyDecision.conditional(null, resourceType, conditions, why);
    }

    private PolicyDecision allowed(PermissionRequest request, Principal user, List<Match> allows) {
        for (Match allow : allows) {
            if (allow.rule().conditions() == null) {
                return PolicyDecision.allow(allow.why());
            }
        }
        if (allows.isEmpty()) {
            return denyByDefault ? PolicyDecision.deny("no role rule allows " + request.permission().name() + " (permission.rbac.fallback: deny)")
                    : defaults.decide(request, user);
        }
        String resourceType = resourceType(request);
        if (resourceType == null) {
            return PolicyDecision.deny(allows.getFirst().why() + " (a condition needs a resource permission)");
        }
        return PolicyDecision.conditional(null, resourceType, anyOf(allows, user),
                String.join(", ", allows.stream().map(Match::why).toList()));
    }

    private static PermissionCriteria anyOf(List<Match> matches, Principal user) {
        List<PermissionCriteria> criteria = matches.stream().map(m -> Criteria.forUser(m.rule().conditions(), user.ownershipRefs())).toList();
        return criteria.size() == 1 ? criteria.getFirst() : new PermissionCriteria.AnyOf(criteria);
    }

    private static String resourceType(PermissionRequest request) {
        return request.permission().resourceType();
    }
}
