package io.kerberus.techdocs.plugin.markdown;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The configured {@code markdown_extensions} read into what the renderer turns on. */
final class MarkdownFeatures {

    /** Extensions that need nothing from us: defaults of CommonMark or flexmark, or settings of client-side highlighting. */
    private static final Set<String> NO_OPS = Set.of("meta", "md_in_html", "codehilite", "pymdownx.highlight",
            "pymdownx.inlinehilite", "smarty", "sane_lists", "mdx_truly_sane_lists", "truly_sane_lists", "fenced_code",
            "tables", "pymdownx.superfences", "pymdownx.betterem", "pymdownx.saneheaders", "legacy_em", "toc",
            "admonition", "pymdownx.details", "pymdownx.tabbed", "attr_list", "abbr", "def_list", "footnotes",
            "pymdownx.tasklist", "pymdownx.mark", "pymdownx.caret", "pymdownx.tilde", "pymdownx.emoji",
            "pymdownx.magiclink", "nl2br", "extra", "pymdownx.extra");

    final Set<String> on = new HashSet<>();
    final List<String> unsupported = new ArrayList<>();
    String permalink;
    String permalinkTitle = "Permanent link";
    String separator = "-";
    int tocMin = 2;
    int tocMax = 3;

    static MarkdownFeatures from(List<MarkdownExtension> extensions) {
        MarkdownFeatures features = new MarkdownFeatures();
        for (MarkdownExtension extension : extensions == null ? List.<MarkdownExtension>of() : extensions) {
            String name = normalise(extension.name());
            if (!NO_OPS.contains(name)) {
                if (!features.unsupported.contains(extension.name())) {
                    features.unsupported.add(extension.name());
                }
                continue;
            }
            features.on.add(name);
            switch (name) {
                case "extra", "pymdownx.extra" -> features.on.addAll(List.of("abbr", "attr_list", "def_list", "footnotes"));
                case "toc" -> features.toc(extension.options());
                default -> { }
            }
        }
        return features;
    }

    boolean has(String name) {
        return on.contains(name);
    }

    private static String normalise(String name) {
        String n = name == null ? "" : name.strip();
        if (n.startsWith("markdown.extensions.")) {
            n = n.substring("markdown.extensions.".length());
        }
        if (n.startsWith("mdx_") && !n.equals("mdx_truly_sane_lists")) {
            n = n.substring(4);
        }
        return n;
    }

    private void toc(Map<String, Object> options) {
        Object link = options.get("permalink");
        if (link instanceof Boolean b) {
            permalink = b ? "¶" : null;
        } else if (link instanceof String s && !s.isEmpty() && !s.equalsIgnoreCase("false")) {
            permalink = s.equalsIgnoreCase("true") ? "¶" : s;
        }
        if (options.get("permalink_title") instanceof String title) {
            permalinkTitle = title;
        }
        if (options.get("separator") instanceof String s) {
            separator = s;
        }
        Object depth = options.get("toc_depth");
        if (depth instanceof Number n) {
            tocMax = n.intValue();
        } else if (depth instanceof String s && !s.isBlank()) {
            String[] range = s.split("-", 2);
            try {
                if (range.length == 2) {
                    tocMin = Integer.parseInt(range[0].strip());
                    tocMax = Integer.parseInt(range[1].strip());
                } else {
                    tocMax = Integer.parseInt(s.strip());
                }
            } catch (NumberFormatException e) {
                unsupported.add("toc (toc_depth '" + s + "')");
            }
        }
    }
}
