package io.kerberus.platform.config;

import io.kerberus.plugin.ConfigException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML or JSON text into a {@link Node} tree that remembers the line of every value. */
final class YamlTreeReader {

    private static final int MAX_DEPTH = 64;
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private YamlTreeReader() {
    }

    /**
     * Parses one document; an empty document is an empty object.
     *
     * @param source the name used in origins and messages
     * @param json   whether the text is JSON rather than YAML
     */
    static Node read(String source, String text, boolean json) {
        try (JsonParser parser = (json ? JSON : YAML).createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Node.object(new Origin(source, 1), Map.of());
            }
            Node root = readValue(source, parser, parser.currentTokenLocation().getLineNr());
            if (parser.nextToken() != null) {
                throw new ConfigException(new Origin(source, parser.currentTokenLocation().getLineNr())
                        + ": a config file holds one document; found a second one here");
            }
            return root;
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(new Origin(source, line) + ": invalid " + (json ? "JSON" : "YAML") + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    /** Reads the value at the current token; {@code line} is where it starts (the line of its key, for nested values). */
    private static Node readValue(String source, JsonParser parser, int line) {
        Origin origin = new Origin(source, line);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readObject(source, parser, origin);
            case START_ARRAY -> readList(source, parser, origin);
            case VALUE_STRING -> Node.value(origin, parser.getString());
            case VALUE_NUMBER_INT -> Node.value(origin, parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> Node.value(origin, parser.getDoubleValue());
            case VALUE_TRUE -> Node.value(origin, Boolean.TRUE);
            case VALUE_FALSE -> Node.value(origin, Boolean.FALSE);
            case VALUE_NULL -> Node.value(origin, null);
            default -> throw new ConfigException(origin + ": unexpected " + token + " in config");
        };
    }

    private static Node readObject(String source, JsonParser parser, Origin origin) {
        Map<String, Node> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            parser.nextToken();
            Node value = readValue(source, parser, line);
            Node previous = fields.put(key, value);
            if (previous != null) {
                throw new ConfigException(new Origin(source, line) + ": duplicate key '" + key
                        + "' (first at line " + previous.origin.line() + "); keep one of them");
            }
        }
        return Node.object(origin, fields);
    }

    private static Node readList(String source, JsonParser parser, Origin origin) {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(source, parser, parser.currentTokenLocation().getLineNr()));
        }
        return Node.list(origin, items);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
