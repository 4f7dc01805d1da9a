package io.kerberus.scaffolder.plugin.tasks;

import java.util.Locale;

/** The status of a task or a step, as Backstage names it ({@code open}, {@code processing} ...). */
public enum TaskStatus {
    OPEN, PROCESSING, COMPLETED, FAILED, CANCELLED, SKIPPED;

    /** The lower-case name stored and sent. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code value}; an unknown name is an {@link IllegalArgumentException}. */
    public static TaskStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Whether the task has ended (completed, failed or cancelled). */
    public boolean ended() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
