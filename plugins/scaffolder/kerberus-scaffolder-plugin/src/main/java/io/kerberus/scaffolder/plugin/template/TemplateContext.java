package io.kerberus.scaffolder.plugin.template;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The variables a template sees, immutable: {@code parameters}, {@code steps.<id>.output},
 * {@code user.entity} and {@code user.ref}, {@code secrets}, {@code each.key}/{@code each.value}
 * inside an {@code each:} loop, and {@code values} in a {@code fetch:template} skeleton. Each
 * {@code with...} returns a new context.
 *
 * @param variables top-level variable name to its JSON value
 */
public record TemplateContext(Map<String, JsonNode> variables) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public TemplateContext {
        variables = Map.copyOf(variables);
    }

    /** A context with no variables. */
    public static TemplateContext empty() {
        return new TemplateContext(Map.of());
    }

    /** The context of a skeleton file: {@code values} only, as {@code fetch:template} gives it. */
    public static TemplateContext ofValues(JsonNode values) {
        return empty().with("values", values);
    }

    /** This context with {@code name} set to {@code value}, replacing what was there. */
    public TemplateContext with(String name, JsonNode value) {
        Map<String, JsonNode> copy = new LinkedHashMap<>(variables);
        copy.put(name, value == null ? NODES.nullNode() : value);
        return new TemplateContext(copy);
    }

    /** With the task's {@code parameters} (the form's answers). */
    public TemplateContext withParameters(JsonNode parameters) {
        return with("parameters", parameters);
    }

    /** With {@code steps.<stepId>.output} (also reachable as {@code steps['step-id'].output}). */
    public TemplateContext withStepOutput(String stepId, JsonNode output) {
        JsonNode existing = variables.get("steps");
        ObjectNode steps = existing instanceof ObjectNode object ? object.deepCopy() : NODES.objectNode();
        steps.set(stepId, NODES.objectNode().set("output", output == null ? NODES.objectNode() : output));
        return with("steps", steps);
    }

    /** With {@code user.entity} (the caller's User entity, or null) and {@code user.ref}. */
    public TemplateContext withUser(JsonNode entity, String ref) {
        ObjectNode user = NODES.objectNode();
        if (entity != null) {
            user.set("entity", entity);
        }
        if (ref != null) {
            user.put("ref", ref);
        }
        return with("user", user);
    }

    /** With {@code secrets.<name>}. */
    public TemplateContext withSecrets(Map<String, String> secrets) {
        ObjectNode object = NODES.objectNode();
        secrets.forEach(object::put);
        return with("secrets", object);
    }

    /** With {@code each.key} and {@code each.value}, for one iteration of a step's {@code each:}. */
    public TemplateContext withEach(String key, JsonNode value) {
        ObjectNode each = NODES.objectNode();
        each.put("key", key);
        each.set("value", value);
        return with("each", each);
    }

    /** The variables as the plain maps, lists and scalars Jinjava evaluates. */
    Map<String, Object> toJava() {
        Map<String, Object> java = new LinkedHashMap<>();
        variables.forEach((name, value) -> java.put(name, TemplateValues.toJava(value)));
        return java;
    }
}
