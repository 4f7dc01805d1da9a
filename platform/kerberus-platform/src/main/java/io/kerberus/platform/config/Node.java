package io.kerberus.platform.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One value of the config tree with its origin. Objects keep file order. Reads mark nodes, so that
 * after start-up the keys nobody read can be reported as unknown.
 */
final class Node {

    enum Kind { OBJECT, LIST, VALUE }

    final Kind kind;
    final Origin origin;
    final Map<String, Node> fields;
    final List<Node> items;
    /** A String, Long, Double, Boolean or null, for VALUE nodes. */
    final Object value;
    final boolean secret;

    volatile boolean read;
    volatile String ignoredReason;
    /** Keys that were asked for in this object, present or not, for "did you mean" hints. */
    final Set<String> lookedUp = ConcurrentHashMap.newKeySet();

    private Node(Kind kind, Origin origin, Map<String, Node> fields, List<Node> items, Object value, boolean secret) {
        this.kind = kind;
        this.origin = origin;
        this.fields = fields;
        this.items = items;
        this.value = value;
        this.secret = secret;
    }

    static Node object(Origin origin, Map<String, Node> fields) {
        return new Node(Kind.OBJECT, origin, new LinkedHashMap<>(fields), List.of(), null, false);
    }

    static Node list(Origin origin, List<Node> items) {
        return new Node(Kind.LIST, origin, Map.of(), new ArrayList<>(items), null, false);
    }

    static Node value(Origin origin, Object value) {
        return new Node(Kind.VALUE, origin, Map.of(), List.of(), value, false);
    }

    static Node secretValue(Origin origin, Object value) {
        return new Node(Kind.VALUE, origin, Map.of(), List.of(), value, true);
    }

    boolean isNull() {
        return kind == Kind.VALUE && value == null;
    }

    /** A name for this node's type in error messages. */
    String typeName() {
        return switch (kind) {
            case OBJECT -> "an object";
            case LIST -> "a list";
            case VALUE -> value == null ? "null" : value instanceof String ? "a string"
                    : value instanceof Boolean ? "a boolean" : "a number";
        };
    }

    /** Marks this node and everything below it as read. */
    void markReadDeep() {
        read = true;
        fields.values().forEach(Node::markReadDeep);
        items.forEach(Node::markReadDeep);
    }

    /** Later wins; objects merge key by key, lists and values are replaced. */
    static Node merge(Node base, Node over) {
        if (base == null) {
            return over;
        }
        if (base.kind != Kind.OBJECT || over.kind != Kind.OBJECT) {
            return over;
        }
        Map<String, Node> merged = new LinkedHashMap<>(base.fields);
        over.fields.forEach((key, value) -> merged.put(key, merge(merged.get(key), value)));
        return object(over.origin, merged);
    }
}
