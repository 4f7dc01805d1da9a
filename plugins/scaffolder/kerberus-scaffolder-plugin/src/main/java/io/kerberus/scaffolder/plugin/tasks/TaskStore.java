package io.kerberus.scaffolder.plugin.tasks;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tasks, their steps and events in {@code scaffolder_tasks}, {@code scaffolder_task_steps} and
 * {@code scaffolder_task_events}; the SQL runs on H2 and PostgreSQL alike. Claims are optimistic
 * ({@code UPDATE ... WHERE status = 'open'}), so that replicas never run a task twice.
 */
public final class TaskStore {

    static final JsonMapper JSON = JsonMapper.shared();
    private static final String TASK_COLUMNS = "SELECT id, spec, status, template_ref, created_by, created_at, last_heartbeat_at,"
            + " claimed_by, secrets_holder, cancel_requested, retry_from FROM scaffolder_tasks ";
    private static final RowMapper<TaskRecord> TASK = (rs, ctx) -> new TaskRecord(rs.getString("id"),
            (ObjectNode) json(rs.getString("spec")), TaskStatus.of(rs.getString("status")), rs.getString("template_ref"),
            rs.getString("created_by"), rs.getLong("created_at"), nullableLong(rs, "last_heartbeat_at"), rs.getString("claimed_by"),
            rs.getString("secrets_holder"), rs.getBoolean("cancel_requested"), rs.getString("retry_from"));

    private final Jdbi jdbi;
    private final Clock clock;
    private final TaskSignals signals;

    public TaskStore(Jdbi jdbi, Clock clock, TaskSignals signals) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.signals = signals;
    }

    /** Stores a new open task with one open row per step of {@code stepIds}. */
    public void create(String id, ObjectNode spec, String templateRef, String createdBy, String secretsHolder, List<String> stepIds) {
        long now = clock.millis();
        jdbi.useTransaction(handle -> {
            handle.createUpdate("""
                            INSERT INTO scaffolder_tasks (id, spec, status, template_ref, created_by, created_at, last_heartbeat_at, secrets_holder)
                            VALUES (:id, :spec, 'open', :ref, :by, :now, :now, :holder)""")
                    .bind("id", id).bind("spec", JSON.writeValueAsString(spec)).bind("ref", templateRef).bind("by", createdBy)
                    .bind("now", now).bind("holder", secretsHolder).execute();
            var batch = handle.prepareBatch("INSERT INTO scaffolder_task_steps (task_id, step_id, position, status) VALUES (:id, :step, :pos, 'open')");
            for (int i = 0; i < stepIds.size(); i++) {
                batch.bind("id", id).bind("step", stepIds.get(i)).bind("pos", i).add();
            }
            if (!stepIds.isEmpty()) {
                batch.execute();
            }
        });
        signals.taskChanged();
    }

    public Optional<TaskRecord> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(TASK_COLUMNS + "WHERE id = :id").bind("id", id).map(TASK).findOne());
    }

    /**
     * A page of tasks, newest first.
     *
     * @param items this page
     * @param total how many match
     */
    public record Page(List<TaskRecord> items, long total) {
    }

    /** Tasks created by one of {@code createdBy} (all when empty) with one of {@code statuses} (all when empty). */
    public Page list(List<String> createdBy, List<TaskStatus> statuses, int offset, int limit) {
        List<String> where = new ArrayList<>();
        if (!createdBy.isEmpty()) {
            where.add("created_by IN (<by>)");
        }
        if (!statuses.isEmpty()) {
            where.add("status IN (<statuses>)");
        }
        String filter = where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where) + " ";
        List<String> statusValues = statuses.stream().map(TaskStatus::value).toList();
        return jdbi.withHandle(handle -> {
            var select = handle.createQuery(TASK_COLUMNS + filter + "ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                    .bind("limit", limit).bind("offset", offset);
            var count = handle.createQuery("SELECT COUNT(*) FROM scaffolder_tasks " + filter);
            if (!createdBy.isEmpty()) {
                select.bindList("by", createdBy);
                count.bindList("by", createdBy);
            }
            if (!statuses.isEmpty()) {
                select.bindList("statuses", statusValues);
                count.bindList("statuses", statusValues);
            }
            return new Page(select.map(TASK).list(), count.mapTo(Long.class).one());
        });
    }

    /**
     * Claims the oldest open task this replica may run (one without secrets, or whose secrets it
     * holds): an optimistic {@code UPDATE ... WHERE status = 'open'} per candidate, so a task is
     * claimed by one replica only, on H2 and PostgreSQL alike.
     */
    public Optional<TaskRecord> claimNext(String replica) {
        return jdbi.withHandle(handle -> {
            List<String> candidates = handle.createQuery("""
                            SELECT id FROM scaffolder_tasks WHERE status = 'open' AND (secrets_holder IS NULL OR secrets_holder = :me)
                            ORDER BY created_at, id LIMIT 10""")
                    .bind("me", replica).mapTo(String.class).list();
            for (String id : candidates) {
                int claimed = handle.createUpdate("""
                                UPDATE scaffolder_tasks SET status = 'processing', claimed_by = :me, last_heartbeat_at = :now
                                WHERE id = :id AND status = 'open'""")
                        .bind("me", replica).bind("now", clock.millis()).bind("id", id).execute();
                if (claimed == 1) {
                    return handle.createQuery(TASK_COLUMNS + "WHERE id = :id").bind("id", id).map(TASK).findOne();
                }
            }
            return Optional.empty();
        });
    }

    /** Renews the heartbeat of the tasks this replica runs or holds secrets of; returns the ids of those asked to cancel. */
    public List<String> heartbeat(String replica) {
        return jdbi.withHandle(handle -> {
            handle.createUpdate("""
                            UPDATE scaffolder_tasks SET last_heartbeat_at = :now
                            WHERE (status = 'processing' AND claimed_by = :me) OR (status = 'open' AND secrets_holder = :me)""")
                    .bind("now", clock.millis()).bind("me", replica).execute();
            return handle.createQuery("SELECT id FROM scaffolder_tasks WHERE status = 'processing' AND claimed_by = :me AND cancel_requested = TRUE")
                    .bind("me", replica).mapTo(String.class).list();
        });
    }

    /** Whether someone asked to cancel the task. */
    public boolean cancelRequested(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT cancel_requested FROM scaffolder_tasks WHERE id = :id")
                .bind("id", id).mapTo(Boolean.class).findOne().orElse(false));
    }

    /**
     * Marks failed every task whose holder has not sent a heartbeat since {@code before}: running
     * tasks whose replica stopped, and open tasks whose secrets only a stopped replica held.
     *
     * @return the ids marked failed here
     */
    public List<String> failStale(long before) {
        List<String> failed = new ArrayList<>();
        List<TaskRecord> stale = jdbi.withHandle(handle -> handle.createQuery(TASK_COLUMNS + """
                        WHERE last_heartbeat_at < :before AND (status = 'processing' OR (status = 'open' AND secrets_holder IS NOT NULL))""")
                .bind("before", before).map(TASK).list());
        for (TaskRecord task : stale) {
            String message = task.status() == TaskStatus.PROCESSING
                    ? "The replica running this task (" + task.claimedBy() + ") stopped: no heartbeat since "
                    + java.time.Instant.ofEpochMilli(task.lastHeartbeatAt()) + ". Retry it to run again from the failed step"
                    : "The replica holding this task's secrets (" + task.secretsHolder() + ") stopped before running it;"
                    + " secrets are kept only in memory. Retry it with its secrets";
            ObjectNode body = JSON.createObjectNode().put("message", "Run completed with status: failed");
            body.putObject("error").put("name", "TaskLostError").put("message", message);
            boolean done = jdbi.inTransaction(handle -> {
                int updated = handle.createUpdate("""
                                UPDATE scaffolder_tasks SET status = 'failed', finished_at = :now
                                WHERE id = :id AND status = :status AND last_heartbeat_at < :before""")
                        .bind("now", clock.millis()).bind("id", task.id()).bind("status", task.status().value()).bind("before", before).execute();
                if (updated == 1) {
                    handle.createUpdate("UPDATE scaffolder_task_steps SET status = 'failed', ended_at = :now WHERE task_id = :id AND status = 'processing'")
                            .bind("now", clock.millis()).bind("id", task.id()).execute();
                    insertEvent(handle, task.id(), "log", JSON.createObjectNode().put("message", message).put("status", "failed"));
                    insertEvent(handle, task.id(), "completion", body);
                }
                return updated == 1;
            });
            if (done) {
                failed.add(task.id());
            }
        }
        if (!failed.isEmpty()) {
            signals.taskChanged();
        }
        return failed;
    }

    /** Ends a task this replica ran, with its completion event, in one transaction; false when it no longer held it. */
    public boolean finish(String id, String replica, TaskStatus status, ObjectNode completion) {
        boolean done = jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate("""
                            UPDATE scaffolder_tasks SET status = :status, finished_at = :now, cancel_requested = FALSE
                            WHERE id = :id AND status = 'processing' AND claimed_by = :me""")
                    .bind("status", status.value()).bind("now", clock.millis()).bind("id", id).bind("me", replica).execute();
            if (updated == 1) {
                insertEvent(handle, id, "completion", completion);
            }
            return updated == 1;
        });
        signals.taskChanged();
        return done;
    }

    /** Cancels a task nobody runs yet; false when it is no longer open. */
    public boolean cancelOpen(String id) {
        boolean done = jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate("UPDATE scaffolder_tasks SET status = 'cancelled', finished_at = :now WHERE id = :id AND status = 'open'")
                    .bind("now", clock.millis()).bind("id", id).execute();
            if (updated == 1) {
                insertEvent(handle, id, "cancelled", JSON.createObjectNode().put("message", "Run cancelled before it started"));
                insertEvent(handle, id, "completion", JSON.createObjectNode().put("message", "Run completed with status: cancelled"));
            }
            return updated == 1;
        });
        signals.taskChanged();
        return done;
    }

    /** Asks the replica running the task to stop before its next step; false when it is not running. */
    public boolean requestCancel(String id) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE scaffolder_tasks SET cancel_requested = TRUE WHERE id = :id AND status = 'processing'")
                .bind("id", id).execute()) == 1;
    }

    /** Opens a failed or cancelled task again, to run from {@code fromStep}; false when it is in another state. */
    public boolean reopen(String id, String fromStep, String secretsHolder) {
        boolean done = jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate("""
                            UPDATE scaffolder_tasks SET status = 'open', claimed_by = NULL, cancel_requested = FALSE, finished_at = NULL,
                            retry_from = :step, secrets_holder = :holder, last_heartbeat_at = :now
                            WHERE id = :id AND status IN ('failed', 'cancelled')""")
                    .bind("step", fromStep).bind("holder", secretsHolder).bind("now", clock.millis()).bind("id", id).execute();
            if (updated == 1) {
                insertEvent(handle, id, "recovered", JSON.createObjectNode().put("message", "Retrying from step " + fromStep).put("stepId", fromStep));
            }
            return updated == 1;
        });
        signals.taskChanged();
        return done;
    }

    public List<StepState> steps(String taskId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT step_id, position, status, started_at, ended_at, output FROM scaffolder_task_steps
                        WHERE task_id = :id ORDER BY position""")
                .bind("id", taskId)
                .map((rs, ctx) -> new StepState(rs.getString(1), rs.getInt(2), TaskStatus.of(rs.getString(3)), nullableLong(rs, "started_at"),
                        nullableLong(rs, "ended_at"), rs.getString(6) == null ? null : json(rs.getString(6))))
                .list());
    }

    /** Sets a step's status; {@code started} and {@code ended} stamp now, {@code output} (masked) may be null. */
    public void step(String taskId, String stepId, TaskStatus status, boolean started, boolean ended, JsonNode output) {
        long now = clock.millis();
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE scaffolder_task_steps SET status = :status"
                        + (started ? ", started_at = :now, ended_at = NULL" : "") + (ended ? ", ended_at = :now" : "")
                        + (output != null ? ", output = :output" : "") + " WHERE task_id = :id AND step_id = :step")
                .bind("status", status.value()).bind("now", now).bind("output", output == null ? null : JSON.writeValueAsString(output))
                .bind("id", taskId).bind("step", stepId).execute());
    }

    /** Sets every step back to open, for a run from the start. */
    public void resetSteps(String taskId) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE scaffolder_task_steps SET status = 'open', started_at = NULL, ended_at = NULL, output = NULL WHERE task_id = :id""")
                .bind("id", taskId).execute());
    }

    /** Appends an event whose body the caller has masked. */
    public void append(String taskId, String type, ObjectNode body) {
        jdbi.useHandle(handle -> insertEvent(handle, taskId, type, body));
        signals.eventAdded();
    }

    /** The task's events after event {@code after}, oldest first, at most {@code limit}. */
    public List<TaskEvent> events(String taskId, long after, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, task_id, type, body, created_at FROM scaffolder_task_events
                        WHERE task_id = :id AND id > :after ORDER BY id LIMIT :limit""")
                .bind("id", taskId).bind("after", after).bind("limit", limit)
                .map((rs, ctx) -> new TaskEvent(rs.getLong(1), rs.getString(2), rs.getString(3), json(rs.getString(4)), rs.getLong(5)))
                .list());
    }

    /** Deletes the ended tasks (completed, failed, cancelled) that finished before {@code before}, with their steps and events. */
    public int deleteEndedBefore(long before) {
        String ended = "SELECT id FROM scaffolder_tasks WHERE status IN ('completed', 'failed', 'cancelled') AND finished_at < :before";
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM scaffolder_task_events WHERE task_id IN (" + ended + ")").bind("before", before).execute();
            handle.createUpdate("DELETE FROM scaffolder_task_steps WHERE task_id IN (" + ended + ")").bind("before", before).execute();
            return handle.createUpdate(ended.replace("SELECT id FROM", "DELETE FROM")).bind("before", before).execute();
        });
    }

    private void insertEvent(Handle handle, String taskId, String type, ObjectNode body) {
        handle.createUpdate("INSERT INTO scaffolder_task_events (task_id, type, body, created_at) VALUES (:id, :type, :body, :now)")
                .bind("id", taskId).bind("type", type).bind("body", JSON.writeValueAsString(body)).bind("now", clock.millis()).execute();
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
