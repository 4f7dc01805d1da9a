package io.kerberus.plugin;

import java.time.Duration;
import java.util.Objects;

/**
 * When a task runs.
 *
 * @param frequency    time between the end of one run and the start of the next; null for a one-shot task
 * @param initialDelay time after start-up before the first run
 * @param timeout      the longest a run may take; after it the run is cancelled and its lease released
 * @param global       whether one replica runs it at a time (true) or every replica runs it (false)
 */
public record Schedule(Duration frequency, Duration initialDelay, Duration timeout, boolean global) {

    public Schedule {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(timeout, "timeout");
        if (frequency != null && (frequency.isNegative() || frequency.isZero())) {
            throw new IllegalArgumentException("A task's frequency must be positive, got " + frequency);
        }
    }

    /** Runs every {@code frequency}, first right after start-up, with a 10 minute timeout. */
    public static Schedule every(Duration frequency) {
        return new Schedule(Objects.requireNonNull(frequency), Duration.ZERO, Duration.ofMinutes(10), true);
    }

    /**
     * Runs once across all replicas and all restarts that share the database (a seed, a data
     * migration). A failed run is retried after {@code backend.scheduler.retryDelay} (1 minute);
     * {@link Tasks#trigger} runs it again on purpose.
     */
    public static Schedule once() {
        return new Schedule(null, Duration.ZERO, Duration.ofMinutes(10), true);
    }

    public Schedule initialDelay(Duration delay) {
        return new Schedule(frequency, delay, timeout, global);
    }

    public Schedule timeout(Duration limit) {
        return new Schedule(frequency, initialDelay, limit, global);
    }

    /** Runs on every replica, without a lease: for work on a replica's own memory. */
    public Schedule local() {
        return new Schedule(frequency, initialDelay, timeout, false);
    }

    public boolean isOnce() {
        return frequency == null;
    }

    public boolean isGlobal() {
        return global;
    }
}
