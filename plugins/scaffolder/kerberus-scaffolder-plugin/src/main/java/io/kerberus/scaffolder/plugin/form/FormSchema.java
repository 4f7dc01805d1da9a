package io.kerberus.scaffolder.plugin.form;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An object schema flattened for the current answers, as react-jsonschema-form shows it: the branch of
 * {@code dependencies} (property lists, schemas, {@code oneOf} picked by the controlling value),
 * {@code allOf} and {@code if}/{@code then}/{@code else} that applies is merged into plain
 * {@code properties} and {@code required}.
 */
final class FormSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FormSchema() {
    }

    /** The JSON Schema type of a schema; {@code object} when it only has properties, else {@code string}. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type.values()) {
                if (!t.asString("").equals("null")) {
                    return t.asString("");
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    /** The fields of an object schema for {@code values}, nested objects resolved with their own values. */
    static List<FormField> fields(JsonNode schema, JsonNode values, String prefix) {
        ObjectNode flat = NODES.objectNode();
        Set<String> refresh = new LinkedHashSet<>();
        merge(flat, schema, values, refresh);
        Set<String> required = new LinkedHashSet<>();
        flat.path("required").values().forEach(r -> required.add(r.asString("")));
        List<FormField> fields = new ArrayList<>();
        for (var property : flat.path("properties").properties()) {
            String name = property.getKey();
            JsonNode propertySchema = property.getValue();
            if (!propertySchema.isObject()) {
                continue;
            }
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            FieldKind kind = FieldKind.of(propertySchema);
            List<FormField> children = kind == FieldKind.OBJECT
                    ? fields(propertySchema, values.path(name), path) : List.of();
            fields.add(new FormField(path, name, propertySchema, required.contains(name), kind, refresh.contains(name), children));
        }
        return fields;
    }

    /** Every field and nested field, depth first. */
    static List<FormField> flatten(List<FormField> fields) {
        List<FormField> all = new ArrayList<>();
        for (FormField field : fields) {
            all.add(field);
            all.addAll(flatten(field.children()));
        }
        return all;
    }

    /** Adds the schema's properties and required names to {@code flat}, then those of the branches that apply. */
    private static void merge(ObjectNode flat, JsonNode schema, JsonNode values, Set<String> refresh) {
        if (!schema.isObject()) {
            return;
        }
        ObjectNode properties = flat.has("properties") ? (ObjectNode) flat.get("properties") : flat.putObject("properties");
        // a branch restating a property (the oneOf's controlling enum) must not replace the full definition
        schema.path("properties").properties().forEach(p -> {
            if (!properties.has(p.getKey())) {
                properties.set(p.getKey(), p.getValue());
            }
        });
        ArrayNode required = flat.has("required") ? (ArrayNode) flat.get("required") : flat.putArray("required");
        schema.path("required").values().forEach(required::add);
        schema.path("dependencies").properties().forEach(d -> dependency(flat, d.getKey(), d.getValue(), values, refresh));
        schema.path("dependentRequired").properties().forEach(d -> dependency(flat, d.getKey(), d.getValue(), values, refresh));
        schema.path("dependentSchemas").properties().forEach(d -> dependency(flat, d.getKey(), d.getValue(), values, refresh));
        schema.path("allOf").values().forEach(part -> merge(flat, part, values, refresh));
        if (schema.has("if")) {
            refresh.addAll(propertyNames(schema.get("if")));
            merge(flat, Schemas.matches(schema.get("if"), values) ? schema.path("then") : schema.path("else"), values, refresh);
        }
    }

    private static void dependency(ObjectNode flat, String key, JsonNode dependency, JsonNode values, Set<String> refresh) {
        boolean present = answered(values.path(key));
        if (dependency.isArray()) {
            if (present) {
                dependency.values().forEach(((ArrayNode) flat.get("required"))::add);
            }
            return;
        }
        refresh.add(key);
        if (!present) {
            return;
        }
        JsonNode oneOf = dependency.path("oneOf");
        if (oneOf.isArray()) {
            ObjectNode common = (ObjectNode) dependency.deepCopy();
            common.remove("oneOf");
            merge(flat, common, values, refresh);
            for (JsonNode branch : oneOf.values()) {
                if (selects(branch, key, values)) {
                    merge(flat, branch, values, refresh);
                    return;
                }
            }
            return;
        }
        merge(flat, dependency, values, refresh);
    }

    /** Whether the oneOf branch's restatement of the controlling property accepts its current value. */
    private static boolean selects(JsonNode branch, String key, JsonNode values) {
        JsonNode restated = branch.path("properties").path(key);
        if (restated.isMissingNode()) {
            return false;
        }
        ObjectNode check = NODES.objectNode();
        check.putObject("properties").set(key, restated);
        check.putArray("required").add(key);
        return Schemas.matches(check, values);
    }

    private static Set<String> propertyNames(JsonNode condition) {
        Set<String> names = new LinkedHashSet<>();
        condition.path("properties").propertyNames().forEach(names::add);
        condition.path("required").values().forEach(r -> names.add(r.asString("")));
        return names;
    }

    /** The property names the schema can show under any answers: its own and those of every branch. */
    static Set<String> allNames(JsonNode schema) {
        Set<String> names = new LinkedHashSet<>();
        if (!schema.isObject()) {
            return names;
        }
        schema.path("properties").propertyNames().forEach(names::add);
        for (String keyword : List.of("dependencies", "dependentSchemas")) {
            schema.path(keyword).values().forEach(d -> {
                names.addAll(allNames(d));
                d.path("oneOf").values().forEach(branch -> names.addAll(allNames(branch)));
            });
        }
        schema.path("allOf").values().forEach(part -> names.addAll(allNames(part)));
        names.addAll(allNames(schema.path("then")));
        names.addAll(allNames(schema.path("else")));
        return names;
    }

    /** Whether a value counts as given: not missing, null, blank or an empty list. */
    static boolean answered(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (value.isString()) {
            return !value.asString().isBlank();
        }
        return !(value.isArray() || value.isObject()) || !value.isEmpty();
    }
}
