package io.kerberus.scaffolder.plugin.form;

import tools.jackson.databind.JsonNode;

/** How a property is shown and read: chosen from its {@code ui:field}, {@code ui:widget}, type and enum. */
enum FieldKind {
    TEXT, TEXTAREA, PASSWORD, HIDDEN, NUMBER, CHECKBOX, SELECT, RADIO, CHECKBOXES, MULTI_SELECT, LIST, JSON, OBJECT,
    ENTITY, OWNER, MULTI_ENTITY, REPO_URL, ENTITY_NAME, TAGS, SECRET;

    /** The field extensions this engine knows; any other {@code ui:field} falls back to the plain kind. */
    static FieldKind extension(String uiField) {
        return switch (uiField) {
            case "EntityPicker" -> ENTITY;
            case "OwnerPicker" -> OWNER;
            case "MultiEntityPicker" -> MULTI_ENTITY;
            case "RepoUrlPicker" -> REPO_URL;
            case "EntityNamePicker" -> ENTITY_NAME;
            case "EntityTagsPicker" -> TAGS;
            case "Secret" -> SECRET;
            default -> null;
        };
    }

    /** The kind of a property schema as the template wrote it ({@code ui:*} keys included). */
    static FieldKind of(JsonNode schema) {
        FieldKind extension = extension(schema.path("ui:field").asString(""));
        return extension != null ? extension : plain(schema);
    }

    /** The kind ignoring {@code ui:field}, for unknown extensions. */
    static FieldKind plain(JsonNode schema) {
        String widget = schema.path("ui:widget").asString("");
        String type = FormSchema.type(schema);
        if (widget.equals("hidden")) {
            return HIDDEN;
        }
        if (type.equals("object") && schema.path("properties").isObject()) {
            return OBJECT;
        }
        if (type.equals("array")) {
            return array(schema, widget);
        }
        if (type.equals("boolean")) {
            return widget.equals("radio") ? RADIO : widget.equals("select") ? SELECT : CHECKBOX;
        }
        if (!Options.of(schema).isEmpty()) {
            return widget.equals("radio") ? RADIO : SELECT;
        }
        if (type.equals("number") || type.equals("integer")) {
            return NUMBER;
        }
        if (type.equals("object")) {
            return JSON;
        }
        return switch (widget) {
            case "textarea" -> TEXTAREA;
            case "password" -> PASSWORD;
            default -> TEXT;
        };
    }

    private static FieldKind array(JsonNode schema, String widget) {
        JsonNode items = schema.path("items");
        if (!Options.of(items).isEmpty()) {
            return widget.equals("select") ? MULTI_SELECT : CHECKBOXES;
        }
        String itemType = FormSchema.type(items);
        boolean scalar = itemType.equals("string") || itemType.equals("number") || itemType.equals("integer");
        return scalar && !items.has("properties") ? LIST : JSON;
    }

    /** Whether the value is a list of values. */
    boolean multiple() {
        return this == CHECKBOXES || this == MULTI_SELECT || this == LIST || this == TAGS || this == MULTI_ENTITY;
    }
}
