package io.kerberus.scaffolder.plugin.tasks;

import io.kerberus.plugin.PluginContext;
import io.kerberus.plugin.Schedule;

import java.time.Clock;
import java.time.Duration;

/**
 * Deletes ended tasks (completed, failed, cancelled) with their steps and events once they are older
 * than {@code scaffolder.taskRetention}: a global scheduled task ({@code scaffolder.task-cleanup}), so
 * that one replica does it at a time.
 */
public final class TaskCleanup {

    /** The scheduled task's id, under the plugin's prefix: {@code scaffolder.task-cleanup}. */
    public static final String TASK_ID = "task-cleanup";

    private TaskCleanup() {
    }

    /**
     * Schedules the clean-up every hour (or every {@code retention}, if shorter).
     *
     * @param retention how long an ended task is kept after it finished
     */
    public static void schedule(PluginContext context, TaskStore store, Duration retention, Clock clock) {
        Duration every = retention.compareTo(Duration.ofHours(1)) < 0 ? retention : Duration.ofHours(1);
        context.tasks().schedule(TASK_ID, Schedule.every(every).initialDelay(Duration.ofMinutes(1)), run -> {
            int deleted = run(store, retention, clock);
            if (deleted > 0) {
                context.logger().info("Deleted {} scaffolder tasks that ended more than {} ago (scaffolder.taskRetention)", deleted, retention);
            }
        });
    }

    /** Deletes the tasks that ended before now minus {@code retention}; returns how many. */
    static int run(TaskStore store, Duration retention, Clock clock) {
        return store.deleteEndedBefore(clock.millis() - retention.toMillis());
    }
}
