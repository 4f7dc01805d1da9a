package io.kerberus.scaffolder;

import io.kerberus.plugin.Principal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What a running step gets: its rendered input, the task's workspace, a log, and where to put outputs. */
public interface ActionContext {

    /** The task's id. */
    String taskId();

    /** The step's id in the template. */
    String stepId();

    /** The step's {@code input}, rendered, as plain data (maps, lists, strings, numbers, booleans), checked against the input schema. */
    Map<String, Object> input();

    /**
     * The task's own folder. Resolve every path an input names with {@link #resolve}: paths that leave
     * the workspace are refused.
     */
    Path workspace();

    /** {@code relative} inside the workspace; an absolute path or one that leaves it is an error naming {@code what}. */
    Path resolve(String relative, String what);

    /**
     * Where the template entity was read from ({@code file:/.../template.yaml} or an http(s) URL), for
     * inputs such as {@code fetch:template}'s {@code url: ./skeleton} that are relative to it.
     */
    URI templateLocation();

    /** The task's secrets (such as a token); never log them: the runner masks them in every log line anyway. */
    Map<String, String> secrets();

    /** Who started the task, if a user did. */
    Optional<Principal> user();

    /** Whether this is a dry run: change nothing outside the workspace. */
    boolean dryRun();

    /** Whether the task was cancelled; long actions should check it and stop. */
    boolean cancelled();

    /** Adds a line to the step's log, shown live. */
    void log(String line);

    /** Sets an output of the step, readable by later steps as {@code steps['id'].output.name}. */
    void output(String name, Object value);
}
