package io.kerberus.plugin;

import java.util.Map;

/**
 * The portal's audit log: who did what to which thing, kept in the database (table
 * {@code platform_audit_log}) and shown to admins on the permission page and at
 * {@code GET /api/permission/audit}. Record security-relevant changes only (sign-ins, permission
 * changes, deletions), never secrets. Get it with {@link PluginContext#audit()}.
 */
public interface AuditLog {

    /**
     * Records one event.
     *
     * @param actor   who did it, as an entity ref or principal subject ({@code user:default/jane},
     *                {@code plugin:scaffolder}); {@code null} or blank is stored as {@code anonymous}
     * @param action  what, as {@code <plugin-id>.<thing>.<verb>}, such as {@code catalog.entity.delete},
     *                {@code auth.sign-in} or {@code permission.role.update}
     * @param target  what it was done to, such as an entity ref or a role name; may be empty
     * @param details more facts as a JSON-serializable map (strings, numbers, booleans, lists, maps),
     *                such as {@code {before: ..., after: ...}}; may be empty
     */
    void record(String actor, String action, String target, Map<String, ?> details);

    /** Records an event done by a principal (its subject is the actor). */
    default void record(Principal actor, String action, String target, Map<String, ?> details) {
        record(actor == null ? null : actor.subject(), action, target, details);
    }
}
