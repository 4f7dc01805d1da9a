package io.kerberus.scaffolder.plugin.api;

import io.kerberus.catalog.Entity;
import io.kerberus.plugin.ConflictException;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Principal;
import io.kerberus.scaffolder.plugin.tasks.SecretVault;
import io.kerberus.scaffolder.plugin.tasks.StepState;
import io.kerberus.scaffolder.plugin.tasks.TaskExecution;
import io.kerberus.scaffolder.plugin.tasks.TaskRecord;
import io.kerberus.scaffolder.plugin.tasks.TaskRunner;
import io.kerberus.scaffolder.plugin.tasks.TaskStatus;
import io.kerberus.scaffolder.plugin.tasks.TaskStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.UUID;

/** Starts, cancels and retries tasks, for the JSON API and the pages alike. */
public final class TaskLauncher {

    private final TaskStore store;
    private final TaskRunner runner;
    private final SecretVault vault;
    private final TemplateSpecs templates;
    private final ScaffolderAccess access;

    TaskLauncher(TaskStore store, TaskRunner runner, SecretVault vault, TemplateSpecs templates, ScaffolderAccess access) {
        this.store = store;
        this.runner = runner;
        this.vault = vault;
        this.templates = templates;
        this.access = access;
    }

    /** The permission checks, for the pages. */
    public ScaffolderAccess access() {
        return access;
    }

    /**
     * The Template entity {@code ref} names ({@code template:default/x}, or {@code x}); 404 when the
     * catalog has none or the caller may not read it, 403 when they may not read its parameters.
     */
    public Entity template(String ref, Principal caller) {
        Entity template = templates.template(ref);
        access.requireTemplate(caller, template);
        return template;
    }

    /**
     * Starts a run of a template: checks the values against its parameters, keeps the secrets in
     * this replica's memory only, stores the task and wakes the runner.
     *
     * @return the new task's id
     */
    public String start(String templateRef, JsonNode values, Map<String, String> secrets, Principal caller) {
        if (templateRef == null || templateRef.isBlank()) {
            throw new InputException("templateRef: required, such as template:default/my-template");
        }
        access.requireCreate(caller);
        Entity template = template(templateRef, caller);
        ObjectNode spec = templates.taskSpec(template, values, caller.isUser() ? caller.subject() : null);
        String id = UUID.randomUUID().toString();
        Map<String, String> kept = secrets == null ? Map.of() : secrets;
        if (!kept.isEmpty()) {
            vault.put(id, kept);
        }
        store.create(id, spec, template.ref().toString(), caller.subject(), kept.isEmpty() ? null : runner.replica(), TaskExecution.stepIds(spec));
        runner.wake();
        return id;
    }

    /** The task with this id; 404 when there is none or the caller may not read it ({@code scaffolder.task.read}). */
    public TaskRecord task(String id, Principal caller) {
        return store.find(id).filter(task -> access.mayRead(caller, task))
                .orElseThrow(() -> new NotFoundException("No task with id " + id));
    }

    /** Cancels an open or running task; 403 without {@code scaffolder.task.cancel}, 409 when it has ended. */
    public void cancel(String id, Principal caller) {
        TaskRecord task = task(id, caller);
        access.requireCancel(caller, task);
        if (task.status() == TaskStatus.OPEN && store.cancelOpen(task.id())) {
            return;
        }
        if (store.requestCancel(task.id())) {
            runner.cancelLocal(task.id());
            return;
        }
        TaskStatus now = store.find(task.id()).map(TaskRecord::status).orElse(task.status());
        throw new ConflictException("Task " + task.id() + " is " + now.value() + "; only open or processing tasks can be cancelled");
    }

    /**
     * Runs a failed or cancelled task again from its first step that did not complete; needs
     * {@code scaffolder.task.create} and {@code scaffolder.task.cancel} on the task.
     *
     * @param secrets the task's secrets again, needed when the replica that held them is gone; may be null
     */
    public void retry(String id, Map<String, String> secrets, Principal caller) {
        TaskRecord task = task(id, caller);
        access.requireCreate(caller);
        access.requireCancel(caller, task);
        if (task.status() != TaskStatus.FAILED && task.status() != TaskStatus.CANCELLED) {
            throw new ConflictException("Task " + task.id() + " is " + task.status().value() + "; only failed or cancelled tasks can be retried");
        }
        String holder = null;
        if (secrets != null && !secrets.isEmpty()) {
            vault.put(task.id(), secrets);
            holder = runner.replica();
        } else if (vault.get(task.id()).isPresent()) {
            holder = runner.replica();
        } else if (task.secretsHolder() != null) {
            throw new InputException("secrets: this task had secrets, which are kept only in the memory of the replica that took the task"
                    + " and are gone now; send them again in the retry body as {\"secrets\": {...}}");
        }
        String from = store.steps(task.id()).stream()
                .filter(s -> s.status() != TaskStatus.COMPLETED && s.status() != TaskStatus.SKIPPED)
                .map(StepState::stepId).findFirst().orElse(null);
        if (!store.reopen(task.id(), from, holder)) {
            throw new ConflictException("Task " + task.id() + " changed meanwhile; read it again");
        }
        runner.wake();
    }
}
