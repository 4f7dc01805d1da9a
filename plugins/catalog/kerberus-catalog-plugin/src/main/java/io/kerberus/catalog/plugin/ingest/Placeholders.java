package io.kerberus.catalog.plugin.ingest;

import io.kerberus.catalog.LocationSpec;
import io.kerberus.catalog.PlaceholderResolver;
import io.kerberus.catalog.UrlReader;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves placeholders in descriptors: {@code $text} (a file's text), {@code $json} and {@code $yaml}
 * (a file's data), relative to where the descriptor was read, plus those plugins add. A placeholder is
 * an object with exactly one key that starts with {@code $}.
 */
public final class Placeholders {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Map<String, PlaceholderResolver> resolvers = new LinkedHashMap<>();
    private final UrlReader reader;

    public Placeholders(UrlReader reader, Map<String, PlaceholderResolver> extra) {
        this(reader, extra, true);
    }

    /**
     * Placeholders for offline checks ({@code catalog validate}): files are read, URLs are not (a
     * placeholder naming a URL resolves to an empty value).
     */
    public static Placeholders offline(UrlReader reader) {
        return new Placeholders(reader, Map.of(), false);
    }

    private Placeholders(UrlReader reader, Map<String, PlaceholderResolver> extra, boolean readUrls) {
        this.reader = reader;
        resolvers.put("text", (value, location, urlReader) -> isUrl(value, location) && !readUrls ? notRead(value)
                : new String(readRelative(value, location, urlReader), StandardCharsets.UTF_8));
        resolvers.put("json", (value, location, urlReader) -> isUrl(value, location) && !readUrls ? notRead(value)
                : JSON.readValue(readRelative(value, location, urlReader), Object.class));
        resolvers.put("yaml", (value, location, urlReader) -> isUrl(value, location) && !readUrls ? notRead(value)
                : yaml(readRelative(value, location, urlReader), value));
        resolvers.putAll(extra);
    }

    private static String notRead(String url) {
        return "(" + url + " is not read offline)";
    }

    private static boolean isUrl(String target, LocationSpec location) {
        return location.type().equals("url") || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    }

    /** A placeholder that could not be resolved; the message names it and why. */
    public static final class PlaceholderException extends Exception {
        PlaceholderException(String message) {
            super(message);
        }
    }

    /** The data with every placeholder replaced. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> resolve(Map<String, Object> data, LocationSpec location) throws PlaceholderException {
        return (Map<String, Object>) resolveValue(data, location, "");
    }

    private Object resolveValue(Object value, LocationSpec location, String path) throws PlaceholderException {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String key = String.valueOf(only.getKey());
                if (key.startsWith("$")) {
                    return placeholder(key.substring(1), only.getValue(), location, path);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                out.put(key, resolveValue(entry.getValue(), location, path.isEmpty() ? key : path + "." + key));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(resolveValue(list.get(i), location, path + "[" + i + "]"));
            }
            return out;
        }
        return value;
    }

    private Object placeholder(String key, Object argument, LocationSpec location, String path) throws PlaceholderException {
        PlaceholderResolver resolver = resolvers.get(key);
        if (resolver == null) {
            // as in Backstage, an unknown $key is data (an OpenAPI $ref inside a definition), not a placeholder
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("$" + key, resolveValue(argument, location, path.isEmpty() ? "$" + key : path + ".$" + key));
            return kept;
        }
        if (!(argument instanceof String text) || text.isBlank()) {
            throw new PlaceholderException("\"" + path + "\": placeholder $" + key + " needs a string argument");
        }
        try {
            return resolver.resolve(text, location, reader);
        } catch (Exception e) {
            throw new PlaceholderException("\"" + path + "\": placeholder $" + key + " could not read " + text + ": " + e.getMessage());
        }
    }

    /** Reads a path or URL relative to the descriptor's location. */
    static byte[] readRelative(String target, LocationSpec location, UrlReader reader) throws Exception {
        if (location.type().equals("url") || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            URI base = location.type().equals("url") ? URI.create(location.target()) : null;
            URI url = base == null ? URI.create(target) : base.resolve(target);
            return reader.read(url, null).content();
        }
        Path file = Path.of(location.target()).toAbsolutePath().getParent().resolve(target).normalize();
        return reader.read(file.toUri(), null).content();
    }

    private static Object yaml(byte[] bytes, String name) throws Exception {
        List<DescriptorParser.Document> documents = DescriptorParser.parse(bytes, false);
        if (documents.isEmpty()) {
            return null;
        }
        if (documents.size() > 1) {
            throw new IllegalArgumentException(name + " has " + documents.size() + " YAML documents; $yaml takes one");
        }
        DescriptorParser.Document document = documents.getFirst();
        if (document.data() == null) {
            throw new IllegalArgumentException(name + " is not a YAML object");
        }
        return document.data();
    }
}
