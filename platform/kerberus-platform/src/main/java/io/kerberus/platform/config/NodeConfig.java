package io.kerberus.platform.config;

import io.kerberus.plugin.Config;
import io.kerberus.plugin.ConfigException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** {@link Config} over a node of the merged tree; reading a key marks it as known. */
final class NodeConfig implements Config {

    private final Node node;
    private final String path;

    NodeConfig(Node node, String path) {
        this.node = node;
        this.path = path;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Set<String> keys() {
        if (node.kind != Node.Kind.OBJECT) {
            return Set.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        node.fields.forEach((key, value) -> {
            if (!value.isNull()) {
                keys.add(key);
            }
        });
        return keys;
    }

    @Override
    public Kind kindOf(String key) {
        Node found = find(key, false);
        if (found == null || found.isNull()) {
            return Kind.MISSING;
        }
        return switch (found.kind) {
            case OBJECT -> Kind.OBJECT;
            case LIST -> Kind.LIST;
            case VALUE -> found.value instanceof String ? Kind.STRING : found.value instanceof Boolean ? Kind.BOOLEAN : Kind.NUMBER;
        };
    }

    @Override
    public boolean has(String key) {
        Node found = find(key, false);
        return found != null && !found.isNull();
    }

    @Override
    public String origin(String key) {
        Node found = find(key, false);
        return (found != null ? found.origin : nearestOrigin(key)).toString();
    }

    @Override
    public String getString(String key) {
        return getOptionalString(key).orElseThrow(() -> missing(key));
    }

    @Override
    public Optional<String> getOptionalString(String key) {
        return scalar(key, "a string", value -> value instanceof String s ? s : value.toString());
    }

    @Override
    public int getInt(String key) {
        return getOptionalInt(key).orElseThrow(() -> missing(key));
    }

    @Override
    public Optional<Integer> getOptionalInt(String key) {
        return getOptionalLong(key).map(value -> {
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw error(key, "expected a whole number in the int range but found " + value);
            }
            return value.intValue();
        });
    }

    @Override
    public long getLong(String key) {
        return getOptionalLong(key).orElseThrow(() -> missing(key));
    }

    @Override
    public Optional<Long> getOptionalLong(String key) {
        return scalar(key, "a whole number", value -> {
            if (value instanceof Long l) {
                return l;
            }
            if (value instanceof String s && s.strip().matches("-?\\d{1,18}")) {
                return Long.parseLong(s.strip());
            }
            return null;
        });
    }

    @Override
    public double getNumber(String key) {
        return getOptionalNumber(key).orElseThrow(() -> missing(key));
    }

    @Override
    public Optional<Double> getOptionalNumber(String key) {
        return scalar(key, "a number", value -> {
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            if (value instanceof String s) {
                try {
                    return Double.parseDouble(s.strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        });
    }

    @Override
    public boolean getBoolean(String key) {
        return getOptionalBoolean(key).orElseThrow(() -> missing(key));
    }

    @Override
    public Optional<Boolean> getOptionalBoolean(String key) {
        return scalar(key, "true or false", value -> {
            if (value instanceof Boolean b) {
                return b;
            }
            if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(s);
            }
            return null;
        });
    }

    @Override
    public Duration getDuration(String key) {
        return getOptionalDuration(key).orElseThrow(() -> missing(key));
    }

    @Override
    public Optional<Duration> getOptionalDuration(String key) {
        Node found = find(key, true);
        if (found == null || found.isNull()) {
            return Optional.empty();
        }
        found.markReadDeep();
        try {
            return Optional.of(Durations.parse(found));
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    @Override
    public List<String> getStringList(String key) {
        return getOptionalStringList(key).orElseThrow(() -> missing(key));
    }

    @Override
    public Optional<List<String>> getOptionalStringList(String key) {
        Node found = find(key, true);
        if (found == null || found.isNull()) {
            return Optional.empty();
        }
        if (found.kind != Node.Kind.LIST) {
            throw typeError(key, found, "a list of strings");
        }
        found.read = true;
        List<String> values = new ArrayList<>();
        for (int i = 0; i < found.items.size(); i++) {
            Node item = found.items.get(i);
            if (item.kind != Node.Kind.VALUE || item.value == null) {
                throw new ConfigException(item.origin + ": " + full(key) + "[" + i + "]: expected a string but found " + item.typeName());
            }
            item.read = true;
            values.add(item.value.toString());
        }
        return Optional.of(List.copyOf(values));
    }

    @Override
    public Config getConfig(String key) {
        return getOptionalConfig(key).orElseThrow(() -> missing(key));
    }

    @Override
    public Optional<Config> getOptionalConfig(String key) {
        Node found = find(key, true);
        if (found == null || found.isNull()) {
            return Optional.empty();
        }
        if (found.kind != Node.Kind.OBJECT) {
            throw typeError(key, found, "an object");
        }
        found.read = true;
        return Optional.of(new NodeConfig(found, full(key)));
    }

    @Override
    public List<Config> getConfigList(String key) {
        return getOptionalConfigList(key).orElseThrow(() -> missing(key));
    }

    @Override
    public Optional<List<Config>> getOptionalConfigList(String key) {
        Node found = find(key, true);
        if (found == null || found.isNull()) {
            return Optional.empty();
        }
        if (found.kind != Node.Kind.LIST) {
            throw typeError(key, found, "a list of objects");
        }
        found.read = true;
        List<Config> configs = new ArrayList<>();
        for (int i = 0; i < found.items.size(); i++) {
            Node item = found.items.get(i);
            if (item.kind != Node.Kind.OBJECT) {
                throw new ConfigException(item.origin + ": " + full(key) + "[" + i + "]: expected an object but found " + item.typeName());
            }
            item.read = true;
            configs.add(new NodeConfig(item, full(key) + "[" + i + "]"));
        }
        return Optional.of(configs);
    }

    @Override
    public void ignore(String key, String reason) {
        Node found = find(key, true);
        if (found != null) {
            found.ignoredReason = reason;
        }
    }

    @Override
    public ConfigException error(String key, String message) {
        return new ConfigException(origin(key) + ": " + full(key) + ": " + message);
    }

    /** The node itself, for the platform's own checks. */
    Node node() {
        return node;
    }

    private <T> Optional<T> scalar(String key, String expected, Function<Object, T> convert) {
        Node found = find(key, true);
        if (found == null || found.isNull()) {
            return Optional.empty();
        }
        if (found.kind != Node.Kind.VALUE) {
            throw typeError(key, found, expected);
        }
        T converted = convert.apply(found.value);
        if (converted == null) {
            throw typeError(key, found, expected);
        }
        found.read = true;
        return Optional.of(converted);
    }

    private Node find(String key, boolean recordLookup) {
        if (key.isEmpty()) {
            return node;
        }
        if (key.indexOf('.') > 0 && node.kind == Node.Kind.OBJECT && node.fields.containsKey(key)) {
            // a key that itself holds dots (a logger name, an annotation) wins over the path reading
            if (recordLookup) {
                node.lookedUp.add(key);
            }
            return node.fields.get(key);
        }
        Node current = node;
        for (String part : key.split("\\.")) {
            if (current.kind != Node.Kind.OBJECT) {
                return null;
            }
            if (recordLookup) {
                current.lookedUp.add(part);
            }
            current = current.fields.get(part);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private Origin nearestOrigin(String key) {
        Node current = node;
        for (String part : key.split("\\.")) {
            Node next = current.kind == Node.Kind.OBJECT ? current.fields.get(part) : null;
            if (next == null) {
                return current.origin;
            }
            current = next;
        }
        return current.origin;
    }

    private ConfigException missing(String key) {
        return new ConfigException(nearestOrigin(key) + ": " + full(key) + ": missing required value");
    }

    private ConfigException typeError(String key, Node found, String expected) {
        String shown = found.kind == Node.Kind.VALUE && found.value != null && !found.secret && !Secrets.isSecretKey(full(key))
                ? (found.value instanceof String text ? " \"" + text + "\"" : " " + found.value) : "";
        return new ConfigException(found.origin + ": " + full(key) + ": expected " + expected + " but found " + found.typeName() + shown);
    }

    private String full(String key) {
        return ConfigResolver.join(path, key);
    }
}
