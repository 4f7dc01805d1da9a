package io.kerberus.platform.scheduler;

import io.kerberus.plugin.Tasks.TaskRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** One run of a global task: renews the lease while it runs, enforces the timeout, releases the lease after. */
final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
    /** Marks a local task as running, so that it never overlaps itself. */
    static final TaskRunner LOCAL = new TaskRunner(null, null);

    private final JdbcScheduler.ScheduledTask task;
    private final JdbcScheduler scheduler;
    private volatile boolean cancelled;
    private volatile boolean abandoned;
    private volatile Thread thread;

    TaskRunner(JdbcScheduler.ScheduledTask task, JdbcScheduler scheduler) {
        this.task = task;
        this.scheduler = scheduler;
    }

    /** What a task sees of its run. */
    record Run(String taskId, BooleanSupplier cancelled) implements TaskRun {
        @Override
        public boolean isCancelled() {
            return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
        }
    }

    void start() {
        thread = Thread.ofVirtual().name("task-" + task.id()).start(this::run);
    }

    private void run() {
        long renewEvery = Math.max(50, scheduler.settings().leaseDuration().toMillis() / 3);
        ScheduledFuture<?> heartbeat = scheduler.timer().scheduleWithFixedDelay(this::heartbeat, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> timeout = scheduler.timer().schedule(this::timeOut, task.schedule().timeout().toMillis(), TimeUnit.MILLISECONDS);
        String error = null;
        long started = System.nanoTime();
        try {
            task.task().run(new Run(task.id(), () -> cancelled || scheduler.isClosed()));
        } catch (InterruptedException e) {
            error = "interrupted";
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            error = e.toString();
            LOG.warn("Task {} failed: {}", task.id(), e.toString(), e);
        } finally {
            heartbeat.cancel(false);
            timeout.cancel(false);
        }
        if (abandoned) {
            return;
        }
        LOG.debug("Task {} ran in {} ms", task.id(), (System.nanoTime() - started) / 1_000_000);
        scheduler.finish(task, error);
    }

    private void heartbeat() {
        try {
            if (!abandoned && !scheduler.renew(task.id())) {
                LOG.warn("Task {} lost its lease to another replica; cancelling this run", task.id());
                cancel();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the lease of task {}: {}", task.id(), e.toString());
        }
    }

    private void timeOut() {
        LOG.warn("Task {} ran longer than its timeout of {}; cancelling it", task.id(), task.schedule().timeout());
        cancel();
    }

    void cancel() {
        cancelled = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    void abandon() {
        abandoned = true;
        cancel();
    }
}
