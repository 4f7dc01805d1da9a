package io.kerberus.techdocs.plugin.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.util.Map;
import java.util.Set;

/** A small site for the renderer's tests. */
final class Pages {

    static final MarkdownRenderer CORE = new MarkdownRenderer(MarkdownRenderer.techdocsCore());

    static final Map<String, String> URLS = Map.of(
            "index.md", "",
            "guide/index.md", "guide/",
            "guide/setup.md", "guide/setup/",
            "guide/other.md", "guide/other/",
            "reference/api.md", "reference/api/");

    static final Set<String> FILES = Set.of("guide/img/a.png", "img/logo.svg", "files/manual.pdf");

    private Pages() {
    }

    static PageContext page(String sourcePath) {
        return new PageContext(sourcePath, URLS.getOrDefault(sourcePath, sourcePath.replace(".md", "/")), URLS, FILES);
    }

    static RenderedPage render(String markdown) {
        return CORE.render(markdown, page("guide/setup.md"));
    }

    static Document html(String markdown) {
        return Jsoup.parseBodyFragment(render(markdown).html());
    }
}
