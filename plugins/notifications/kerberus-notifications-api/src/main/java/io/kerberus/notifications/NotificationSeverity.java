package io.kerberus.notifications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How urgent a notification is, most urgent first, with Backstage's names. */
public enum NotificationSeverity {
    CRITICAL, HIGH, NORMAL, LOW;

    /** The name used in JSON and templates: {@code critical}, {@code high}, {@code normal}, {@code low}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity named {@code id} (any case); empty for anything else. */
    public static Optional<NotificationSeverity> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(id.strip())).findFirst();
    }
}
