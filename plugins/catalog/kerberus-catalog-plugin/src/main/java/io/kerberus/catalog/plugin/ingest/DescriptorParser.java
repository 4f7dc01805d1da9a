package io.kerberus.catalog.plugin.ingest;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads descriptor files (multi-document YAML, or JSON) into JSON data, remembering the line of every
 * field so that errors can say {@code file:line: field: message}. Hostile input is refused with a clear
 * error: files over {@link #MAX_BYTES}, invalid UTF-8, nesting deeper than {@link #MAX_DEPTH}, duplicate
 * keys. YAML aliases are not expanded, so "billion laughs" documents stay small.
 */
public final class DescriptorParser {

    /** The largest descriptor file. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_DEPTH = 64;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_BYTES).build();
    private static final YAMLFactory YAML = YAMLFactory.builder().streamReadConstraints(LIMITS).build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();

    private DescriptorParser() {
    }

    /**
     * One document of a file.
     *
     * @param line  the line it starts at
     * @param data  its content as JSON data; null for a document that is not an object
     * @param lines the line of each field path ({@code metadata.name}, {@code spec.dependsOn[0]})
     */
    public record Document(int line, Map<String, Object> data, Map<String, Integer> lines) {

        /** The line of a field path, or of its nearest parent, or of the document. */
        public int lineOf(String path) {
            String current = path;
            while (!current.isEmpty()) {
                Integer line = lines.get(current);
                if (line != null) {
                    return line;
                }
                int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
                current = cut < 0 ? "" : current.substring(0, cut);
            }
            return line;
        }
    }

    /** The file cannot be read as descriptors; {@link #line()} says where. */
    public static final class ParseException extends Exception {
        private final int line;

        ParseException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * Parses a file's bytes.
     *
     * @param json whether the file is JSON (by its name); YAML otherwise
     */
    public static List<Document> parse(byte[] bytes, boolean json) throws ParseException {
        if (bytes.length > MAX_BYTES) {
            throw new ParseException(0, "the file is " + bytes.length / 1024 + " KB; descriptor files may be at most " + MAX_BYTES / 1024 / 1024 + " MB");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ParseException(0, "the file is not valid UTF-8");
        }
        List<Document> documents = new ArrayList<>();
        JsonParser parser = null;
        try {
            parser = (json ? JSON : YAML).createParser(ObjectReadContext.empty(), text);
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                Map<String, Integer> lines = new LinkedHashMap<>();
                Object value = readValue(parser, "", lines);
                if (value == null) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> data = value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
                documents.add(new Document(line, data, lines));
            }
            parser.close();
        } catch (JacksonException e) {
            // limit violations (nesting depth) carry no location of their own; the parser knows where it stopped
            int line = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr()
                    : parser == null ? 0 : parser.currentLocation().getLineNr();
            String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
            int newline = message.indexOf('\n');
            throw new ParseException(line, "invalid " + (json ? "JSON" : "YAML") + ": " + (newline < 0 ? message : message.substring(0, newline)));
        }
        return documents;
    }

    private static Object readValue(JsonParser parser, String path, Map<String, Integer> lines) throws ParseException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readObject(parser, path, lines);
            case START_ARRAY -> readArray(parser, path, lines);
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new ParseException(parser.currentTokenLocation().getLineNr(), "unexpected " + token);
        };
    }

    private static Map<String, Object> readObject(JsonParser parser, String path, Map<String, Integer> lines) throws ParseException {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            String child = path.isEmpty() ? key : path + "." + key;
            if (object.containsKey(key)) {
                throw new ParseException(line, "duplicate key '" + key + "' (first at line " + lines.get(child) + ")");
            }
            lines.put(child, line);
            parser.nextToken();
            object.put(key, readValue(parser, child, lines));
        }
        return object;
    }

    private static List<Object> readArray(JsonParser parser, String path, Map<String, Integer> lines) throws ParseException {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String child = path + "[" + array.size() + "]";
            lines.put(child, parser.currentTokenLocation().getLineNr());
            array.add(readValue(parser, child, lines));
        }
        return array;
    }
}
