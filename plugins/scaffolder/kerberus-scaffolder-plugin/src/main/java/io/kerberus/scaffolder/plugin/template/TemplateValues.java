package io.kerberus.scaffolder.plugin.template;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Moves values between JSON trees (task data) and the plain Java objects Jinjava evaluates. */
final class TemplateValues {

    static final JsonMapper JSON = JsonMapper.shared();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TemplateValues() {
    }

    /** Maps, lists, strings, numbers, booleans and null, as Jinjava reads them. */
    static Object toJava(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return JSON.treeToValue(node, Object.class);
    }

    /** A JSON tree of what an expression produced; Jinjava's own collections and strings included. */
    static JsonNode toJson(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case JsonNode node -> node;
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i.longValue());
            case Long l -> NODES.numberNode(l);
            case Short s -> NODES.numberNode(s.longValue());
            case Byte b -> NODES.numberNode(b.longValue());
            case BigInteger i -> NODES.numberNode(i);
            case BigDecimal d -> NODES.numberNode(d);
            case Number n -> NODES.numberNode(n.doubleValue());
            case Map<?, ?> map -> objectOf(map);
            case Iterable<?> items -> arrayOf(items);
            case Object array when array.getClass().isArray() -> arrayOfArray(array);
            default -> NODES.stringNode(value.toString());
        };
    }

    private static ObjectNode objectOf(Map<?, ?> map) {
        ObjectNode object = NODES.objectNode();
        map.forEach((key, item) -> object.set(String.valueOf(key), toJson(item)));
        return object;
    }

    private static ArrayNode arrayOf(Iterable<?> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(item -> array.add(toJson(item)));
        return array;
    }

    private static ArrayNode arrayOfArray(Object items) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < Array.getLength(items); i++) {
            array.add(toJson(Array.get(items, i)));
        }
        return array;
    }

    /**
     * Backstage's truthiness (its {@code isTruthy}, from Handlebars): {@code false}, null/undefined,
     * {@code ""}, {@code 0}, {@code NaN} and {@code []} are false; everything else is true,
     * including the string {@code "false"} and {@code {}}.
     */
    static boolean isTruthy(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            double number = value.doubleValue();
            return number != 0 && !Double.isNaN(number);
        }
        if (value.isString()) {
            return !value.stringValue().isEmpty();
        }
        return !value.isArray() || !value.isEmpty();
    }
}
