package io.kerberus.platform.permission;

import io.kerberus.platform.Json;
import io.kerberus.plugin.AuditLog;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit log in {@code platform_audit_log}; each event is also logged at info on {@code kerberus.audit}. */
public final class JdbcAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("kerberus.audit");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbcAuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void record(String actor, String action, String target, Map<String, ?> details) {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("An audit event needs an action, such as catalog.entity.delete");
        }
        String who = actor == null || actor.isBlank() ? "anonymous" : clip(actor, 400);
        String what = clip(action, 200);
        String on = target == null ? "" : clip(target, 1000);
        String json = Json.write(details == null ? Map.of() : new LinkedHashMap<>(details));
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO platform_audit_log (occurred_at, actor, action, target, details)
                        VALUES (:at, :actor, :action, :target, :details)""")
                .bind("at", clock.millis()).bind("actor", who).bind("action", what).bind("target", on).bind("details", json).execute());
        LOG.info("audit actor={} action={} target={}", who, what, on);
    }

    /**
     * The newest events first.
     *
     * @param actionPrefix only actions starting with this (such as {@code permission.}); empty for all
     * @param limit        at most this many (1 to 1000)
     * @param offset       skip this many
     */
    public List<AuditEntry> list(String actionPrefix, int limit, int offset) {
        String prefix = actionPrefix == null ? "" : actionPrefix;
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, occurred_at, actor, action, target, details FROM platform_audit_log
                        WHERE action LIKE :prefix ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .bind("prefix", prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .bind("limit", Math.max(1, Math.min(limit, 1000))).bind("offset", Math.max(0, offset))
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), rs.getLong("occurred_at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target"), Json.MAPPER.readValue(rs.getString("details"), MAP)))
                .list());
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
