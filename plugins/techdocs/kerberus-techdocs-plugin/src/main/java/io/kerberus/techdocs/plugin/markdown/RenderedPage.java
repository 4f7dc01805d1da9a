package io.kerberus.techdocs.plugin.markdown;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Markdown page turned into safe HTML.
 *
 * @param title    the page's title: front matter {@code title}, else its first level-1 heading; null when it has neither
 * @param html     the sanitised body HTML, to be placed inside {@code <article class="techdocs-content">}
 * @param toc      the headings of levels 2 and 3, for the page's table of contents
 * @param text     the page's plain text
 * @param sections the page cut at its headings, for the search index
 * @param warnings what could not be rendered as written, with file and line
 * @param assets   client-side helpers the page needs: {@code highlight} (code blocks), {@code mermaid} (diagrams)
 * @param meta     the front matter (YAML between {@code ---} lines at the top); empty when none
 */
public record RenderedPage(String title, String html, List<Heading> toc, String text, List<Section> sections,
                           List<Warning> warnings, Set<String> assets, Map<String, Object> meta) {
}
