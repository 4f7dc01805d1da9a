package io.kerberus.techdocs.plugin.ui;

import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.ui.Html;
import io.kerberus.techdocs.TechDocs.DocsSection;
import io.kerberus.techdocs.plugin.build.DocsSite;
import io.kerberus.techdocs.plugin.service.DocsService;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Search inside one docs site, over its search index: every query word must occur (as a word
 * prefix) in a section's title or text; title hits rank first. The portal-wide search comes with
 * the search plugin.
 */
final class DocsSearch {

    private static final int MAX_RESULTS = 20;

    private record Index(String etag, List<DocsSection> sections) {
    }

    private final DocsService service;
    private final Map<String, Index> indexes = new ConcurrentHashMap<>();

    DocsSearch(DocsService service) {
        this.service = service;
    }

    /** The sections that match, best first. */
    List<DocsSection> search(EntityRef ref, String query) {
        List<String> words = Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        record Hit(DocsSection section, int score) {
        }
        List<Hit> hits = new ArrayList<>();
        for (DocsSection section : index(ref)) {
            String title = " " + section.title().toLowerCase(Locale.ROOT);
            String text = " " + section.text().toLowerCase(Locale.ROOT);
            int score = 0;
            for (String word : words) {
                boolean inTitle = containsWord(title, word);
                boolean inText = containsWord(text, word);
                if (!inTitle && !inText) {
                    score = -1;
                    break;
                }
                score += (inTitle ? 10 : 0) + (inText ? 1 : 0);
            }
            if (score > 0) {
                // on a tie the section beats its whole page: it leads straight to the words
                hits.add(new Hit(section, score * 2 + (section.location().contains("#") ? 1 : 0)));
            }
        }
        return hits.stream().sorted(Comparator.comparingInt(Hit::score).reversed()).limit(MAX_RESULTS).map(Hit::section).toList();
    }

    Html results(EntityRef ref, String query) {
        if (query.isBlank()) {
            return Html.EMPTY;
        }
        List<DocsSection> found = search(ref, query);
        if (found.isEmpty()) {
            return Html.format("<p class=\"muted\">Nothing found for “{}”.</p>", query);
        }
        List<Html> items = new ArrayList<>();
        for (DocsSection section : found) {
            items.add(Html.format("<li><a href=\"{}\">{}</a><p class=\"muted\">{}</p></li>", section.url(), section.title().isEmpty() ? section.location() : section.title(),
                    snippet(section.text(), query)));
        }
        return Html.format("<ul class=\"techdocs-search-list\">{}</ul>", Html.join(items));
    }

    private List<DocsSection> index(EntityRef ref) {
        Optional<DocsSite> site = service.site(ref);
        String etag = site.map(s -> s.etag() + s.builtAt()).orElse("");
        Index cached = indexes.get(ref.key());
        if (cached != null && cached.etag().equals(etag)) {
            return cached.sections();
        }
        List<DocsSection> sections = service.sections(ref);
        indexes.put(ref.key(), new Index(etag, sections));
        return sections;
    }

    private static boolean containsWord(String haystack, String word) {
        int at = haystack.indexOf(word);
        while (at >= 0) {
            char before = haystack.charAt(at - 1 < 0 ? 0 : at - 1);
            if (at == 0 || !Character.isLetterOrDigit(before)) {
                return true;
            }
            at = haystack.indexOf(word, at + 1);
        }
        return false;
    }

    private static String snippet(String text, String query) {
        String lower = text.toLowerCase(Locale.ROOT);
        String first = query.toLowerCase(Locale.ROOT).split("\\s+")[0];
        int at = Math.max(0, lower.indexOf(first));
        int start = Math.max(0, at - 60);
        int end = Math.min(text.length(), at + 140);
        return (start > 0 ? "…" : "") + text.substring(start, end).strip() + (end < text.length() ? "…" : "");
    }
}
