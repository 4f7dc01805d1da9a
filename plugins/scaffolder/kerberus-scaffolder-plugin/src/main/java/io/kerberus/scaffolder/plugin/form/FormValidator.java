package io.kerberus.scaffolder.plugin.form;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of a step: JSON Schema checks of the step's resolved schema (so a {@code oneOf} branch
 * reads as plain fields, not "must match exactly one schema"), then the field extensions' own rules.
 * Messages are written for the person filling in the form.
 */
final class FormValidator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FormValidator() {
    }

    /** Problems by field path, in field order; the first problem of a path wins. */
    static LinkedHashMap<String, String> problems(List<FormField> fields, ObjectNode values, PickerSource source) {
        ObjectNode subset = NODES.objectNode();
        fields.forEach(f -> {
            if (values.has(f.name())) {
                subset.set(f.name(), values.get(f.name()));
            }
        });
        List<FormField> all = FormSchema.flatten(fields);
        Map<String, String> found = new LinkedHashMap<>();
        for (Error error : Schemas.validate(flatSchema(fields), subset)) {
            String path = path(error);
            found.putIfAbsent(path, message(error, schemaAt(all, path)));
        }
        for (FormField field : all) {
            if (!found.containsKey(field.path())) {
                PickerChecks.check(field, value(values, field.path()), source, found);
            }
        }
        LinkedHashMap<String, String> ordered = new LinkedHashMap<>();
        for (FormField field : all) {
            found.forEach((path, message) -> {
                if (path.equals(field.path()) || path.startsWith(field.path() + "[")) {
                    ordered.putIfAbsent(path, message);
                }
            });
        }
        found.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** An object schema of plain properties and required names, nested objects likewise. */
    static ObjectNode flatSchema(List<FormField> fields) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        var required = schema.putArray("required");
        for (FormField field : fields) {
            ObjectNode property = ((ObjectNode) field.schema()).deepCopy();
            for (String structural : List.of("properties", "required", "dependencies", "dependentRequired", "dependentSchemas", "allOf", "if", "then", "else")) {
                if (field.kind() == FieldKind.OBJECT) {
                    property.remove(structural);
                }
            }
            if (field.kind() == FieldKind.OBJECT) {
                property.setAll(flatSchema(field.children()));
            }
            properties.set(field.name(), property);
            if (field.required()) {
                required.add(field.name());
            }
        }
        return schema;
    }

    /** {@code app.port}, {@code tags[1]}; a missing property is named by its own path. */
    private static String path(Error error) {
        StringBuilder path = new StringBuilder();
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(element);
            }
        }
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            path.append(path.isEmpty() ? "" : ".").append(error.getProperty());
        }
        return path.toString();
    }

    /** The schema of the field at {@code path}, or of its items for {@code tags[1]}. */
    private static JsonNode schemaAt(List<FormField> fields, String path) {
        int bracket = path.indexOf('[');
        String fieldPath = bracket < 0 ? path : path.substring(0, bracket);
        for (FormField field : fields) {
            if (field.path().equals(fieldPath)) {
                return bracket < 0 ? field.schema() : field.schema().path("items");
            }
        }
        return NODES.objectNode();
    }

    static String message(Error error, JsonNode schema) {
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "required" -> "Required";
            case "minLength" -> schema.path("minLength").asInt() <= 1 ? "Required"
                    : "Must be at least " + schema.path("minLength").asInt() + " characters";
            case "maxLength" -> "Must be at most " + schema.path("maxLength").asInt() + " characters";
            case "pattern" -> "Must match " + schema.path("pattern").asString("");
            case "minimum" -> "Must be at least " + schema.path("minimum").asString();
            case "maximum" -> "Must be at most " + schema.path("maximum").asString();
            case "exclusiveMinimum" -> "Must be more than " + schema.path("exclusiveMinimum").asString();
            case "exclusiveMaximum" -> "Must be less than " + schema.path("exclusiveMaximum").asString();
            case "multipleOf" -> "Must be a multiple of " + schema.path("multipleOf").asString();
            case "minItems" -> "Choose at least " + schema.path("minItems").asInt();
            case "maxItems" -> "Choose at most " + schema.path("maxItems").asInt();
            case "uniqueItems" -> "Must not repeat an item";
            case "enum", "const" -> "Must be one of: " + String.join(", ", Options.of(schema).stream().map(Options.Option::label).toList());
            case "type" -> typeMessage(FormSchema.type(schema));
            case "format" -> formatMessage(schema.path("format").asString(""));
            default -> plain(error.getMessage());
        };
    }

    private static String typeMessage(String type) {
        return switch (type) {
            case "integer" -> "Must be a whole number";
            case "number" -> "Must be a number";
            case "boolean" -> "Must be true or false";
            case "array" -> "Must be a list";
            case "object" -> "Must be an object";
            default -> "Must be text";
        };
    }

    private static String formatMessage(String format) {
        return switch (format) {
            case "email" -> "Must be an email address";
            case "uri", "url", "uri-reference" -> "Must be a URL";
            case "date" -> "Must be a date such as 2024-12-31";
            case "date-time" -> "Must be a date and time such as 2024-12-31T23:59:00Z";
            default -> "Must be a valid " + format;
        };
    }

    /** The validator's own text without its {@code $.field: } prefix. */
    private static String plain(String message) {
        int colon = message.indexOf(": ");
        String text = colon >= 0 && (message.startsWith("$") || message.startsWith("/")) ? message.substring(colon + 2) : message;
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The value at a dotted path. */
    static JsonNode value(JsonNode values, String path) {
        JsonNode node = values;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }
}
