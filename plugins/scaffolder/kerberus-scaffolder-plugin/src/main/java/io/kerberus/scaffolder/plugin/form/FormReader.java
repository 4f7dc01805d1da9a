package io.kerberus.scaffolder.plugin.form;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posted form parameters back into values, the inverse of {@link FieldRenderer}: the schema says what
 * an absent checkbox means and what type a text is. Text that does not parse is kept as text, so the
 * validator can say what is wrong with it.
 */
final class FormReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.shared();

    private final Map<String, List<String>> params;

    FormReader(Map<String, List<String>> params) {
        this.params = params;
    }

    /** Sets or removes each field's value in {@code target}. */
    void read(List<FormField> fields, ObjectNode target) {
        for (FormField field : fields) {
            if (field.ui("readonly").asBoolean(false) && !params.containsKey(field.control())) {
                continue;
            }
            JsonNode value = value(field, target.path(field.name()));
            if (value == null) {
                target.remove(field.name());
            } else {
                target.set(field.name(), value);
            }
        }
    }

    /** The field's value, or null when it is not answered. */
    private JsonNode value(FormField field, JsonNode previous) {
        return switch (field.kind()) {
            case OBJECT -> {
                ObjectNode object = previous.isObject() ? ((ObjectNode) previous).deepCopy() : NODES.objectNode();
                read(field.children(), object);
                yield object.isEmpty() && !field.required() ? null : object;
            }
            case CHECKBOX -> BooleanNode.valueOf(all(field.control()).contains("true"));
            case SELECT, RADIO -> choice(field);
            case CHECKBOXES, MULTI_SELECT -> list(field, all(field.control()).stream()
                    .map(v -> Options.valueOf(Options.of(field.schema().path("items")), v)).toList());
            case MULTI_ENTITY -> list(field, all(field.control()).stream().map(v -> scalar(field.schema().path("items"), v)).toList());
            case LIST -> list(field, one(field.control()).lines().map(v -> scalar(field.schema().path("items"), v)).toList());
            case TAGS -> list(field, List.of(one(field.control()).split("[,\\s]+")).stream().map(v -> scalar(NODES.objectNode(), v)).toList());
            case JSON -> json(one(field.control()));
            case ENTITY, OWNER -> entityRef(field);
            case REPO_URL -> repoUrl(field);
            default -> scalar(field.schema(), one(field.control()));
        };
    }

    private JsonNode choice(FormField field) {
        String posted = one(field.control());
        if (posted.isEmpty()) {
            return null;
        }
        JsonNode value = Options.valueOf(Options.of(field.schema()), posted);
        return value != null ? value : NODES.stringNode(posted);
    }

    /** An array of the answered items in order; null when there are none. */
    private static JsonNode list(FormField field, List<JsonNode> items) {
        ArrayNode array = NODES.arrayNode();
        items.stream().filter(FormSchema::answered).forEach(array::add);
        return array.isEmpty() ? null : array;
    }

    private JsonNode entityRef(FormField field) {
        String posted = one(field.control());
        return posted.isEmpty() ? null : NODES.stringNode(EntityPickerOptions.of(field).normalize(posted));
    }

    private JsonNode repoUrl(FormField field) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("host", one(field.control() + ":host"));
        RepoUrlParts.PARAMETERS.forEach(part -> parts.put(part, one(field.control() + ":" + part)));
        // the host select always posts; a value with nothing besides it is unanswered
        boolean blank = RepoUrlParts.PARAMETERS.stream().allMatch(part -> parts.get(part).isEmpty());
        return blank ? null : NODES.stringNode(RepoUrlParts.format(parts));
    }

    /** Text as the schema's type: a JSON number when it parses, {@code true}/{@code false}, else the text. */
    static JsonNode scalar(JsonNode schema, String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        String type = FormSchema.type(schema);
        if (type.equals("number") || type.equals("integer")) {
            try {
                BigDecimal number = new BigDecimal(trimmed);
                if (number.stripTrailingZeros().scale() > 0) {
                    return NODES.numberNode(number.doubleValue());
                }
                long whole = number.longValueExact();
                return whole == (int) whole ? NODES.numberNode((int) whole) : NODES.numberNode(whole);
            } catch (NumberFormatException | ArithmeticException e) {
                return NODES.stringNode(trimmed);
            }
        }
        if (type.equals("boolean") && (trimmed.equals("true") || trimmed.equals("false"))) {
            return BooleanNode.valueOf(trimmed.equals("true"));
        }
        // free text keeps its inner spaces; only the ends are trimmed, as people paste stray blanks
        return NODES.stringNode(trimmed);
    }

    private static JsonNode json(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return NODES.stringNode(text);
        }
    }

    private String one(String name) {
        List<String> values = params.getOrDefault(name, List.of());
        return values.isEmpty() || values.getFirst() == null ? "" : values.getFirst();
    }

    private List<String> all(String name) {
        return params.getOrDefault(name, List.of()).stream().filter(v -> v != null).toList();
    }
}
