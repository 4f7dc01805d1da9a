package io.kerberus.scaffolder.plugin.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an action's input (or output) JSON Schema as the plain maps {@code Action#inputSchema} returns. */
final class InputSchema {

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    static InputSchema object() {
        return new InputSchema();
    }

    InputSchema required(String... names) {
        required.addAll(List.of(names));
        return this;
    }

    InputSchema string(String name, String title, String description) {
        return property(name, field("string", title, description));
    }

    InputSchema bool(String name, String title, String description) {
        return property(name, field("boolean", title, description));
    }

    InputSchema number(String name, String title, String description) {
        return property(name, field("number", title, description));
    }

    InputSchema obj(String name, String title, String description) {
        return property(name, field("object", title, description));
    }

    InputSchema strings(String name, String title, String description) {
        Map<String, Object> field = field("array", title, description);
        field.put("items", Map.of("type", "string"));
        return property(name, field);
    }

    InputSchema property(String name, Map<String, Object> schema) {
        properties.put(name, schema);
        return this;
    }

    static Map<String, Object> field(String type, String title, String description) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("type", type);
        field.put("title", title);
        field.put("description", description);
        return field;
    }

    Map<String, Object> build() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        schema.put("properties", new LinkedHashMap<>(properties));
        return java.util.Collections.unmodifiableMap(schema);
    }
}
