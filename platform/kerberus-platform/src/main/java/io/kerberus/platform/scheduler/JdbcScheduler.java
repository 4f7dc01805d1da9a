package io.kerberus.platform.scheduler;

import io.kerberus.plugin.Schedule;
import io.kerberus.plugin.Tasks.Task;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs scheduled tasks. A global task has a row in {@code platform_tasks}; a replica runs it only
 * after an UPDATE gave it the row's lease, renews the lease while the task runs, and releases it with
 * the next run time when done. A replica that dies stops renewing, so its lease expires and another
 * replica claims the task. The claim is an optimistic UPDATE, which works the same on H2 and
 * PostgreSQL.
 */
public final class JdbcScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcScheduler.class);

    private final Jdbi jdbi;
    private final String node;
    private final SchedulerSettings settings;
    private final Clock clock;
    private final Map<String, ScheduledTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, TaskRunner> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private volatile boolean started;
    private volatile boolean closed;

    public JdbcScheduler(Jdbi jdbi, String node, SchedulerSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.node = node;
        this.settings = settings;
        this.clock = clock;
        this.timer = Executors.newScheduledThreadPool(1, Thread.ofPlatform().daemon().name("kerberus-scheduler").factory());
    }

    /** One task as registered. */
    record ScheduledTask(String id, Schedule schedule, Task task) {
    }

    /** Registers a task; it starts with {@link #start}, or at once when the scheduler already runs. */
    public void register(String id, Schedule schedule, Task task) {
        if (tasks.putIfAbsent(id, new ScheduledTask(id, schedule, task)) != null) {
            throw new IllegalArgumentException("Task '" + id + "' is already scheduled; give the second one another id.");
        }
        if (started) {
            activate(tasks.get(id));
        }
    }

    /** Starts polling for due global tasks and the timers of local ones. */
    public void start() {
        started = true;
        tasks.values().forEach(this::activate);
        long poll = settings.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
    }

    /** Makes a global task due now, for whichever replica polls first; runs a local task now. */
    public void trigger(String id) {
        ScheduledTask task = tasks.get(id);
        if (task == null) {
            throw new IllegalArgumentException("No task '" + id + "' is scheduled; scheduled tasks: " + tasks.keySet());
        }
        if (!task.schedule().isGlobal()) {
            Thread.ofVirtual().name("task-" + id).start(() -> runLocal(task));
            return;
        }
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE platform_tasks SET next_run_at = :now, done = FALSE WHERE id = :id")
                .bind("now", now()).bind("id", id).execute());
    }

    /** Whether this replica is running the task right now. */
    public boolean isRunning(String id) {
        return running.containsKey(id);
    }

    /** The ids of all registered tasks. */
    public List<String> taskIds() {
        return List.copyOf(tasks.keySet());
    }

    private void activate(ScheduledTask task) {
        Schedule schedule = task.schedule();
        if (!schedule.isGlobal()) {
            long delay = schedule.initialDelay().toMillis();
            // the timer thread only dispatches, so that a long local task never delays polling or heartbeats
            Runnable dispatch = () -> Thread.ofVirtual().name("task-" + task.id()).start(() -> runLocal(task));
            if (schedule.isOnce()) {
                timer.schedule(dispatch, delay, TimeUnit.MILLISECONDS);
            } else {
                timer.scheduleWithFixedDelay(dispatch, delay, schedule.frequency().toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO platform_tasks (id, next_run_at, done) VALUES (:id, :next, FALSE) ON CONFLICT DO NOTHING")
                .bind("id", task.id()).bind("next", now() + schedule.initialDelay().toMillis()).execute());
    }

    private void poll() {
        if (closed) {
            return;
        }
        try {
            long now = now();
            List<String> due = jdbi.withHandle(handle -> handle.createQuery("""
                            SELECT id FROM platform_tasks
                            WHERE done = FALSE AND next_run_at <= :now AND (lease_until IS NULL OR lease_until < :now)""")
                    .bind("now", now).mapTo(String.class).list());
            for (String id : due) {
                ScheduledTask task = tasks.get(id);
                if (task != null && task.schedule().isGlobal() && !running.containsKey(id) && claim(id, now)) {
                    TaskRunner runner = new TaskRunner(task, this);
                    running.put(id, runner);
                    runner.start();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Polling for due tasks failed, will retry: {}", e.toString());
        }
    }

    private boolean claim(String id, long now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE platform_tasks SET lease_holder = :node, lease_until = :until
                        WHERE id = :id AND done = FALSE AND next_run_at <= :now AND (lease_until IS NULL OR lease_until < :now)""")
                .bind("node", node).bind("until", now + settings.leaseDuration().toMillis())
                .bind("id", id).bind("now", now).execute()) == 1;
    }

    /** Extends the lease; false when another replica took it. */
    boolean renew(String id) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE platform_tasks SET lease_until = :until WHERE id = :id AND lease_holder = :node")
                .bind("until", now() + settings.leaseDuration().toMillis()).bind("id", id).bind("node", node).execute()) == 1;
    }

    /** Releases the lease and sets the next run. */
    void finish(ScheduledTask task, String error) {
        long now = now();
        Schedule schedule = task.schedule();
        boolean done = schedule.isOnce() && error == null;
        long next = schedule.isOnce() ? now + settings.retryDelay().toMillis() : now + schedule.frequency().toMillis();
        try {
            jdbi.useHandle(handle -> handle.createUpdate("""
                            UPDATE platform_tasks SET lease_holder = NULL, lease_until = NULL, last_run_at = :now,
                                last_error = :error, next_run_at = :next, done = :done
                            WHERE id = :id AND lease_holder = :node""")
                    .bind("now", now).bind("error", error).bind("next", next).bind("done", done)
                    .bind("id", task.id()).bind("node", node).execute());
        } catch (RuntimeException e) {
            LOG.warn("Could not release the lease of task {}; it expires in {}: {}", task.id(), settings.leaseDuration(), e.toString());
        } finally {
            running.remove(task.id());
        }
    }

    private void runLocal(ScheduledTask task) {
        if (closed || running.putIfAbsent(task.id(), TaskRunner.LOCAL) != null) {
            return;
        }
        try {
            task.task().run(new TaskRunner.Run(task.id(), () -> closed));
        } catch (Exception e) {
            LOG.warn("Task {} failed: {}", task.id(), e.toString(), e);
        } finally {
            running.remove(task.id());
        }
    }

    SchedulerSettings settings() {
        return settings;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    boolean isClosed() {
        return closed;
    }

    long now() {
        return clock.millis();
    }

    /** Stops polling, cancels running tasks and waits up to {@code grace} for them to release their leases. */
    public void close(Duration grace) {
        closed = true;
        running.values().forEach(TaskRunner::cancel);
        long deadline = System.nanoTime() + grace.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        timer.shutdownNow();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /** Stops everything at once without releasing leases, as a killed process would. For tests. */
    public void abandon() {
        closed = true;
        timer.shutdownNow();
        running.values().forEach(TaskRunner::abandon);
    }
}
