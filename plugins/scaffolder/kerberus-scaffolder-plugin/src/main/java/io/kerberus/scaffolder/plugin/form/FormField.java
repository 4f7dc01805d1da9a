package io.kerberus.scaffolder.plugin.form;

import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * One control of a form: a property of a page or of a nested object, with its schema as the template
 * wrote it ({@code ui:*} keys included).
 *
 * @param path      dotted path of the value ({@code app.port})
 * @param name      the property name
 * @param schema    the property schema
 * @param required  whether the page (or a dependency) requires it
 * @param kind      how it is shown and read
 * @param refresh   whether other fields depend on its value, so the step re-renders when it changes
 * @param children  the fields of a nested object, resolved against its current value
 */
record FormField(String path, String name, JsonNode schema, boolean required, FieldKind kind, boolean refresh,
        List<FormField> children) {

    /** The element id: {@code f-} and the path with dots as dashes. */
    String id() {
        return "f-" + path.replace('.', '-');
    }

    /** The form control name: {@code v.} and the path. */
    String control() {
        return "v." + path;
    }

    String title() {
        return schema.path("title").asString(name);
    }

    /** {@code ui:<key>} of the schema. */
    JsonNode ui(String key) {
        return schema.path("ui:" + key);
    }

    /** {@code ui:options.<key>} of the schema. */
    JsonNode option(String key) {
        return schema.path("ui:options").path(key);
    }

    /** The {@code ui:field} this engine does not know, or null. */
    String missingExtension() {
        String field = schema.path("ui:field").asString("");
        return field.isEmpty() || FieldKind.extension(field) != null ? null : field;
    }

    /** Whether the value must not be shown back in a review. */
    boolean masked() {
        return kind == FieldKind.SECRET || kind == FieldKind.PASSWORD || schema.path("ui:backstage").path("review").has("mask");
    }
}
