package io.kerberus.plugin;

/**
 * Scheduled work of a plugin. Task ids are prefixed with the plugin id ({@code catalog.refresh}).
 * A {@link Schedule#isGlobal() global} task runs on one replica at a time: the replica holds a lease
 * in the database while it runs, renews it, and a lease left by a killed process expires so that
 * another replica runs the task again.
 */
public interface Tasks {

    /**
     * Schedules {@code task} under {@code id}. Scheduling starts once every plugin is initialised.
     *
     * @throws IllegalArgumentException when the id is not kebab-case or already scheduled
     */
    void schedule(String id, Schedule schedule, Task task);

    /** Runs the task as soon as possible on whichever replica claims it first. */
    void trigger(String id);

    /** The work of a task. */
    @FunctionalInterface
    interface Task {
        void run(TaskRun run) throws Exception;
    }

    /** One run of a task. */
    interface TaskRun {

        /** The full task id. */
        String taskId();

        /**
         * Whether the run should stop: shutdown began, the timeout passed, or the lease was lost to
         * another replica. Long tasks check it between units of work.
         */
        boolean isCancelled();
    }
}
