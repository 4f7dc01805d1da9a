package io.kerberus.notifications.plugin;

import io.kerberus.plugin.Config;

import java.time.Duration;

/**
 * The {@code notifications} config section.
 *
 * @param retention    notifications older than this are deleted, except saved ones (Backstage's
 *                     {@code notifications.retention}, default a year)
 * @param pollInterval how often the header bell asks for the unread count
 * @param trustedHosts hosts (lower case) that {@code /notifications/open/:id} redirects to directly;
 *                     links to any other host go through a page that names the host first
 */
public record NotificationsConfig(Duration retention, Duration pollInterval, java.util.Set<String> trustedHosts) {

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
        java.util.Set<String> trusted = new java.util.LinkedHashSet<>();
        for (String host : config.getOptionalStringList("trustedHosts").orElse(java.util.List.of())) {
            String name = host.strip().toLowerCase(java.util.Locale.ROOT);
            if (name.isEmpty() || name.contains("/") || name.contains(":") || name.contains("*")) {
                throw config.error("trustedHosts", "expected host names such as ci.example.com, not '" + host + "'");
            }
            trusted.add(name);
        }
        return new NotificationsConfig(retention, poll, java.util.Set.copyOf(trusted));
    }
}
