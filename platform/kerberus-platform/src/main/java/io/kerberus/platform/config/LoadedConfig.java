package io.kerberus.platform.config;

import io.kerberus.plugin.Config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The merged config of one start, with what is needed to check it and show it safely. */
public final class LoadedConfig {

    private final Node root;
    private final List<String> sources;

    LoadedConfig(Node root, List<String> sources) {
        this.root = root;
        this.sources = List.copyOf(sources);
    }

    /** The root view. */
    public Config root() {
        return new NodeConfig(root, "");
    }

    /** The subtree under a top-level key, or an empty view when the key is absent. */
    public Config section(String key) {
        Node node = root.fields.get(key);
        if (node == null || node.isNull()) {
            return new NodeConfig(Node.object(root.origin, java.util.Map.of()), key);
        }
        return root().getConfig(key);
    }

    /** An empty view at {@code path}, for optional sections that are absent. */
    public static Config emptyAt(String path) {
        return new NodeConfig(Node.object(new Origin("(defaults)", 0), java.util.Map.of()), path);
    }

    /** The files and variables the config came from, in order. */
    public List<String> sources() {
        return sources;
    }

    /**
     * Problems with keys nobody read. Under the {@code claimed} top-level keys (the platform's and
     * the enabled plugins') an unread key is an error; a top-level key nobody claims is a warning,
     * since it may belong to a plugin this app does not bundle.
     */
    public KeyReport checkKeys(Collection<String> claimed) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        root.fields.forEach((key, node) -> {
            if (claimed.contains(key)) {
                collectUnread(node, key, root, key, errors, warnings);
            } else if (!node.read) {
                warnings.add(node.origin + ": " + key + ": no installed plugin reads this section; it is ignored");
            }
        });
        errors.sort(Comparator.naturalOrder());
        return new KeyReport(errors, warnings);
    }

    /**
     * Results of {@link #checkKeys}.
     *
     * @param errors   unknown keys, each {@code file:line: path: message}
     * @param warnings ignored sections and settings
     */
    public record KeyReport(List<String> errors, List<String> warnings) {
    }

    /** The merged config as YAML with every secret masked, each value followed by where it came from. */
    public String toMaskedYaml() {
        StringBuilder out = new StringBuilder();
        root.fields.forEach((key, node) -> printEntry(out, 0, key, key, node));
        return out.toString();
    }

    /** A plain-data copy with secrets masked, for showing config on an admin page or in a log. */
    public Map<String, Object> toMaskedMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        root.fields.forEach((key, node) -> out.put(key, masked(key, node)));
        return out;
    }

    private static void collectUnread(Node node, String path, Node parent, String key, List<String> errors, List<String> warnings) {
        if (node.ignoredReason != null) {
            // a setting the platform ignores may still be read by a plugin (backend.reading by the catalog)
            if (!anyRead(node)) {
                warnings.add(node.origin + ": " + path + ": " + node.ignoredReason);
            }
            return;
        }
        switch (node.kind) {
            case OBJECT -> {
                if (node.fields.isEmpty() && !node.read) {
                    errors.add(unknown(node, path, parent, key));
                }
                node.fields.forEach((child, value) -> collectUnread(value, path + "." + child, node, child, errors, warnings));
            }
            case LIST -> {
                if (!node.read) {
                    errors.add(unknown(node, path, parent, key));
                    return;
                }
                for (int i = 0; i < node.items.size(); i++) {
                    Node item = node.items.get(i);
                    if (item.kind == Node.Kind.OBJECT) {
                        collectUnread(item, path + "[" + i + "]", node, key, errors, warnings);
                    }
                }
            }
            case VALUE -> {
                if (!node.read && !node.isNull()) {
                    errors.add(unknown(node, path, parent, key));
                }
            }
        }
    }

    private static boolean anyRead(Node node) {
        return node.read || node.fields.values().stream().anyMatch(LoadedConfig::anyRead) || node.items.stream().anyMatch(LoadedConfig::anyRead);
    }

    private static String unknown(Node node, String path, Node parent, String key) {
        String hint = closest(key, parent.lookedUp);
        return node.origin + ": " + path + ": unknown key" + (hint == null ? "; remove it or check the spelling" : "; did you mean '" + hint + "'?");
    }

    private static String closest(String key, Set<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = levenshtein(key.toLowerCase(), candidate.toLowerCase());
            if (!candidate.equals(key) && distance < bestDistance && distance <= Math.max(2, key.length() / 3)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static void printEntry(StringBuilder out, int indent, String key, String path, Node node) {
        String pad = " ".repeat(indent);
        switch (node.kind) {
            case OBJECT -> {
                out.append(pad).append(quoteKey(key)).append(node.fields.isEmpty() ? ": {}\n" : ":\n");
                node.fields.forEach((child, value) -> printEntry(out, indent + 2, child, path + "." + child, value));
            }
            case LIST -> {
                out.append(pad).append(quoteKey(key)).append(node.items.isEmpty() ? ": []\n" : ":\n");
                for (int i = 0; i < node.items.size(); i++) {
                    printItem(out, indent + 2, path + "[" + i + "]", node.items.get(i));
                }
            }
            case VALUE -> out.append(pad).append(quoteKey(key)).append(": ").append(scalar(path, node))
                    .append("  # ").append(node.origin).append('\n');
        }
    }

    private static void printItem(StringBuilder out, int indent, String path, Node item) {
        String pad = " ".repeat(indent);
        switch (item.kind) {
            case VALUE -> out.append(pad).append("- ").append(scalar(path, item)).append("  # ").append(item.origin).append('\n');
            case LIST -> {
                out.append(pad).append("-\n");
                for (int i = 0; i < item.items.size(); i++) {
                    printItem(out, indent + 2, path + "[" + i + "]", item.items.get(i));
                }
            }
            case OBJECT -> {
                if (item.fields.isEmpty()) {
                    out.append(pad).append("- {}\n");
                    return;
                }
                StringBuilder nested = new StringBuilder();
                item.fields.forEach((child, value) -> printEntry(nested, indent + 2, child, path + "." + child, value));
                out.append(pad).append("- ").append(nested.substring(indent + 2));
            }
        }
    }

    private static String scalar(String path, Node node) {
        if (node.value == null) {
            return "null";
        }
        if (Secrets.isSecret(path, node)) {
            return "'" + Secrets.MASK + "'";
        }
        if (node.value instanceof String text) {
            return "'" + text.replace("'", "''").replace("\n", "\\n") + "'";
        }
        return node.value.toString();
    }

    private static String quoteKey(String key) {
        return key.matches("[A-Za-z0-9_./-]+") ? key : "'" + key.replace("'", "''") + "'";
    }

    private static Object masked(String path, Node node) {
        return switch (node.kind) {
            case OBJECT -> {
                Map<String, Object> out = new LinkedHashMap<>();
                node.fields.forEach((key, value) -> out.put(key, masked(path + "." + key, value)));
                yield out;
            }
            case LIST -> {
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < node.items.size(); i++) {
                    out.add(masked(path + "[" + i + "]", node.items.get(i)));
                }
                yield out;
            }
            case VALUE -> node.value != null && Secrets.isSecret(path, node) ? Secrets.MASK : node.value;
        };
    }
}
