package io.kerberus.platform.scheduler;

import io.kerberus.plugin.Config;

import java.time.Duration;

/**
 * {@code backend.scheduler}: how often a replica looks for due tasks and how long a lease lasts
 * without renewal (the longest a task stays stuck after its replica died).
 *
 * @param pollInterval how often to look for due tasks
 * @param leaseDuration how long a lease lasts without renewal
 * @param retryDelay   when a failed one-shot task runs again
 */
public record SchedulerSettings(Duration pollInterval, Duration leaseDuration, Duration retryDelay) {

    public static SchedulerSettings defaults() {
        return new SchedulerSettings(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));
    }

    public static SchedulerSettings from(Config scheduler) {
        SchedulerSettings defaults = defaults();
        Duration poll = scheduler.getDuration("pollInterval", defaults.pollInterval());
        Duration lease = scheduler.getDuration("leaseDuration", defaults.leaseDuration());
        if (poll.toMillis() < 10) {
            throw scheduler.error("pollInterval", "must be at least 10ms");
        }
        if (lease.compareTo(poll.multipliedBy(3)) < 0) {
            throw scheduler.error("leaseDuration", "must be at least three poll intervals (" + poll.multipliedBy(3) + ")");
        }
        return new SchedulerSettings(poll, lease, scheduler.getDuration("retryDelay", defaults.retryDelay()));
    }
}
