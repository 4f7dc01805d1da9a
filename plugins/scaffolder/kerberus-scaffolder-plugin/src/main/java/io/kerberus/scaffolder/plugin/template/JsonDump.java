package io.kerberus.scaffolder.plugin.template;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Nunjucks' {@code dump} filter, which is JavaScript's {@code JSON.stringify(value, null, indent)}:
 * {@code "a": 1} spacing when indented, whole numbers without a fraction, and nothing at all for
 * undefined (here: null, which Jinjava cannot tell from undefined).
 */
final class JsonDump {

    private JsonDump() {
    }

    static String dump(Object value, int indent) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        write(TemplateValues.toJson(value), indent, "", out);
        return out.toString();
    }

    private static void write(JsonNode node, int indent, String margin, StringBuilder out) {
        if (node.isObject() && !node.isEmpty()) {
            writeContainer(node.properties(), '{', '}', indent, margin, out);
        } else if (node.isArray() && !node.isEmpty()) {
            writeContainer(node.values(), '[', ']', indent, margin, out);
        } else if (node.isNumber() && node.isFloatingPointNumber() && isWhole(node.doubleValue())) {
            out.append((long) node.doubleValue());
        } else {
            out.append(TemplateValues.JSON.writeValueAsString(node));
        }
    }

    private static void writeContainer(Iterable<?> items, char open, char close, int indent, String margin,
            StringBuilder out) {
        String inner = margin + " ".repeat(indent);
        out.append(open);
        boolean first = true;
        for (Object item : items) {
            out.append(first ? "" : ",");
            first = false;
            if (indent > 0) {
                out.append('\n').append(inner);
            }
            JsonNode value = item instanceof Map.Entry<?, ?> entry ? writeKey(entry, indent, out) : (JsonNode) item;
            write(value, indent, inner, out);
        }
        if (indent > 0) {
            out.append('\n').append(margin);
        }
        out.append(close);
    }

    private static JsonNode writeKey(Map.Entry<?, ?> entry, int indent, StringBuilder out) {
        out.append(TemplateValues.JSON.writeValueAsString(entry.getKey())).append(indent > 0 ? ": " : ":");
        return (JsonNode) entry.getValue();
    }

    private static boolean isWhole(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e21;
    }
}
