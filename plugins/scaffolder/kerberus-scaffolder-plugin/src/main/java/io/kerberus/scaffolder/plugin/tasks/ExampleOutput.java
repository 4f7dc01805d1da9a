package io.kerberus.scaffolder.plugin.tasks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stand-in output of a step whose action does not support dry runs, as Backstage's
 * {@code generateExampleOutput}: {@code examples[0]} where given, else {@code <example>} for strings,
 * 0, false, and objects and arrays built the same way, so later steps still render.
 */
final class ExampleOutput {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExampleOutput() {
    }

    /** The example of an action's output schema, an empty object without one. */
    static ObjectNode of(JsonNode outputSchema) {
        JsonNode example = example(outputSchema);
        return example instanceof ObjectNode object ? object : NODES.objectNode();
    }

    private static JsonNode example(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return NODES.stringNode("<unknown>");
        }
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").path(0).asString("") : schema.path("type").asString("");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").properties().forEach(field -> object.set(field.getKey(), example(field.getValue())));
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (schema.path("items").isObject()) {
                    array.add(example(schema.path("items")));
                }
                return array;
            }
            case "string" -> {
                return NODES.stringNode("<example>");
            }
            case "number", "integer" -> {
                return NODES.numberNode(0);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return NODES.stringNode("<unknown>");
            }
        }
    }
}
