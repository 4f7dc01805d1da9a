package io.kerberus.scaffolder.plugin.form;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** JSON Schema checks (draft 7, as Backstage's forms use) of template parameters, with {@code ui:*} keys stripped. */
final class Schemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    /** Pages are few and re-checked on every post, so compiled schemas are kept; bounded against odd templates. */
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 512;

    private Schemas() {
    }

    /** The problems of {@code value} against {@code schema}; formats are asserted, as ajv does in Backstage's forms. */
    static List<Error> validate(JsonNode schema, JsonNode value) {
        try {
            return compiled(schema).validate(value, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        } catch (RuntimeException e) {
            // a schema the validator cannot compile ($ref to nowhere) must not lock people out of the form;
            // the task API checks the values again when the task starts
            return List.of();
        }
    }

    private static Schema compiled(JsonNode schema) {
        String key = schema.toString();
        Schema compiled = COMPILED.get(key);
        if (compiled == null) {
            if (COMPILED.size() >= MAX_COMPILED) {
                COMPILED.clear();
            }
            compiled = REGISTRY.getSchema(stripUi(schema));
            COMPILED.put(key, compiled);
        }
        return compiled;
    }

    /** Whether {@code value} is valid against {@code schema}. */
    static boolean matches(JsonNode schema, JsonNode value) {
        return validate(schema, value.isMissingNode() ? JsonNodeFactory.instance.objectNode() : value).isEmpty();
    }

    /** The schema without {@code ui:*} keys, which are not JSON Schema. */
    static JsonNode stripUi(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(f -> {
                if (!f.getKey().startsWith("ui:")) {
                    copy.set(f.getKey(), stripUi(f.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(item -> copy.add(stripUi(item)));
            return copy;
        }
        return node;
    }
}
