package io.kerberus.notifications;

import java.util.Objects;
import java.util.Optional;

/**
 * What a notification says, as Backstage's {@code NotificationPayload}.
 *
 * @param title       the headline, required
 * @param description longer text, optional
 * @param link        where it leads: an http(s) URL or a path of the portal ({@code /catalog/...}), optional
 * @param severity    how urgent; {@link NotificationSeverity#NORMAL} when not given
 * @param topic       a grouping chosen by the sender, optional
 * @param scope       with the same origin, identifies a notification that a later one replaces
 *                    (a task's progress, a build's status), optional
 */
public record NotificationPayload(String title, Optional<String> description, Optional<String> link,
        NotificationSeverity severity, Optional<String> topic, Optional<String> scope) {

    public NotificationPayload {
        Objects.requireNonNull(title, "title");
        description = blankToEmpty(description);
        link = blankToEmpty(link);
        severity = severity == null ? NotificationSeverity.NORMAL : severity;
        topic = blankToEmpty(topic);
        scope = blankToEmpty(scope);
    }

    /** A payload with only a title, of normal severity. */
    public static NotificationPayload of(String title) {
        return new NotificationPayload(title, Optional.empty(), Optional.empty(), NotificationSeverity.NORMAL, Optional.empty(), Optional.empty());
    }

    /** A copy with this description. */
    public NotificationPayload withDescription(String text) {
        return new NotificationPayload(title, Optional.ofNullable(text), link, severity, topic, scope);
    }

    /** A copy with this link. */
    public NotificationPayload withLink(String url) {
        return new NotificationPayload(title, description, Optional.ofNullable(url), severity, topic, scope);
    }

    /** A copy with this severity. */
    public NotificationPayload withSeverity(NotificationSeverity level) {
        return new NotificationPayload(title, description, link, level, topic, scope);
    }

    /** A copy with this topic. */
    public NotificationPayload withTopic(String name) {
        return new NotificationPayload(title, description, link, severity, Optional.ofNullable(name), scope);
    }

    /** A copy with this scope. */
    public NotificationPayload withScope(String name) {
        return new NotificationPayload(title, description, link, severity, topic, Optional.ofNullable(name));
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(s -> !s.isEmpty());
    }
}
