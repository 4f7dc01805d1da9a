package io.kerberus.scaffolder.plugin.tasks;

import io.kerberus.plugin.Principal;
import org.slf4j.Logger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs open tasks on this replica: a dispatcher claims them one at a time while a worker is free
 * (any replica may claim any task, except one whose secrets another replica holds); a heartbeat
 * renews this replica's tasks, passes on cancel requests, and marks failed any task whose holder's
 * heartbeat is older than the timeout, so that no task is lost silently when a replica dies.
 */
public final class TaskRunner {

    /**
     * Timing of the runner.
     *
     * @param workers           tasks run at once
     * @param pollInterval      time between looks for open tasks
     * @param heartbeatInterval time between heartbeats
     * @param heartbeatTimeout  heartbeat age after which a task counts as lost
     * @param retention         how long a failed task's workspace and secrets are kept for a retry
     */
    public record Settings(int workers, Duration pollInterval, Duration heartbeatInterval, Duration heartbeatTimeout, Duration retention) {
    }

    private final String replica;
    private final TaskStore store;
    private final TaskSignals signals;
    private final TaskExecution execution;
    private final Workspaces workspaces;
    private final SecretVault vault;
    private final Function<String, JsonNode> userEntities;
    private final Settings settings;
    private final Clock clock;
    private final Logger log;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final Semaphore free;
    private ExecutorService workers;
    private ScheduledExecutorService heartbeat;
    private Thread dispatcher;
    private volatile boolean stopped;

    public TaskRunner(String replica, TaskStore store, TaskSignals signals, TaskExecution execution, Workspaces workspaces, SecretVault vault,
                      Function<String, JsonNode> userEntities, Settings settings, Clock clock, Logger log) {
        this.replica = replica;
        this.store = store;
        this.signals = signals;
        this.execution = execution;
        this.workspaces = workspaces;
        this.vault = vault;
        this.userEntities = userEntities;
        this.settings = settings;
        this.clock = clock;
        this.log = log;
        this.free = new Semaphore(settings.workers());
    }

    /** This replica's id, as stored in {@code claimed_by} and {@code secrets_holder}. */
    public String replica() {
        return replica;
    }

    public synchronized void start() {
        workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("scaffolder-task-", 0).factory());
        heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("scaffolder-heartbeat").daemon().factory());
        long beat = settings.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::heartbeatSafely, 0, beat, TimeUnit.MILLISECONDS);
        dispatcher = Thread.ofPlatform().name("scaffolder-dispatcher").daemon().start(this::dispatchLoop);
    }

    /** Stops claiming; tasks still running after a grace period are marked failed, naming the shutdown. */
    public synchronized void stop() {
        stopped = true;
        if (dispatcher == null) {
            return;
        }
        dispatcher.interrupt();
        heartbeat.shutdownNow();
        running.values().forEach(flag -> flag.set(true));
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        for (String id : Set.copyOf(running.keySet())) {
            store.finish(id, replica, TaskStatus.FAILED, completion(TaskStatus.FAILED, null,
                    "The replica running this task shut down; retry it to run again from the failed step"));
        }
    }

    /** Tells the runner that a task was opened here, to claim it without waiting for the next poll. */
    public void wake() {
        signals.taskChanged();
    }

    /** Asks a task running on this replica to stop before its next step; false when it does not run here. */
    public boolean cancelLocal(String taskId) {
        AtomicBoolean flag = running.get(taskId);
        if (flag != null) {
            flag.set(true);
        }
        return flag != null;
    }

    private void dispatchLoop() {
        while (!stopped) {
            long seen = signals.taskVersion();
            try {
                dispatch();
                signals.awaitTask(seen, settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Scaffolder: looking for open tasks failed; trying again in {}", settings.pollInterval(), e);
                try {
                    Thread.sleep(settings.pollInterval().toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Claims open tasks while a worker is free and hands each to a worker. */
    void dispatch() {
        while (!stopped && free.tryAcquire()) {
            Optional<TaskRecord> claimed;
            try {
                claimed = store.claimNext(replica);
            } catch (RuntimeException e) {
                free.release();
                throw e;
            }
            if (claimed.isEmpty()) {
                free.release();
                return;
            }
            TaskRecord task = claimed.get();
            running.put(task.id(), new AtomicBoolean(task.cancelRequested()));
            workers.execute(() -> {
                try {
                    execute(task);
                } finally {
                    running.remove(task.id());
                    free.release();
                    signals.taskChanged();
                }
            });
        }
    }

    private void heartbeatSafely() {
        try {
            heartbeatOnce();
        } catch (RuntimeException e) {
            log.warn("Scaffolder heartbeat failed; tasks of this replica may be marked failed if it keeps failing", e);
        }
    }

    /** Renews heartbeats, passes on cancel requests, fails lost tasks and prunes kept workspaces and secrets. */
    void heartbeatOnce() {
        for (String id : store.heartbeat(replica)) {
            cancelLocal(id);
        }
        List<String> lost = store.failStale(clock.millis() - settings.heartbeatTimeout().toMillis());
        if (!lost.isEmpty()) {
            log.warn("Scaffolder: marked {} task(s) failed whose replica stopped sending heartbeats: {}", lost.size(), lost);
        }
        vault.prune();
        workspaces.prune(running.keySet());
    }

    /** Runs one claimed task to its end. */
    void execute(TaskRecord task) {
        String id = task.id();
        AtomicBoolean cancel = running.computeIfAbsent(id, k -> new AtomicBoolean(task.cancelRequested()));
        try {
            Map<String, String> secrets = task.secretsHolder() == null ? Map.of() : vault.get(id).orElse(null);
            if (secrets == null) {
                store.finish(id, replica, TaskStatus.FAILED, completion(TaskStatus.FAILED, null,
                        "This task's secrets are no longer in memory; retry it with its secrets"));
                return;
            }
            Start start = start(task);
            TaskExecution.Job job = new TaskExecution.Job(id, task.spec(), secrets, start.workspace(), templateLocation(task.spec()),
                    user(task), userEntity(task), false, start.index(), start.outputs());
            TaskExecution.Outcome outcome = execution.run(job, listener(id, cancel));
            boolean ended = store.finish(id, replica, outcome.status(), completion(outcome.status(), outcome.output(), outcome.error()));
            if (!ended) {
                log.warn("Scaffolder task {} ended here but another replica had already marked it failed (lost heartbeat)", id);
            }
            if (outcome.status() == TaskStatus.COMPLETED) {
                Workspaces.delete(start.workspace());
                vault.drop(id);
            } else {
                workspaces.keep(id);
                vault.dropLater(id, settings.retention().toMillis());
            }
        } catch (RuntimeException e) {
            log.warn("Scaffolder task {} failed outside its steps", id, e);
            store.finish(id, replica, TaskStatus.FAILED, completion(TaskStatus.FAILED, null,
                    SecretMasker.of(vault.get(id).orElse(Map.of())).mask(String.valueOf(e.getMessage()))));
            workspaces.keep(id);
        }
    }

    private record Start(int index, Map<String, JsonNode> outputs, Path workspace) {
    }

    /** Where a run starts: the first step, or for a retry the failed step when this replica kept the workspace. */
    private Start start(TaskRecord task) {
        String id = task.id();
        if (task.retryFrom() == null) {
            return new Start(0, Map.of(), workspaces.fresh(id));
        }
        List<StepState> steps = store.steps(id);
        int index = steps.stream().filter(s -> s.stepId().equals(task.retryFrom())).mapToInt(StepState::position).findFirst().orElse(0);
        if (index > 0 && workspaces.kept(id)) {
            Map<String, JsonNode> outputs = new HashMap<>();
            steps.stream().filter(s -> s.position() < index && s.output() != null).forEach(s -> outputs.put(s.stepId(), s.output()));
            store.append(id, "log", TaskExecution.log("Retrying from step " + task.retryFrom()
                    + " in the workspace kept from the failed run; earlier steps keep their outputs", task.retryFrom(), null));
            return new Start(index, outputs, workspaces.of(id));
        }
        store.resetSteps(id);
        if (index > 0) {
            store.append(id, "log", TaskExecution.log("The workspace of the failed run is not on this replica (a failed task's workspace is kept"
                    + " for " + settings.retention() + " on the replica that ran it); running every step again", null, null));
        }
        return new Start(0, Map.of(), workspaces.fresh(id));
    }

    private TaskExecution.Listener listener(String id, AtomicBoolean cancel) {
        long[] lastCheck = {0};
        return new TaskExecution.Listener() {
            @Override
            public void event(String type, ObjectNode body) {
                store.append(id, type, body);
            }

            @Override
            public void step(String stepId, TaskStatus status, boolean started, boolean ended, JsonNode output) {
                store.step(id, stepId, status, started, ended, output);
            }

            @Override
            public boolean cancelRequested() {
                long now = System.nanoTime();
                if (!cancel.get() && now - lastCheck[0] > 250_000_000L) {
                    lastCheck[0] = now;
                    if (store.cancelRequested(id)) {
                        cancel.set(true);
                    }
                }
                return cancel.get();
            }
        };
    }

    /** Backstage's completion event body. */
    static ObjectNode completion(TaskStatus status, JsonNode output, String error) {
        ObjectNode body = TaskStore.JSON.createObjectNode().put("message", "Run completed with status: " + status.value());
        if (output != null) {
            body.set("output", output);
        }
        if (error != null && status == TaskStatus.FAILED) {
            body.putObject("error").put("name", "Error").put("message", error);
        }
        return body;
    }

    static URI templateLocation(JsonNode spec) {
        String base = spec.path("templateInfo").path("baseUrl").asString("");
        return base.isEmpty() ? URI.create("file:/") : URI.create(base);
    }

    private static Optional<Principal> user(TaskRecord task) {
        String ref = task.createdBy();
        if (ref == null) {
            return Optional.empty();
        }
        return Optional.of(ref.startsWith("user:") ? Principal.user(ref, List.of(ref), null)
                : new Principal(ref.startsWith("plugin:") ? Principal.Type.SERVICE : Principal.Type.EXTERNAL, ref, List.of(), null));
    }

    private JsonNode userEntity(TaskRecord task) {
        String ref = task.spec().path("user").path("ref").asString("");
        if (ref.isEmpty()) {
            return null;
        }
        try {
            return userEntities.apply(ref);
        } catch (RuntimeException e) {
            log.debug("Scaffolder: no User entity for {}", ref, e);
            return null;
        }
    }
}
