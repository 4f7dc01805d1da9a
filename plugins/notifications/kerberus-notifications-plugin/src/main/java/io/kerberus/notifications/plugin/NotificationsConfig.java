package io.kerberus.notifications.plugin;

import io.kerberus.plugin.Config;

import java.time.Duration;

/**
 * The {@code notifications} config section.
 *
 * @param retention    notifications older than this are deleted, except saved ones (Backstage's
 *                     {@code notifications.retention}, default a year)
 * @param pollInterval how often the header bell asks for the unread count
 */
public record NotificationsConfig(Duration retention, Duration pollInterval) {

    /** Reads and checks the section. */
    public static NotificationsConfig from(Config config) {
        Duration retention = config.getDuration("retention", Duration.ofDays(365));
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw config.error("retention", "must be at least 1d, for example 365d");
        }
        Duration poll = config.getDuration("pollInterval", Duration.ofSeconds(30));
        if (poll.compareTo(Duration.ofSeconds(5)) < 0) {
            throw config.error("pollInterval", "must be at least 5s, for example 30s");
        }
        return new NotificationsConfig(retention, poll);
    }
}
