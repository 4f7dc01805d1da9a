package io.kerberus.platform.permission;

import io.kerberus.plugin.Config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code permission} config section.
 *
 * @param enabled        {@code permission.enabled}: true (the default) applies RBAC roles over the default
 *                       policy; false (dangerous: Backstage's default) allows every authenticated request
 * @param admins         {@code permission.rbac.admins}: users and groups allowed everything, and the admin page
 * @param roles          {@code permission.rbac.roles}: roles from the config, read-only on the admin page
 * @param denyByDefault  {@code permission.rbac.fallback: deny}: when no role rule matches, deny instead
 *                       of asking the default policy
 * @param cacheTtl       {@code permission.rbac.cacheTtl}: how long a replica keeps the database roles
 *                       before reading them again (edits on other replicas apply within this)
 */
public record PermissionSettings(boolean enabled, List<String> admins, List<Role> roles, boolean denyByDefault, Duration cacheTtl) {

    public static PermissionSettings defaults() {
        return new PermissionSettings(true, List.of(), List.of(), false, Duration.ofSeconds(1));
    }

    /** Reads {@code permission} from the root config; missing means {@link #defaults()}. */
    public static PermissionSettings from(Config root) {
        if (!root.has("permission")) {
            return defaults();
        }
        Config section = root.getConfig("permission");
        boolean enabled = section.getBoolean("enabled", true);
        Config rbac = section.getOptionalConfig("rbac").orElse(null);
        if (rbac == null) {
            return new PermissionSettings(enabled, List.of(), List.of(), false, Duration.ofSeconds(1));
        }
        List<String> admins = rbac.getOptionalStringList("admins").orElse(List.of());
        String fallback = rbac.getString("fallback", "default");
        if (!Set.of("default", "deny").contains(fallback)) {
            throw rbac.error("fallback", "must be 'default' (the default policy decides what no role rule matches) or 'deny'");
        }
        Duration ttl = rbac.getDuration("cacheTtl", Duration.ofSeconds(1));
        List<Role> roles = new ArrayList<>();
        for (Config role : rbac.getOptionalConfigList("roles").orElse(List.of())) {
            roles.add(role(role));
        }
        if (roles.stream().map(Role::name).distinct().count() != roles.size()) {
            throw rbac.error("roles", "two roles have the same name; give each role its own name");
        }
        return new PermissionSettings(enabled, admins.stream().map(String::toLowerCase).toList(), roles, fallback.equals("deny"), ttl);
    }

    private static Role role(Config role) {
        String name;
        try {
            name = Role.checkName(role.getString("name"));
        } catch (IllegalArgumentException e) {
            throw role.error("name", e.getMessage());
        }
        String description = role.getString("description", "");
        List<String> members = role.getOptionalStringList("members").orElse(List.of());
        List<RoleRule> rules = new ArrayList<>();
        List<Config> ruleConfigs = role.getOptionalConfigList("rules").orElse(List.of());
        for (int i = 0; i < ruleConfigs.size(); i++) {
            try {
                rules.add(RoleCodec.rule(ConfigTree.toMap(ruleConfigs.get(i))));
            } catch (IllegalArgumentException e) {
                throw role.error("rules", "rule " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Role(name, description, members, rules, Role.CONFIG);
    }

    /** Config subtrees as plain maps and lists, for free-form values such as conditions. */
    static final class ConfigTree {
        private ConfigTree() {
        }

        static Map<String, Object> toMap(Config config) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String key : config.keys()) {
                out.put(key, value(config, key));
            }
            return out;
        }

        private static Object value(Config config, String key) {
            return switch (config.kindOf(key)) {
                case OBJECT -> toMap(config.getConfig(key));
                case LIST -> list(config, key);
                case NUMBER -> config.getNumber(key);
                case BOOLEAN -> config.getBoolean(key);
                case STRING -> config.getString(key);
                case MISSING -> null;
            };
        }

        private static List<Object> list(Config config, String key) {
            try {
                return new ArrayList<>(config.getStringList(key));
            } catch (RuntimeException notStrings) {
                return new ArrayList<>(config.getConfigList(key).stream().map(ConfigTree::toMap).toList());
            }
        }
    }
}
