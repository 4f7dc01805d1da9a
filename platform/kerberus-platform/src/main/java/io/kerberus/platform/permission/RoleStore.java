package io.kerberus.platform.permission;

import io.kerberus.platform.Json;
import io.kerberus.plugin.AuditLog;
import io.kerberus.plugin.ConflictException;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.NotFoundException;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.core.type.TypeReference;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The roles: those of the config (read-only) and those in {@code platform_permission_roles}, edited
 * on the admin page. Database roles are cached for {@code cacheTtl}, so an edit on any replica takes
 * effect everywhere within it (at once on the replica that made it). Each edit writes an audit row.
 */
public final class RoleStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final Jdbi jdbi;
    private final Clock clock;
    private final List<Role> configured;
    private final Duration ttl;
    private final AuditLog audit;
    private volatile List<Role> cached;
    private volatile long loadedAt;

    public RoleStore(Jdbi jdbi, Clock clock, List<Role> configured, Duration ttl, AuditLog audit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.configured = List.copyOf(configured);
        this.ttl = ttl;
        this.audit = audit;
    }

    /** Every role: config roles first, then database roles by name. */
    public List<Role> roles() {
        List<Role> current = cached;
        long now = System.nanoTime();
        if (current == null || now - loadedAt > ttl.toNanos()) {
            current = load();
            cached = current;
            loadedAt = now;
        }
        return current;
    }

    /** A role by name. */
    public Optional<Role> find(String name) {
        return roles().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * Creates or replaces a database role and audits it ({@code permission.role.create|update}).
     *
     * @throws ConflictException when a config role has the name
     */
    public void save(Role role, String actor) {
        String name;
        try {
            name = Role.checkName(role.name());
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        if (configured.stream().anyMatch(r -> r.name().equals(name))) {
            throw new ConflictException("Role '" + name + "' comes from permission.rbac.roles in the config; change it there, or pick another name");
        }
        Optional<Role> before = load().stream().filter(r -> r.name().equals(name)).findFirst();
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM platform_permission_roles WHERE name = :name").bind("name", name).execute();
            handle.createUpdate("""
                            INSERT INTO platform_permission_roles (name, description, members, rules, updated_by, updated_at)
                            VALUES (:name, :description, :members, :rules, :by, :at)""")
                    .bind("name", name).bind("description", role.description()).bind("members", Json.write(role.members()))
                    .bind("rules", RoleCodec.rulesToJson(role.rules())).bind("by", actor).bind("at", clock.millis()).execute();
        });
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before.map(RoleCodec::toMap).orElse(null));
        details.put("after", RoleCodec.toMap(new Role(name, role.description(), role.members(), role.rules(), Role.DATABASE)));
        audit.record(actor, before.isPresent() ? "permission.role.update" : "permission.role.create", name, details);
        cached = null;
    }

    /** Deletes a database role and audits it ({@code permission.role.delete}). */
    public void delete(String name, String actor) {
        if (configured.stream().anyMatch(r -> r.name().equals(name))) {
            throw new ConflictException("Role '" + name + "' comes from permission.rbac.roles in the config; remove it there");
        }
        Role before = load().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("No role named '" + name + "'"));
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM platform_permission_roles WHERE name = :name").bind("name", name).execute());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", RoleCodec.toMap(before));
        details.put("after", null);
        audit.record(actor, "permission.role.delete", name, details);
        cached = null;
    }

    private List<Role> load() {
        List<Role> roles = new ArrayList<>(configured);
        roles.addAll(jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT name, description, members, rules FROM platform_permission_roles ORDER BY name")
                .map((rs, ctx) -> new Role(rs.getString("name"), rs.getString("description"),
                        Json.MAPPER.readValue(rs.getString("members"), STRINGS), RoleCodec.rulesFromJson(rs.getString("rules")), Role.DATABASE))
                .list()));
        return List.copyOf(roles);
    }
}
