package io.kerberus.search.plugin.engine;

import io.kerberus.search.SearchDocument;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The highlights of a result, made the same way for both engines: the document's title and text
 * analyzed again, every word that matches the query (exactly, as a prefix or with a typo) wrapped
 * in {@code <mark>}, the rest HTML-escaped; the text cut to about {@value #TEXT_LENGTH} characters
 * around its first match.
 */
final class Snippets {

    static final int TEXT_LENGTH = 200;
    /** Matches beyond this are not looked for: the snippet shows the first one. */
    private static final int MAX_ANALYZED = 20_000;
    private static final int BEFORE = 60;

    private Snippets() {
    }

    /** The {@code title} and {@code text} highlights; a field without matches is left out. */
    static Map<String, String> of(SearchDocument document, QueryTerms terms) {
        Map<String, String> highlight = new LinkedHashMap<>();
        if (terms.isEmpty()) {
            return highlight;
        }
        List<int[]> title = matches(document.title(), terms);
        if (!title.isEmpty()) {
            highlight.put("title", render(document.title(), title, 0, document.title().length()));
        }
        String text = document.text();
        List<int[]> inText = matches(text.length() > MAX_ANALYZED ? text.substring(0, MAX_ANALYZED) : text, terms);
        if (!inText.isEmpty()) {
            highlight.put("text", window(text, inText));
        }
        return highlight;
    }

    private static String window(String text, List<int[]> matches) {
        int start = Math.max(0, matches.getFirst()[0] - BEFORE);
        if (start > 0) {
            int space = text.indexOf(' ', start);
            start = space >= 0 && space < matches.getFirst()[0] ? space + 1 : start;
        }
        int end = Math.min(text.length(), start + TEXT_LENGTH);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > matches.getFirst()[1] ? space : end;
        }
        return (start > 0 ? "…" : "") + render(text, matches, start, end) + (end < text.length() ? "…" : "");
    }

    private static String render(String text, List<int[]> matches, int start, int end) {
        StringBuilder html = new StringBuilder();
        int at = start;
        for (int[] match : matches) {
            if (match[1] <= at || match[0] >= end) {
                continue;
            }
            int from = Math.max(match[0], at);
            int to = Math.min(match[1], end);
            escape(text.substring(at, from), html);
            html.append("<mark>");
            escape(text.substring(from, to), html);
            html.append("</mark>");
            at = to;
        }
        escape(text.substring(at, end), html);
        return html.toString();
    }

    /** Character ranges of matching words, in order, overlaps merged, up to a snippet's length after the first. */
    private static List<int[]> matches(String text, QueryTerms terms) {
        List<int[]> ranges = new ArrayList<>();
        try (TokenStream stream = SearchAnalyzer.INSTANCE.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (!ranges.isEmpty() && offset.startOffset() > ranges.getFirst()[0] + TEXT_LENGTH) {
                    break;
                }
                if (terms.match(term.toString()).isPresent()) {
                    add(ranges, offset.startOffset(), offset.endOffset());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ranges;
    }

    private static void add(List<int[]> ranges, int start, int end) {
        if (!ranges.isEmpty() && start <= ranges.getLast()[1]) {
            ranges.getLast()[1] = Math.max(ranges.getLast()[1], end);
        } else {
            ranges.add(new int[] {start, end});
        }
    }

    private static void escape(String text, StringBuilder html) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }
}
