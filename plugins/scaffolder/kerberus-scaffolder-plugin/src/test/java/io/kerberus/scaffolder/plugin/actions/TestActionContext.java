package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.Principal;
import io.kerberus.scaffolder.ActionContext;
import io.kerberus.scaffolder.plugin.template.WorkspacePaths;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** An {@link ActionContext} over a temp folder that records log lines and outputs. */
final class TestActionContext implements ActionContext {

    final Path workspace;
    final Map<String, Object> input = new LinkedHashMap<>();
    final List<String> logs = new ArrayList<>();
    final Map<String, Object> outputs = new LinkedHashMap<>();
    final Map<String, String> secrets = new LinkedHashMap<>();
    URI templateLocation;
    boolean dryRun;
    Principal user;
    BooleanSupplier cancelled = () -> false;

    TestActionContext(Path workspace) {
        this.workspace = workspace;
    }

    TestActionContext with(String name, Object value) {
        input.put(name, value);
        return this;
    }

    String log() {
        return String.join("\n", logs);
    }

    @Override
    public String taskId() {
        return "task-1";
    }

    @Override
    public String stepId() {
        return "step-1";
    }

    @Override
    public Map<String, Object> input() {
        return input;
    }

    @Override
    public Path workspace() {
        return workspace;
    }

    @Override
    public Path resolve(String relative, String what) {
        return WorkspacePaths.resolveInside(workspace, relative, what);
    }

    @Override
    public URI templateLocation() {
        return templateLocation;
    }

    @Override
    public Map<String, String> secrets() {
        return secrets;
    }

    @Override
    public Optional<Principal> user() {
        return Optional.ofNullable(user);
    }

    @Override
    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public void log(String line) {
        logs.add(line);
    }

    @Override
    public void output(String name, Object value) {
        outputs.put(name, value);
    }
}
