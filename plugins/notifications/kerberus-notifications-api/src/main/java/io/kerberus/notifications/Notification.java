package io.kerberus.notifications;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored notification as one user sees it, in the shape of Backstage's {@code Notification}.
 *
 * @param id      its id (a UUID)
 * @param user    the user it belongs to; empty for a broadcast
 * @param created when it was first sent
 * @param updated when a notification of the same scope last replaced its content
 * @param read    when the user read it; empty while unread
 * @param saved   when the user saved it; empty unless saved
 * @param origin  who sent it ({@code plugin:scaffolder}, {@code external:ci})
 * @param payload what it says
 */
public record Notification(String id, Optional<String> user, Instant created, Optional<Instant> updated,
        Optional<Instant> read, Optional<Instant> saved, String origin, NotificationPayload payload) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(payload, "payload");
        user = user == null ? Optional.empty() : user;
        updated = updated == null ? Optional.empty() : updated;
        read = read == null ? Optional.empty() : read;
        saved = saved == null ? Optional.empty() : saved;
    }

    /** Whether it went to everyone rather than to one user. */
    public boolean broadcast() {
        return user.isEmpty();
    }
}
