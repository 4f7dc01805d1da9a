package io.kerberus.scaffolder.plugin.form;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;

import java.util.ArrayList;
import java.util.List;

/** The choices of an enum-like schema: {@code enum} with {@code enumNames}, {@code oneOf}/{@code anyOf} consts, or a boolean. */
final class Options {

    /** One choice: its JSON value and its label. */
    record Option(JsonNode value, String label) {

        /** The value as the form posts it. */
        String text() {
            return value.isString() ? value.asString() : value.toString();
        }
    }

    private Options() {
    }

    /** The schema's choices in order; empty when it has none. */
    static List<Option> of(JsonNode schema) {
        List<Option> options = new ArrayList<>();
        JsonNode values = schema.path("enum");
        if (values.isArray()) {
            JsonNode names = schema.path("enumNames");
            for (int i = 0; i < values.size(); i++) {
                JsonNode value = values.get(i);
                String label = names.path(i).isString() ? names.path(i).asString() : text(value);
                options.add(new Option(value, label));
            }
            return options;
        }
        // RJSF's titled-enum form: oneOf/anyOf of {const, title}
        for (String keyword : List.of("oneOf", "anyOf")) {
            JsonNode alternatives = schema.path(keyword);
            if (alternatives.isArray() && !alternatives.isEmpty() && alternatives.values().stream().allMatch(a -> a.has("const"))) {
                alternatives.values().forEach(a -> options.add(new Option(a.get("const"), a.path("title").asString(text(a.get("const"))))));
                return options;
            }
        }
        if (FormSchema.type(schema).equals("boolean") && (schema.has("ui:widget"))) {
            options.add(new Option(BooleanNode.TRUE, "Yes"));
            options.add(new Option(BooleanNode.FALSE, "No"));
        }
        return options;
    }

    /** The label of {@code value} among the schema's choices, or the value as text. */
    static String label(JsonNode schema, JsonNode value) {
        for (Option option : of(schema)) {
            if (option.value().equals(value)) {
                return option.label();
            }
        }
        return text(value);
    }

    /** The option whose posted text is {@code posted}. */
    static JsonNode valueOf(List<Option> options, String posted) {
        for (Option option : options) {
            if (option.text().equals(posted)) {
                return option.value();
            }
        }
        return null;
    }

    static String text(JsonNode value) {
        return value.isString() ? value.asString() : value.toString();
    }
}
