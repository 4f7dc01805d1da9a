package io.kerberus.scaffolder.plugin.tasks;

import io.kerberus.plugin.Principal;
import io.kerberus.scaffolder.ActionContext;
import io.kerberus.scaffolder.plugin.template.WorkspacePaths;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** What one run of an action sees: the job's workspace and secrets, the step's input, its log and outputs. */
final class StepContext implements ActionContext {

    private final TaskExecution.Job job;
    private final String stepId;
    private final Map<String, Object> input;
    private final Consumer<String> log;
    private final BiConsumer<String, Object> output;
    private final BooleanSupplier cancelled;

    StepContext(TaskExecution.Job job, String stepId, Map<String, Object> input, Consumer<String> log,
                BiConsumer<String, Object> output, BooleanSupplier cancelled) {
        this.job = job;
        this.stepId = stepId;
        this.input = input;
        this.log = log;
        this.output = output;
        this.cancelled = cancelled;
    }

    @Override
    public String taskId() {
        return job.taskId();
    }

    @Override
    public String stepId() {
        return stepId;
    }

    @Override
    public Map<String, Object> input() {
        return input;
    }

    @Override
    public Path workspace() {
        return job.workspace();
    }

    @Override
    public Path resolve(String relative, String what) {
        return WorkspacePaths.resolveInside(job.workspace(), relative, what);
    }

    @Override
    public URI templateLocation() {
        return job.templateLocation();
    }

    @Override
    public Map<String, String> secrets() {
        return job.secrets();
    }

    @Override
    public Optional<Principal> user() {
        return job.user();
    }

    @Override
    public boolean dryRun() {
        return job.dryRun();
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public void log(String line) {
        log.accept(line);
    }

    @Override
    public void output(String name, Object value) {
        output.accept(name, value);
    }
}
