package io.kerberus.platform.config;

import io.kerberus.plugin.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves Backstage's config directives in one file's tree: {@code $include}, {@code $file} and
 * {@code $env} objects, and {@code ${VAR}} / {@code ${VAR:-default}} in strings ({@code $${} is a
 * literal {@code ${}).
 */
final class ConfigResolver {

    private static final Pattern VARIABLE = Pattern.compile("\\$(\\$)?\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    private final Function<String, String> env;
    private final Deque<Path> including = new ArrayDeque<>();

    ConfigResolver(Function<String, String> env) {
        this.env = env;
    }

    /** Reads and resolves a config file. */
    Node readFile(Path file, String displayName) {
        Path absolute = file.toAbsolutePath().normalize();
        if (including.contains(absolute)) {
            throw new ConfigException(displayName + ": $include cycle: " + including.peekLast() + " includes " + absolute + " again");
        }
        String text = readText(absolute, displayName, null);
        String name = absolute.getFileName().toString();
        Node tree = YamlTreeReader.read(displayName, text, name.endsWith(".json"));
        including.addLast(absolute);
        try {
            return resolve(tree, absolute.getParent(), "");
        } finally {
            including.removeLast();
        }
    }

    /** Resolves a tree read from text that belongs to no file (relative paths resolve against {@code baseDir}). */
    Node resolveTree(Node tree, Path baseDir) {
        return resolve(tree, baseDir, "");
    }

    private Node resolve(Node node, Path dir, String path) {
        return switch (node.kind) {
            case OBJECT -> resolveObject(node, dir, path);
            case LIST -> {
                List<Node> items = new ArrayList<>();
                for (int i = 0; i < node.items.size(); i++) {
                    items.add(resolve(node.items.get(i), dir, path + "[" + i + "]"));
                }
                yield Node.list(node.origin, items);
            }
            case VALUE -> node.value instanceof String text ? Node.value(node.origin, substitute(text, node.origin, path)) : node;
        };
    }

    private Node resolveObject(Node node, Path dir, String path) {
        if (node.fields.size() == 1) {
            Map.Entry<String, Node> only = node.fields.entrySet().iterator().next();
            switch (only.getKey()) {
                case "$include" -> {
                    return include(directiveArgument(only.getValue(), path, "$include"), only.getValue().origin, dir, path);
                }
                case "$file" -> {
                    String target = directiveArgument(only.getValue(), path, "$file");
                    String text = readText(dir.resolve(target).normalize(), only.getValue().origin.toString(), path);
                    return Node.secretValue(only.getValue().origin, text);
                }
                case "$env" -> {
                    String variable = directiveArgument(only.getValue(), path, "$env");
                    return Node.value(only.getValue().origin, lookup(variable, only.getValue().origin, path));
                }
                default -> {
                    // an ordinary object with one key
                }
            }
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        node.fields.forEach((key, value) -> {
            if (key.startsWith("$") && List.of("$include", "$file", "$env").contains(key)) {
                throw new ConfigException(value.origin + ": " + join(path, key) + ": " + key + " must be the only key of its object");
            }
            fields.put(key, resolve(value, dir, join(path, key)));
        });
        return Node.object(node.origin, fields);
    }

    private Node include(String target, Origin origin, Path dir, String path) {
        String file = target;
        String fragment = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            file = target.substring(0, hash);
            fragment = target.substring(hash + 1);
        }
        Path resolved = dir.resolve(file).normalize();
        if (!Files.isRegularFile(resolved)) {
            throw new ConfigException(origin + ": " + path + ": $include file not found: " + resolved);
        }
        Node included = readFile(resolved, resolved.toString());
        if (fragment == null || fragment.isEmpty()) {
            return included;
        }
        Node current = included;
        for (String part : fragment.split("\\.")) {
            current = current.kind == Node.Kind.OBJECT ? current.fields.get(part) : null;
            if (current == null) {
                throw new ConfigException(origin + ": " + path + ": $include fragment '" + fragment + "' not found in " + resolved);
            }
        }
        return current;
    }

    private String directiveArgument(Node value, String path, String directive) {
        if (value.kind != Node.Kind.VALUE || !(value.value instanceof String text) || text.isBlank()) {
            throw new ConfigException(value.origin + ": " + path + ": " + directive + " needs a string, found " + value.typeName());
        }
        return substitute(text, value.origin, path);
    }

    private String substitute(String text, Origin origin, String path) {
        if (!text.contains("${")) {
            return text;
        }
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) != null) {
                replacement = matcher.group().substring(1);
            } else {
                String value = env.apply(matcher.group(2));
                String fallback = matcher.group(3);
                if (fallback != null && (value == null || value.isEmpty())) {
                    replacement = fallback;
                } else {
                    replacement = value != null ? value : lookup(matcher.group(2), origin, path);
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String lookup(String variable, Origin origin, String path) {
        String value = env.apply(variable);
        if (value == null) {
            throw new ConfigException(origin + ": " + path + ": environment variable " + variable
                    + " is not set; set it, or give a default with ${" + variable + ":-value}");
        }
        return value;
    }

    private static String readText(Path file, String origin, String path) {
        String where = path == null ? origin : origin + ": " + path;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(where + ": file not found: " + file);
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException(where + ": " + file + " is larger than 5 MB");
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException(where + ": " + file + " is not valid UTF-8");
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
