package io.kerberus.techdocs.plugin.markdown;

import java.util.Map;

/**
 * One entry of {@code markdown_extensions} in mkdocs.yml: {@code admonition}, {@code toc} with
 * {@code permalink: true}, {@code pymdownx.superfences} with its custom fences, ...
 *
 * @param name    the Python-Markdown name as written, such as {@code pymdownx.tabbed}
 * @param options its options, empty when none were given
 */
public record MarkdownExtension(String name, Map<String, Object> options) {

    public MarkdownExtension {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }

    /** An extension without options. */
    public static MarkdownExtension of(String name) {
        return new MarkdownExtension(name, Map.of());
    }
}
