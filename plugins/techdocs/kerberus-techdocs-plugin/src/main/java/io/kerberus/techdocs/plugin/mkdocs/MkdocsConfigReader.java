package io.kerberus.techdocs.plugin.mkdocs;

import io.kerberus.techdocs.plugin.markdown.MarkdownExtension;
import io.kerberus.techdocs.plugin.markdown.MarkdownRenderer;
import io.kerberus.techdocs.plugin.markdown.Warning;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads mkdocs.yml as MkDocs does, with line numbers for warnings. Python-specific tags
 * ({@code !!python/name:...}) are read as plain values; {@code !ENV VAR} and
 * {@code !ENV [VAR, default]} read the environment.
 */
public final class MkdocsConfigReader {

    /** The plugins whose effect Kerberus reproduces (or that need nothing). */
    static final Set<String> KNOWN_PLUGINS = Set.of("techdocs-core", "search", "tags", "awesome-pages", "git-revision-date", "git-revision-date-localized");
    /** The keys MkDocs knows: those Kerberus reads and those that change nothing in a portal site (theme, dev server ...). */
    static final Set<String> KNOWN_KEYS = Set.of("site_url", "site_author", "copyright", "theme", "extra", "extra_css", "extra_javascript",
            "dev_addr", "strict", "watch", "remote_branch", "remote_name", "repo_name", "site_dir", "hooks", "validation", "exclude_docs",
            "not_in_nav", "draft_docs", "markdown_extensions", "plugins", "nav", "site_name", "site_description", "docs_dir", "repo_url",
            "edit_uri", "use_directory_urls", "INHERIT", "google_analytics");

    private final Function<String, String> env;

    /** @param env the environment for {@code !ENV} tags */
    public MkdocsConfigReader(Function<String, String> env) {
        this.env = env;
    }

    /**
     * Parses the config.
     *
     * @throws MkdocsException naming the file and line when it is not valid YAML or lacks site_name
     */
    public MkdocsConfig read(String file, String yaml) {
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file).setMaxAliasesForCollections(50).setAllowDuplicateKeys(false).build();
            root = new Compose(settings).composeString(yaml).orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            throw new MkdocsException(file + ":" + line + ": invalid YAML: " + firstLine(e.getMessage()));
        } catch (YamlEngineException e) {
            throw new MkdocsException(file + ": invalid YAML: " + firstLine(e.getMessage()));
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new MkdocsException(file + ":1: mkdocs.yml must be a mapping with at least site_name");
        }
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            keys.put(scalar(tuple.getKeyNode()), tuple.getValueNode());
        }
        List<Warning> warnings = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (!KNOWN_KEYS.contains(key)) {
                warnings.add(new Warning(file, line(tuple.getKeyNode()), "unknown key '" + key + "' is ignored"));
            }
        }
        String siteName = string(keys.get("site_name"));
        if (siteName == null || siteName.isBlank()) {
            throw new MkdocsException(file + ":1: site_name is required (MkDocs needs it too); add site_name: My Docs");
        }
        List<String> plugins = plugins(file, keys.get("plugins"), warnings);
        List<MarkdownExtension> extensions = new ArrayList<>();
        if (plugins.contains("techdocs-core")) {
            extensions.addAll(MarkdownRenderer.techdocsCore());
        }
        for (MarkdownExtension extension : extensions(keys.get("markdown_extensions"))) {
            extensions.removeIf(existing -> existing.name().equals(extension.name()));
            extensions.add(extension);
        }
        Node theme = keys.get("theme");
        if (theme != null && !(theme instanceof ScalarNode s && List.of("material", "mkdocs").contains(s.getValue()))) {
            warnings.add(new Warning(file, line(theme), "theme is ignored: the portal shows docs in its own look"));
        }
        String useDirectoryUrls = string(keys.get("use_directory_urls"));
        if ("false".equalsIgnoreCase(useDirectoryUrls)) {
            warnings.add(new Warning(file, line(keys.get("use_directory_urls")), "use_directory_urls: false is ignored; pages get folder URLs"));
        }
        return new MkdocsConfig(file, siteName, orEmpty(string(keys.get("site_description"))), orDefault(string(keys.get("docs_dir")), "docs"),
                orEmpty(string(keys.get("repo_url"))), orEmpty(string(keys.get("edit_uri"))),
                keys.containsKey("nav") ? nav(file, keys.get("nav"), warnings) : null, extensions, plugins, true, warnings);
    }

    private List<String> plugins(String file, Node node, List<Warning> warnings) {
        List<String> names = new ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                String name = item instanceof MappingNode map && !map.getValue().isEmpty() ? scalar(map.getValue().getFirst().getKeyNode()) : string(item);
                if (name == null) {
                    continue;
                }
                names.add(name);
                if (!KNOWN_PLUGINS.contains(name)) {
                    warnings.add(new Warning(file, line(item), "plugin '" + name + "' is not supported and is ignored"));
                }
            }
        } else if (node instanceof MappingNode map) {
            map.getValue().forEach(tuple -> names.add(scalar(tuple.getKeyNode())));
        }
        return names;
    }

    private List<MarkdownExtension> extensions(Node node) {
        List<MarkdownExtension> out = new ArrayList<>();
        if (!(node instanceof SequenceNode sequence)) {
            return out;
        }
        for (Node item : sequence.getValue()) {
            if (item instanceof MappingNode map) {
                for (NodeTuple tuple : map.getValue()) {
                    Object options = value(tuple.getValueNode());
                    @SuppressWarnings("unchecked")
                    Map<String, Object> optionMap = options instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                    out.add(new MarkdownExtension(scalar(tuple.getKeyNode()), optionMap));
                }
            } else if (string(item) != null) {
                out.add(new MarkdownExtension(string(item), Map.of()));
            }
        }
        return out;
    }

    private List<NavEntry> nav(String file, Node node, List<Warning> warnings) {
        List<NavEntry> entries = new ArrayList<>();
        if (!(node instanceof SequenceNode sequence)) {
            warnings.add(new Warning(file, line(node), "nav must be a list; it is ignored"));
            return entries;
        }
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar) {
                entries.add(new NavEntry(null, scalar.getValue(), List.of(), line(item)));
            } else if (item instanceof MappingNode map && map.getValue().size() == 1) {
                NodeTuple tuple = map.getValue().getFirst();
                String title = scalar(tuple.getKeyNode());
                Node value = tuple.getValueNode();
                if (value instanceof SequenceNode) {
                    entries.add(new NavEntry(title, null, nav(file, value, warnings), line(item)));
                } else if (string(value) != null) {
                    entries.add(new NavEntry(title, string(value), List.of(), line(item)));
                } else {
                    warnings.add(new Warning(file, line(item), "nav entry '" + title + "' has no page, link or section; it is ignored"));
                }
            } else {
                warnings.add(new Warning(file, line(item), "nav entries are 'Title: page.md', 'page.md' or 'Section: [...]'; this one is ignored"));
            }
        }
        return entries;
    }

    /** A node as plain data: strings, lists, maps; tags such as {@code !!python/name:} are dropped. */
    private Object value(Node node) {
        return switch (node) {
            case ScalarNode scalar -> resolveEnv(scalar);
            case SequenceNode sequence -> sequence.getValue().stream().map(this::value).toList();
            case MappingNode mapping -> {
                Map<String, Object> map = new LinkedHashMap<>();
                mapping.getValue().forEach(tuple -> map.put(scalar(tuple.getKeyNode()), value(tuple.getValueNode())));
                yield map;
            }
            default -> null;
        };
    }

    private String string(Node node) {
        if (node instanceof SequenceNode sequence && "!ENV".equals(node.getTag().getValue())) {
            for (Node candidate : sequence.getValue()) {
                String name = scalar(candidate);
                String value = name == null ? null : env.apply(name);
                if (value != null) {
                    return value;
                }
            }
            return sequence.getValue().isEmpty() ? null : scalar(sequence.getValue().getLast());
        }
        return node instanceof ScalarNode scalar ? resolveEnv(scalar) : null;
    }

    private String resolveEnv(ScalarNode scalar) {
        if ("!ENV".equals(scalar.getTag().getValue())) {
            return env.apply(scalar.getValue());
        }
        return scalar.getValue();
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private static int line(Node node) {
        return node == null ? 0 : node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
