package io.kerberus.scaffolder.plugin.api;

import io.kerberus.plugin.EventStream;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.Routes;
import io.kerberus.scaffolder.plugin.tasks.StepState;
import io.kerberus.scaffolder.plugin.tasks.TaskEvent;
import io.kerberus.scaffolder.plugin.tasks.TaskRecord;
import io.kerberus.scaffolder.plugin.tasks.TaskSignals;
import io.kerberus.scaffolder.plugin.tasks.TaskStatus;
import io.kerberus.scaffolder.plugin.tasks.TaskStore;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Backstage's task API under {@code /api/scaffolder/v2/tasks}: create, list, read, events, live events, cancel, retry. */
public final class TaskRoutes {

    private final TaskStore store;
    private final TaskSignals signals;
    private final TaskLauncher launcher;

    TaskRoutes(TaskStore store, TaskSignals signals, TaskLauncher launcher) {
        this.store = store;
        this.signals = signals;
        this.launcher = launcher;
    }

    /**
     * The body of {@code POST /v2/tasks}.
     *
     * @param templateRef the Template entity's ref
     * @param values      the form's answers
     * @param secrets     secrets for the steps, kept in memory only
     */
    record NewTask(String templateRef, JsonNode values, Map<String, String> secrets) {
    }

    /**
     * The optional body of {@code POST /v2/tasks/{id}/retry}.
     *
     * @param secrets the task's secrets again, when the replica holding them is gone
     */
    record RetryBody(Map<String, String> secrets) {
    }

    void mount(Routes routes) {
        routes.post("/v2/tasks", this::create);
        routes.get("/v2/tasks", this::list);
        routes.get("/v2/tasks/{taskId}", request -> task(find(request)));
        routes.get("/v2/tasks/{taskId}/events", this::events);
        routes.sse("/v2/tasks/{taskId}/eventstream", this::stream);
        routes.post("/v2/tasks/{taskId}/cancel", this::cancel);
        routes.post("/v2/tasks/{taskId}/retry", this::retry);
    }

    private Object create(Request request) {
        NewTask body = request.bodyAs(NewTask.class);
        String id = launcher.start(body.templateRef(), body.values(), body.secrets(), request.requirePrincipal());
        return Response.json(201, Map.of("id", id)).header("Location", "/api/scaffolder/v2/tasks/" + id);
    }

    private Object list(Request request) {
        List<TaskStatus> statuses;
        try {
            statuses = request.queryParams("status").stream().map(TaskStatus::of).toList();
        } catch (IllegalArgumentException e) {
            throw new InputException("status: must be one of open, processing, completed, failed, cancelled");
        }
        int limit = intParam(request, "limit", 100, 1000);
        int offset = intParam(request, "offset", 0, Integer.MAX_VALUE);
        TaskStore.Page page = launcher.access().list(store, request.requirePrincipal(), request.queryParams("createdBy"), statuses, offset, limit);
        return Response.object("tasks", page.items().stream().map(t -> task(t, null)).toList(), "totalTasks", page.total());
    }

    private Object events(Request request) {
        TaskRecord task = find(request);
        long after = longParam(request, "after");
        return store.events(task.id(), after, 10_000).stream().map(TaskRoutes::event).toList();
    }

    /** Sends the events so far, then new ones as they come, until the task has ended and every event is out. */
    private void stream(Request request, EventStream events) throws InterruptedException {
        String id = find(request).id();
        long after = longParam(request, "after");
        while (events.isOpen()) {
            long seen = signals.eventVersion();
            boolean ended = store.find(id).map(t -> t.status().ended()).orElse(true);
            List<TaskEvent> batch = store.events(id, after, 1000);
            for (TaskEvent event : batch) {
                events.send(event.type(), event(event));
                after = event.id();
            }
            if (ended && batch.isEmpty()) {
                return;
            }
            if (batch.isEmpty()) {
                signals.awaitEvent(seen, 500);
            }
        }
    }

    private Object cancel(Request request) {
        launcher.cancel(request.pathParam("taskId"), request.requirePrincipal());
        return Map.of("status", TaskStatus.CANCELLED.value());
    }

    private Object retry(Request request) {
        Map<String, String> secrets = request.body().isBlank() ? null : request.bodyAs(RetryBody.class).secrets();
        String id = request.pathParam("taskId");
        launcher.retry(id, secrets, request.requirePrincipal());
        return Response.json(201, Map.of("id", id));
    }

    private TaskRecord find(Request request) {
        return launcher.task(request.pathParam("taskId"), request.requirePrincipal());
    }

    private Map<String, Object> task(TaskRecord task) {
        return task(task, store.steps(task.id()));
    }

    /** Backstage's SerializedTask, plus the state of each step when given. */
    private static Map<String, Object> task(TaskRecord task, List<StepState> steps) {
        Map<String, Object> json = Response.object("id", task.id(), "spec", task.spec(), "status", task.status().value(),
                "createdAt", iso(task.createdAt()), "lastHeartbeatAt", task.lastHeartbeatAt() == null ? null : iso(task.lastHeartbeatAt()),
                "createdBy", task.createdBy());
        if (steps != null) {
            json.put("steps", steps.stream().map(s -> Response.object("id", s.stepId(), "status", s.status().value(),
                    "startedAt", s.startedAt() == null ? null : iso(s.startedAt()), "endedAt", s.endedAt() == null ? null : iso(s.endedAt()))).toList());
        }
        return json;
    }

    /** Backstage's SerializedTaskEvent. */
    static Map<String, Object> event(TaskEvent event) {
        return Response.object("id", event.id(), "taskId", event.taskId(), "body", event.body(), "type", event.type(),
                "createdAt", iso(event.createdAt()));
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static long longParam(Request request, String name) {
        String text = request.queryParam(name).orElse("0");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InputException(name + ": expected a number but found \"" + text + "\"");
        }
    }

    private static int intParam(Request request, String name, int fallback, int max) {
        if (request.queryParam(name).isEmpty()) {
            return fallback;
        }
        long value = longParam(request, name);
        if (value < 0 || value > max) {
            throw new InputException(name + ": must be between 0 and " + max);
        }
        return (int) value;
    }
}
