package io.kerberus.scaffolder.plugin.tasks;

import io.kerberus.plugin.Principal;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.plugin.template.TemplateContext;
import io.kerberus.scaffolder.plugin.template.TemplateRenderer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the steps of one task spec in order, as Backstage's workflow runner does: renders each
 * step's {@code input} (parameters, earlier steps' outputs, user, secrets, {@code each}), skips it
 * when {@code if:} is false, loops over {@code each:}, checks the input against the action's schema,
 * runs the action, then renders the template's {@code output}. Stops before the next step once
 * cancelled. Every event body and stored output is masked; steps themselves see the real secrets.
 */
public final class TaskExecution {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ActionRegistry actions;
    private final TemplateRenderer renderer;
    private final InputValidator validator;

    public TaskExecution(ActionRegistry actions, TemplateRenderer renderer, InputValidator validator) {
        this.actions = actions;
        this.renderer = renderer;
        this.validator = validator;
    }

    /**
     * One run of a task.
     *
     * @param taskId           the task's id
     * @param spec             the task spec ({@code steps}, {@code output}, {@code parameters})
     * @param secrets          the task's secrets, in memory only
     * @param workspace        the folder the steps work in
     * @param templateLocation where the template was read from
     * @param user             who started it
     * @param userEntity       their User entity, or null
     * @param dryRun           whether this is a dry run
     * @param startAt          the index of the first step to run (a retry from a failed step)
     * @param priorOutputs     outputs of the steps before {@code startAt}, by step id
     */
    public record Job(String taskId, ObjectNode spec, Map<String, String> secrets, Path workspace, URI templateLocation,
                      Optional<Principal> user, JsonNode userEntity, boolean dryRun, int startAt, Map<String, JsonNode> priorOutputs) {
    }

    /** Hears what the run does. */
    public interface Listener {

        /** An event, its body already masked. */
        void event(String type, ObjectNode body);

        /** A step changed state; {@code output} (masked) is set when it ended. */
        void step(String stepId, TaskStatus status, boolean started, boolean ended, JsonNode output);

        /** Whether the task should stop. */
        boolean cancelRequested();
    }

    /**
     * How a run ended.
     *
     * @param status     completed, failed or cancelled
     * @param output     the rendered template output (masked), on completion
     * @param failedStep the step that failed or was next when cancelled, or null
     * @param error      what went wrong (masked), or null
     */
    public record Outcome(TaskStatus status, JsonNode output, String failedStep, String error) {
    }

    /** The ids of the spec's steps, in order ({@code step-<n>} for a step without one). */
    public static List<String> stepIds(JsonNode spec) {
        List<String> ids = new ArrayList<>();
        int index = 0;
        for (JsonNode step : spec.path("steps").values()) {
            ids.add(stepId(step, index++));
        }
        return ids;
    }

    static String stepId(JsonNode step, int index) {
        String id = step.path("id").asString("");
        return id.isBlank() ? "step-" + index : id;
    }

    public Outcome run(Job job, Listener listener) {
        SecretMasker masker = SecretMasker.of(job.secrets());
        TemplateContext context = baseContext(job);
        List<JsonNode> steps = new ArrayList<>(job.spec().path("steps").values());
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            String id = stepId(step, i);
            if (i < job.startAt()) {
                context = context.withStepOutput(id, job.priorOutputs().getOrDefault(id, NODES.objectNode()));
                continue;
            }
            if (listener.cancelRequested()) {
                listener.event("cancelled", log("Run cancelled before step " + id, id, TaskStatus.CANCELLED));
                listener.step(id, TaskStatus.CANCELLED, false, true, null);
                return new Outcome(TaskStatus.CANCELLED, null, id, "cancelled");
            }
            try {
                Optional<JsonNode> output = runStep(job, step, id, context, masker, listener);
                if (output.isPresent()) {
                    context = context.withStepOutput(id, output.get());
                }
            } catch (Exception e) {
                String message = masker.mask(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                listener.event("log", log("Step " + id + " failed: " + message, id, TaskStatus.FAILED));
                listener.step(id, TaskStatus.FAILED, false, true, null);
                return new Outcome(TaskStatus.FAILED, null, id, message);
            }
        }
        try {
            JsonNode output = renderer.renderValue(job.spec().path("output"), context, "output");
            return new Outcome(TaskStatus.COMPLETED, masker.mask(output.isMissingNode() ? NODES.objectNode() : output), null, null);
        } catch (RuntimeException e) {
            String message = masker.mask(e.getMessage());
            listener.event("log", log("The template's output failed: " + message, null, TaskStatus.FAILED));
            return new Outcome(TaskStatus.FAILED, null, null, message);
        }
    }

    private TemplateContext baseContext(Job job) {
        JsonNode parameters = job.spec().path("parameters");
        String userRef = job.spec().path("user").path("ref").asString(null);
        return TemplateContext.empty()
                .withParameters(parameters.isMissingNode() ? NODES.objectNode() : parameters)
                .withUser(job.userEntity(), userRef)
                .withSecrets(job.secrets())
                .with("steps", NODES.objectNode());
    }

    /** Runs one step; empty when it was skipped. */
    private Optional<JsonNode> runStep(Job job, JsonNode step, String id, TemplateContext context, SecretMasker masker,
                                       Listener listener) throws Exception {
        String path = "steps." + id;
        String name = step.path("name").asString(id);
        if (!renderer.conditionHolds(step.path("if"), context, path + ".if")) {
            listener.event("log", log("Skipping step " + id + " because its if condition was false", id, TaskStatus.SKIPPED));
            listener.step(id, TaskStatus.SKIPPED, false, true, null);
            return Optional.empty();
        }
        String actionId = step.path("action").asString("");
        Action action = actions.find(actionId).orElseThrow(() -> new IllegalArgumentException(path + ".action: unknown action '"
                + actionId + "'; GET /api/scaffolder/v2/actions lists the installed ones"));
        listener.step(id, TaskStatus.PROCESSING, true, false, null);
        listener.event("log", log("Beginning step " + name, id, TaskStatus.PROCESSING));
        Map<String, JsonNode> iterations = iterations(step, id, context);
        ObjectNode output = NODES.objectNode();
        for (Map.Entry<String, JsonNode> iteration : iterations.entrySet()) {
            TemplateContext stepContext = iteration.getValue() == null ? context : context.withEach(iteration.getKey(), iteration.getValue());
            JsonNode input = renderer.renderValue(step.path("input"), stepContext, path + ".input");
            if (input.isMissingNode()) {
                input = NODES.objectNode();
            }
            List<String> problems = validator.problems(action, input, path + ".input");
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid input for action " + actionId + ": " + String.join("; ", problems));
            }
            if (iteration.getValue() != null) {
                listener.event("log", log("Running " + actionId + " for each." + "key = " + iteration.getKey(), id, null));
            }
            if (job.dryRun() && !action.supportsDryRun()) {
                listener.event("log", log("Skipping because " + actionId + " does not support dry-run", id, null));
                // as Backstage: example outputs from the action's output schema, so later steps still render
                ExampleOutput.of(TaskStore.JSON.valueToTree(action.outputSchema())).properties()
                        .forEach(field -> addOutput(output, field.getKey(), field.getValue(), iteration.getValue() != null));
                continue;
            }
            boolean each = iteration.getValue() != null;
            @SuppressWarnings("unchecked")
            Map<String, Object> plainInput = TaskStore.JSON.treeToValue(input, LinkedHashMap.class);
            action.run(new StepContext(job, id, plainInput,
                    line -> listener.event("log", log(masker.mask(line), id, null)),
                    (key, value) -> addOutput(output, key, TaskStore.JSON.valueToTree(value), each),
                    listener::cancelRequested));
        }
        listener.step(id, TaskStatus.COMPLETED, false, true, masker.mask(output));
        listener.event("log", log("Finished step " + name, id, TaskStatus.COMPLETED));
        return Optional.of(output);
    }

    /** {@code each:} as key to value (list indexes as keys), or one iteration without {@code each}. */
    private Map<String, JsonNode> iterations(JsonNode step, String id, TemplateContext context) {
        Map<String, JsonNode> iterations = new LinkedHashMap<>();
        if (step.path("each").isMissingNode() || step.path("each").isNull()) {
            iterations.put("", null);
            return iterations;
        }
        JsonNode each = renderer.renderValue(step.path("each"), context, "steps." + id + ".each");
        if (each.isArray()) {
            int index = 0;
            for (JsonNode item : each.values()) {
                iterations.put(String.valueOf(index++), item);
            }
        } else if (each.isObject()) {
            each.properties().forEach(field -> iterations.put(field.getKey(), field.getValue()));
        } else {
            throw new IllegalArgumentException("steps." + id + ".each: must be a list or an object, but it is "
                    + (each.isMissingNode() ? "empty" : each.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return iterations;
    }

    /** Backstage collects each iteration's value of an output into a list. */
    private static void addOutput(ObjectNode output, String key, JsonNode value, boolean each) {
        if (!each) {
            output.set(key, value);
            return;
        }
        JsonNode existing = output.get(key);
        ArrayNode list = existing instanceof ArrayNode array ? array : output.putArray(key);
        list.add(value);
    }

    static ObjectNode log(String message, String stepId, TaskStatus status) {
        ObjectNode body = NODES.objectNode().put("message", message);
        if (stepId != null) {
            body.put("stepId", stepId);
        }
        if (status != null) {
            body.put("status", status.value());
        }
        return body;
    }
}
