package io.kerberus.scaffolder.plugin.form;

import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.KeyValueList;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The review of the answers before a task starts, as Backstage's review step shows them. */
final class FormReview {

    /** What a masked value shows, as Backstage's review does for secrets and passwords. */
    static final String MASK = "••••••";

    private FormReview() {
    }

    /** One step: its heading and its answered fields; nothing when none is answered. */
    static Html step(String title, List<FormField> fields, JsonNode values) {
        KeyValueList list = KeyValueList.create();
        List<String> labels = new ArrayList<>();
        for (FormField field : FormSchema.flatten(fields)) {
            JsonNode value = FormValidator.value(values, field.path());
            if (field.kind() == FieldKind.OBJECT || field.kind() == FieldKind.HIDDEN || !FormSchema.answered(value)
                    || !field.schema().path("ui:backstage").path("review").path("show").asBoolean(true)) {
                continue;
            }
            String label = label(fields, field);
            if (labels.contains(label)) {
                label = label + " (" + field.path() + ")";
            }
            labels.add(label);
            list = list.with(label, display(field, value));
        }
        if (labels.isEmpty()) {
            return Html.EMPTY;
        }
        return Html.format("<section class=\"form-review-step\"><h3>{}</h3>{}</section>", title, list);
    }

    /** The titles from the outermost object in, {@code App › Port}. */
    private static String label(List<FormField> fields, FormField field) {
        for (FormField candidate : fields) {
            if (candidate == field) {
                return field.title();
            }
            if (field.path().startsWith(candidate.path() + ".")) {
                return candidate.title() + " › " + label(candidate.children(), field);
            }
        }
        return field.title();
    }

    static String display(FormField field, JsonNode value) {
        if (field.masked()) {
            return field.schema().path("ui:backstage").path("review").path("mask").asString(MASK);
        }
        JsonNode itemSchema = field.schema().path("items");
        return switch (field.kind()) {
            case CHECKBOX -> value.asBoolean(false) ? "Yes" : "No";
            case SELECT, RADIO -> Options.label(field.schema(), value);
            case CHECKBOXES, MULTI_SELECT -> String.join(", ", value.values().stream().map(v -> Options.label(itemSchema, v)).toList());
            case ENTITY, OWNER -> EntityRefs.humanize(value.asString(""));
            case MULTI_ENTITY -> String.join(", ", value.values().stream().map(v -> EntityRefs.humanize(v.asString(""))).toList());
            default -> value.isArray() && value.values().stream().allMatch(JsonNode::isValueNode)
                    ? String.join(", ", value.values().stream().map(Options::text).toList())
                    : Options.text(value);
        };
    }
}
