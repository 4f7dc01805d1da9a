package io.kerberus.platform.permission;

import io.kerberus.plugin.Permission;
import io.kerberus.plugin.PermissionCriteria;
import io.kerberus.plugin.PermissionPolicy;
import io.kerberus.plugin.PermissionRequest;
import io.kerberus.plugin.PermissionRule;
import io.kerberus.plugin.Permissions;
import io.kerberus.plugin.PolicyDecision;
import io.kerberus.plugin.Principal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The permission framework of one backend: declared permissions, resource types with their rules,
 * and the policy (a plugin's, or RBAC over the default policy; everything allowed while
 * {@code permission.enabled} is false). {@link #forPlugin} is what a plugin's context hands out.
 */
public final class PermissionService {

    /**
     * A resource type and what the framework needs to resolve conditions on it.
     *
     * @param pluginId the plugin that owns it
     * @param loader   loads one resource by ref
     * @param rules    its rules by wire name
     */
    public record ResourceType(String pluginId, Permissions.ResourceLoader loader, Map<String, PermissionRule> rules) {
    }

    private final PermissionSettings settings;
    private final DefaultPolicy defaults;
    private final RbacPolicy rbac;
    private final Map<String, Permission> declared = new ConcurrentHashMap<>();
    private final Map<String, ResourceType> resourceTypes = new ConcurrentHashMap<>();
    private final List<Function<String, Optional<List<String>>>> ownership = new CopyOnWriteArrayList<>();
    private volatile PermissionPolicy custom;
    private volatile String customOwner;

    public PermissionService(PermissionSettings settings, RoleStore roles) {
        this.settings = settings;
        this.defaults = new DefaultPolicy(settings.admins());
        this.rbac = new RbacPolicy(defaults, roles::roles, settings.denyByDefault());
    }

    public PermissionSettings settings() {
        return settings;
    }

    /**
     * Whether the principal may use the admin page and the audit API: plugins and static tokens, users
     * in {@code permission.rbac.admins}, and every user while permissions are off and no admin is named.
     */
    public boolean isAdmin(Principal principal) {
        return principal != null && (!principal.isUser() || defaults.isAdmin(principal)
                || (!settings.enabled() && settings.admins().isEmpty()));
    }

    /** Throws {@link io.kerberus.plugin.NotAllowedException} unless {@link #isAdmin}. */
    public void requireAdmin(Principal principal) {
        if (!isAdmin(principal)) {
            throw new io.kerberus.plugin.NotAllowedException("Only admins (permission.rbac.admins) may manage permissions and read the audit log");
        }
    }

    /**
     * The explainer: what the policy decides for a user who need not be signed in (their ownership
     * refs come from the catalog), optionally on one resource.
     *
     * @param userRef     such as {@code user:default/jane}
     * @param permission  a declared permission's name
     * @param resourceRef such as {@code component:default/x}, or null
     * @throws io.kerberus.plugin.InputException for an unknown permission
     */
    public Explanation explain(String userRef, String permission, String resourceRef) {
        Permission asked = find(permission).orElseThrow(() -> new io.kerberus.plugin.InputException("Unknown permission '" + permission
                + "'; declared: " + String.join(", ", declared().stream().map(Permission::name).toList())));
        Principal user = Principal.user(userRef, ownershipOf(userRef), null);
        PolicyDecision decision = resourceRef == null || resourceRef.isBlank() ? decide(user, asked) : decide(user, asked, resourceRef);
        return new Explanation(user, asked, resourceRef == null || resourceRef.isBlank() ? null : resourceRef, decision);
    }

    /**
     * The explainer's answer.
     *
     * @param user        the user with the ownership refs used
     * @param permission  the permission
     * @param resourceRef the resource, or null
     * @param decision    the decision and its reason
     */
    public record Explanation(Principal user, Permission permission, String resourceRef, PolicyDecision decision) {
        /** {@code ALLOWED}, {@code DENIED} or {@code CONDITIONAL}, then the deciding rule. */
        public String text() {
            String verdict = switch (decision.result()) {
                case ALLOW -> "ALLOWED";
                case DENY -> "DENIED";
                case CONDITIONAL -> "CONDITIONAL (allowed where " + Criteria.describe(decision.conditions()) + ")";
            };
            return verdict + ": " + user.subject() + " " + permission.name() + (resourceRef == null ? "" : " " + resourceRef)
                    + "\nDecided by: " + decision.reason()
                    + "\nOwnership refs: " + String.join(", ", user.ownershipRefs());
        }
    }

    /** The policy's decision, conditional decisions with their plugin and resource type filled in. */
    public PolicyDecision decide(Principal principal, Permission permission) {
        if (principal == null) {
            return PolicyDecision.deny("no credential");
        }
        if (!settings.enabled() && custom == null) {
            return PolicyDecision.allow("permission.enabled is false: every signed-in user and service is allowed");
        }
        PermissionPolicy policy = custom != null ? custom : rbac;
        PolicyDecision decision = policy.decide(new PermissionRequest(permission, null), principal);
        if (decision.isConditional()) {
            String pluginId = decision.pluginId() != null ? decision.pluginId() : pluginOf(decision.resourceType(), permission);
            return PolicyDecision.conditional(pluginId, decision.resourceType(), decision.conditions(), decision.reason());
        }
        return decision;
    }

    /** The decision for one resource: conditions resolved against it, so allow or deny. */
    public PolicyDecision decide(Principal principal, Permission permission, String resourceRef) {
        PolicyDecision decision = decide(principal, permission);
        if (!decision.isConditional()) {
            return decision;
        }
        ResourceType type = resourceTypes.get(decision.resourceType());
        if (type == null) {
            return PolicyDecision.deny(decision.reason() + " (no plugin resolves conditions on " + decision.resourceType() + ")");
        }
        Optional<Map<String, Object>> resource = type.loader().load(resourceRef);
        if (resource.isEmpty()) {
            return PolicyDecision.deny(decision.reason() + " (" + resourceRef + " does not exist)");
        }
        boolean holds = Criteria.holds(decision.conditions(), resource.get(), type.rules());
        String conditions = Criteria.describe(decision.conditions());
        return holds ? PolicyDecision.allow(decision.reason() + "; holds: " + conditions)
                : PolicyDecision.deny(decision.reason() + "; does not hold: " + conditions);
    }

    /** Whether conditions hold for a loaded resource. */
    public boolean matches(PermissionCriteria conditions, String resourceType, Map<String, Object> resource) {
        ResourceType type = resourceTypes.get(resourceType);
        if (type == null) {
            throw new IllegalArgumentException("Unknown resource type " + resourceType + "; known: " + resourceTypes.keySet());
        }
        return Criteria.holds(conditions, resource, type.rules());
    }

    /**
     * Checks a role rule against the declared permissions and the resource types' rules (see {@link RoleChecks}).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public void checkRule(RoleRule rule) {
        new RoleChecks(this).check(rule);
    }

    /**
     * Checks the roles of {@code permission.rbac.roles}; called at start-up once every plugin is initialized.
     *
     * @throws io.kerberus.plugin.ConfigException naming the key path of a wrong rule
     */
    public void checkConfiguredRoles() {
        new RoleChecks(this).checkConfigured(settings.roles());
    }

    /** The declared permissions, by name. */
    public List<Permission> declared() {
        List<Permission> all = new ArrayList<>(declared.values());
        all.sort(java.util.Comparator.comparing(Permission::name));
        return all;
    }

    public Optional<Permission> find(String name) {
        return Optional.ofNullable(declared.get(name));
    }

    /** The registered resource types. */
    public Map<String, ResourceType> resourceTypes() {
        return Map.copyOf(resourceTypes);
    }

    /** A user's ownership refs from the resolvers plugins registered (the user alone when none knows them). */
    public List<String> ownershipOf(String userRef) {
        for (Function<String, Optional<List<String>>> resolver : ownership) {
            Optional<List<String>> refs = resolver.apply(userRef);
            if (refs.isPresent()) {
                return refs.get();
            }
        }
        return List.of(userRef);
    }

    /** What one plugin's context hands out. */
    public Permissions forPlugin(String pluginId) {
        return new PluginPermissions(this, pluginId);
    }

    void declare(Permission permission) {
        declared.put(permission.name(), permission);
    }

    void resourceType(String pluginId, String type, Permissions.ResourceLoader loader, PermissionRule... rules) {
        Map<String, PermissionRule> byName = new java.util.LinkedHashMap<>();
        for (PermissionRule rule : rules) {
            byName.put(rule.name(), rule);
        }
        ResourceType previous = resourceTypes.putIfAbsent(type, new ResourceType(pluginId, loader, Map.copyOf(byName)));
        if (previous != null && !previous.pluginId().equals(pluginId)) {
            throw new IllegalStateException("Resource type '" + type + "' is declared by plugins " + previous.pluginId() + " and " + pluginId);
        }
    }

    void ownershipResolver(Function<String, Optional<List<String>>> resolver) {
        ownership.add(resolver);
    }

    synchronized void usePolicy(String pluginId, PermissionPolicy policy) {
        if (custom != null) {
            throw new IllegalStateException("Plugins " + customOwner + " and " + pluginId + " both install a permission policy; keep one");
        }
        custom = policy;
        customOwner = pluginId;
    }

    private String pluginOf(String resourceType, Permission permission) {
        ResourceType type = resourceTypes.get(resourceType);
        return type != null ? type.pluginId() : permission.name().substring(0, permission.name().indexOf('.'));
    }
}
