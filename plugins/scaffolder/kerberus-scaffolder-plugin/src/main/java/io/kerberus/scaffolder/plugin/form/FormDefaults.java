package io.kerberus.scaffolder.plugin.form;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** Schema defaults for unanswered fields, as react-jsonschema-form fills them in when a form opens. */
final class FormDefaults {

    /** A default can select a dependency branch that has defaults of its own; a few rounds settle it. */
    private static final int ROUNDS = 5;

    private FormDefaults() {
    }

    /** Fills {@code target} with the defaults of the page, resolving its branches against the growing values. */
    static void apply(JsonNode page, ObjectNode target) {
        for (int round = 0; round < ROUNDS; round++) {
            if (!apply(FormSchema.fields(page, target, ""), target)) {
                return;
            }
        }
    }

    private static boolean apply(List<FormField> fields, ObjectNode target) {
        boolean changed = false;
        for (FormField field : fields) {
            JsonNode current = target.get(field.name());
            JsonNode fallback = field.schema().get("default");
            if (current == null && fallback != null && !fallback.isNull()) {
                target.set(field.name(), fallback.deepCopy());
                current = target.get(field.name());
                changed = true;
            }
            if (field.kind() == FieldKind.OBJECT && (current == null || current.isObject())) {
                ObjectNode child = current == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) current;
                boolean inner = apply(field.children(), child);
                if (inner && current == null) {
                    target.set(field.name(), child);
                }
                changed |= inner;
            }
        }
        return changed;
    }
}
