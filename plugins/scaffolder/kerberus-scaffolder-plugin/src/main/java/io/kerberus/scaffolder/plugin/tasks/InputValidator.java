package io.kerberus.scaffolder.plugin.tasks;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kerberus.scaffolder.Action;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a step's rendered input against its action's JSON Schema (draft 7, as Backstage's actions
 * declare), naming each wrong field as {@code steps.<id>.input.<field>}.
 */
public final class InputValidator {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** The problems of {@code input}, one line each; empty when it is valid or the action has no schema. */
    public List<String> problems(Action action, JsonNode input, String path) {
        Map<String, Object> schema = action.inputSchema();
        if (schema == null || schema.isEmpty()) {
            return List.of();
        }
        Schema compiled = schemas.computeIfAbsent(action.id(), id -> registry.getSchema(TaskStore.JSON.valueToTree(schema)));
        return compiled.validate(input).stream().map(error -> describe(error, path)).toList();
    }

    /** A check of data against a schema given as JSON, for the template's parameters. */
    public List<String> problems(JsonNode schema, JsonNode value, String path) {
        return registry.getSchema(schema).validate(value).stream().map(error -> describe(error, path)).toList();
    }

    private static String describe(Error error, String path) {
        StringBuilder field = new StringBuilder(path);
        for (String part : error.getInstanceLocation().toString().split("/")) {
            if (part.isEmpty() || part.equals("$")) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            field.append(name.chars().allMatch(Character::isDigit) ? "[" + name + "]" : "." + name);
        }
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            field.append('.').append(error.getProperty());
        }
        String message = error.getMessage();
        int colon = message.indexOf(": ");
        String text = colon >= 0 && (message.startsWith("/") || message.startsWith("$")) ? message.substring(colon + 2) : message;
        return field + ": " + text;
    }
}
