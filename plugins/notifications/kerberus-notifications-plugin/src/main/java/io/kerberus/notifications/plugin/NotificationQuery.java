package io.kerberus.notifications.plugin;

import io.kerberus.notifications.NotificationSeverity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which of a user's notifications to list, as the query parameters of Backstage's
 * {@code GET /notifications}.
 *
 * @param user            the user whose notifications (and the broadcasts) to list
 * @param read            only read (true) or only unread (false) ones; empty for both
 * @param saved           only saved (true) or only unsaved (false) ones; empty for both
 * @param search          text in the title or description; empty for all
 * @param createdAfter    only those created after this
 * @param minimumSeverity only those at least this urgent
 * @param topic           only those of this topic
 * @param ids             only these ids; empty for any
 * @param offset          how many to skip
 * @param limit           at most this many
 */
record NotificationQuery(String user, Optional<Boolean> read, Optional<Boolean> saved, String search,
        Optional<Instant> createdAfter, Optional<NotificationSeverity> minimumSeverity, Optional<String> topic,
        List<String> ids, int offset, int limit) {

    static final int MAX_LIMIT = 200;

    /** All of a user's notifications, newest first, the first page. */
    static NotificationQuery forUser(String user) {
        return new NotificationQuery(user, Optional.empty(), Optional.empty(), "", Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), 0, 20);
    }

    NotificationQuery withRead(Optional<Boolean> value) {
        return new NotificationQuery(user, value, saved, search, createdAfter, minimumSeverity, topic, ids, offset, limit);
    }

    NotificationQuery withSaved(Optional<Boolean> value) {
        return new NotificationQuery(user, read, value, search, createdAfter, minimumSeverity, topic, ids, offset, limit);
    }

    NotificationQuery withIds(List<String> value) {
        return new NotificationQuery(user, read, saved, search, createdAfter, minimumSeverity, topic, List.copyOf(value), 0, Math.max(1, value.size()));
    }

    NotificationQuery page(int from, int size) {
        return new NotificationQuery(user, read, saved, search, createdAfter, minimumSeverity, topic, ids, from, size);
    }
}
