package io.kerberus.notifications.plugin;

import io.kerberus.notifications.Notification;
import io.kerberus.notifications.NotificationPayload;
import io.kerberus.notifications.NotificationSeverity;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Notifications in {@code notifications_messages} (a row per user, or one per broadcast with
 * {@code user_ref} NULL) and {@code notifications_broadcast_state} (each user's read and saved state
 * of a broadcast). The SQL runs on H2 and PostgreSQL alike.
 */
final class NotificationStore {

    private static final String SELECT = """
            SELECT m.id, m.user_ref, m.title, m.description, m.link, m.severity, m.topic, m.scope, m.origin,
            m.created_at, m.updated_at, COALESCE(m.read_at, b.read_at) AS read_at, COALESCE(m.saved_at, b.saved_at) AS saved_at
            """;
    private static final String FROM = """
            FROM notifications_messages m LEFT JOIN notifications_broadcast_state b
            ON b.notification_id = m.id AND b.user_ref = :user
            WHERE (m.user_ref = :user OR m.user_ref IS NULL)
            """;

    private final Jdbi jdbi;
    private final Clock clock;

    NotificationStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A page of a user's notifications, newest (or most recently updated) first. */
    List<Notification> list(NotificationQuery query) {
        String sql = SELECT + FROM + where(query) + " ORDER BY COALESCE(m.updated_at, m.created_at) DESC, m.id LIMIT :limit OFFSET :offset";
        return jdbi.withHandle(handle -> bind(handle.createQuery(sql), query)
                .bind("limit", Math.min(query.limit(), NotificationQuery.MAX_LIMIT)).bind("offset", Math.max(0, query.offset()))
                .map((rs, ctx) -> map(rs)).list());
    }

    /** How many of a user's notifications match, over all pages. */
    long count(NotificationQuery query) {
        return jdbi.withHandle(handle -> bind(handle.createQuery("SELECT COUNT(*) " + FROM + where(query)), query).mapTo(Long.class).one());
    }

    /** One of the user's notifications (or a broadcast); empty when it is someone else's or unknown. */
    Optional<Notification> find(String user, String id) {
        List<Notification> found = list(NotificationQuery.forUser(user).withIds(List.of(id)));
        return found.stream().findFirst();
    }

    /**
     * How many of the user's notifications (and broadcasts) are unread and read.
     *
     * @param unread unread ones
     * @param read   read ones
     */
    record Status(long unread, long read) {
    }

    Status status(String user) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*), COUNT(COALESCE(m.read_at, b.read_at)) " + FROM)
                .bind("user", user)
                .map((rs, ctx) -> new Status(rs.getLong(1) - rs.getLong(2), rs.getLong(2))).one());
    }

    /**
     * Stores a notification for {@code user} (NULL for a broadcast); with a scope, replaces the
     * content of the earlier one of the same user, scope and origin and marks it unread again.
     */
    Notification save(Optional<String> user, String origin, NotificationPayload payload) {
        long now = clock.millis();
        return jdbi.inTransaction(handle -> {
            Optional<String> existing = payload.scope().flatMap(scope -> {
                var select = handle.createQuery("SELECT id FROM notifications_messages WHERE "
                        + (user.isPresent() ? "user_ref = :user" : "user_ref IS NULL") + " AND scope = :scope AND origin = :origin");
                user.ifPresent(ref -> select.bind("user", ref));
                return select.bind("scope", scope).bind("origin", origin).mapTo(String.class).findFirst();
            });
            if (existing.isPresent()) {
                bindPayload(handle.createUpdate("""
                        UPDATE notifications_messages SET title = :title, description = :description, link = :link, severity = :severity,
                        severity_rank = :rank, topic = :topic, updated_at = :now, read_at = NULL WHERE id = :id"""), payload)
                        .bind("now", now).bind("id", existing.get()).execute();
                handle.createUpdate("UPDATE notifications_broadcast_state SET read_at = NULL WHERE notification_id = :id")
                        .bind("id", existing.get()).execute();
                return handle.createQuery("SELECT * FROM notifications_messages WHERE id = :id")
                        .bind("id", existing.get()).map((rs, ctx) -> map(rs)).one();
            }
            String id = UUID.randomUUID().toString();
            bindPayload(handle.createUpdate("""
                    INSERT INTO notifications_messages (id, user_ref, title, description, link, severity, severity_rank, topic, scope, origin, created_at)
                    VALUES (:id, :user, :title, :description, :link, :severity, :rank, :topic, :scope, :origin, :now)"""), payload)
                    .bind("id", id).bind("user", user.orElse(null)).bind("scope", payload.scope().orElse(null))
                    .bind("origin", origin).bind("now", now).execute();
            return new Notification(id, user, Instant.ofEpochMilli(now), Optional.empty(), Optional.empty(), Optional.empty(), origin, payload);
        });
    }

    /**
     * Sets or clears the read or saved mark of the user's notifications and broadcasts among
     * {@code ids}; ids of other users' notifications are ignored.
     *
     * @param saved true for the saved mark, false for the read mark
     */
    void mark(String user, List<String> ids, boolean saved, boolean on) {
        if (ids.isEmpty()) {
            return;
        }
        String column = saved ? "saved_at" : "read_at";
        String value = on ? ":now" : "NULL";
        long now = clock.millis();
        jdbi.useTransaction(handle -> {
            var own = handle.createUpdate("UPDATE notifications_messages SET " + column + " = " + value + " WHERE user_ref = :user AND id IN (<ids>)")
                    .bind("user", user).bindList("ids", ids);
            var broadcasts = handle.createUpdate("MERGE INTO notifications_broadcast_state t USING (SELECT id, CAST(:user AS VARCHAR(400)) AS u"
                            + " FROM notifications_messages WHERE user_ref IS NULL AND id IN (<ids>)) s"
                            + " ON (t.notification_id = s.id AND t.user_ref = s.u)"
                            + " WHEN MATCHED THEN UPDATE SET " + column + " = " + value
                            + " WHEN NOT MATCHED THEN INSERT (notification_id, user_ref, " + column + ") VALUES (s.id, s.u, " + value + ")")
                    .bind("user", user).bindList("ids", ids);
            if (on) {
                own.bind("now", now);
                broadcasts.bind("now", now);
            }
            own.execute();
            broadcasts.execute();
        });
    }

    /** Deletes notifications created longer than {@code age} ago, except those a user saved. */
    int deleteOlderThan(Duration age) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        DELETE FROM notifications_messages WHERE created_at < :before AND saved_at IS NULL
                        AND NOT EXISTS (SELECT 1 FROM notifications_broadcast_state b WHERE b.notification_id = notifications_messages.id AND b.saved_at IS NOT NULL)""")
                .bind("before", clock.millis() - age.toMillis()).execute());
    }

    private static String where(NotificationQuery query) {
        StringBuilder where = new StringBuilder();
        query.read().ifPresent(read -> where.append(" AND COALESCE(m.read_at, b.read_at) IS ").append(read ? "NOT NULL" : "NULL"));
        query.saved().ifPresent(saved -> where.append(" AND COALESCE(m.saved_at, b.saved_at) IS ").append(saved ? "NOT NULL" : "NULL"));
        if (!query.search().isBlank()) {
            where.append(" AND (m.title ILIKE :search OR m.description ILIKE :search)");
        }
        query.createdAfter().ifPresent(after -> where.append(" AND m.created_at > :after"));
        query.minimumSeverity().ifPresent(severity -> where.append(" AND :rank >= m.severity_rank"));
        query.topic().ifPresent(topic -> where.append(" AND m.topic = :topic"));
        if (!query.ids().isEmpty()) {
            where.append(" AND m.id IN (<ids>)");
        }
        return where.toString();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, NotificationQuery query) {
        statement.bind("user", query.user());
        if (!query.search().isBlank()) {
            statement.bind("search", "%" + query.search().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        query.createdAfter().ifPresent(after -> statement.bind("after", after.toEpochMilli()));
        query.minimumSeverity().ifPresent(severity -> statement.bind("rank", severity.ordinal()));
        query.topic().ifPresent(topic -> statement.bind("topic", topic));
        if (!query.ids().isEmpty()) {
            statement.bindList("ids", query.ids());
        }
        return statement;
    }

    private static <S extends SqlStatement<S>> S bindPayload(S statement, NotificationPayload payload) {
        return statement.bind("title", payload.title()).bind("description", payload.description().orElse(null))
                .bind("link", payload.link().orElse(null)).bind("severity", payload.severity().id())
                .bind("rank", payload.severity().ordinal()).bind("topic", payload.topic().orElse(null));
    }

    private static Notification map(ResultSet rs) throws SQLException {
        NotificationPayload payload = new NotificationPayload(rs.getString("title"), Optional.ofNullable(rs.getString("description")),
                Optional.ofNullable(rs.getString("link")), NotificationSeverity.parse(rs.getString("severity")).orElse(NotificationSeverity.NORMAL),
                Optional.ofNullable(rs.getString("topic")), Optional.ofNullable(rs.getString("scope")));
        return new Notification(rs.getString("id"), Optional.ofNullable(rs.getString("user_ref")), Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(rs, "updated_at"), instant(rs, "read_at"), instant(rs, "saved_at"), rs.getString("origin"), payload);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }
}
