package io.kerberus.search.plugin.engine;

import io.kerberus.search.SearchResults;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user typed, as both engines match it: the words of the term analyzed with
 * {@link SearchAnalyzer}, each of which must match; the last one also as a prefix; words of four
 * letters or more also with one typo (eight or more: two), measured as optimal string alignment
 * distance, the transposition-aware Levenshtein distance Lucene's {@code FuzzyQuery} uses.
 *
 * @param words    the words, in order, without duplicates; the last is the prefix word
 * @param titleKey the analyzed term as a document's {@link Ranking#titleKey} would be, for the exact-title bonus
 */
record QueryTerms(List<Word> words, String titleKey) {

    /** Longer input is cut: nobody types more, and it bounds the query's size. */
    static final int MAX_INPUT = 500;
    static final int MAX_WORDS = 16;

    /**
     * One word of the query.
     *
     * @param stem    as indexed (stemmed)
     * @param surface as typed, lower-cased and folded but not stemmed; often equal to {@code stem}
     * @param prefix  whether this is the last word, which also matches as a prefix
     */
    record Word(String stem, String surface, boolean prefix) {

        /** The distinct forms to match: the stem and, when different, the surface. */
        List<String> forms() {
            return stem.equals(surface) ? List.of(stem) : List.of(stem, surface);
        }

        /**
         * The form typos are looked for around: the word as typed (a typo is in what was typed, and
         * the stemmer leaves misspelt words alone anyway); one form keeps typo matching cheap.
         */
        String fuzzyForm() {
            return surface;
        }

        /** How this word matches an indexed term, best kind first; empty when it does not. */
        Optional<Ranking.Kind> match(String term) {
            if (term.equals(stem) || term.equals(surface)) {
                return Optional.of(Ranking.Kind.EXACT);
            }
            if (prefix && (term.startsWith(stem) || term.startsWith(surface))) {
                return Optional.of(Ranking.Kind.PREFIX);
            }
            int max = maxEdits(fuzzyForm());
            if (max > 0 && distance(fuzzyForm(), term, max) <= max) {
                return Optional.of(Ranking.Kind.FUZZY);
            }
            return Optional.empty();
        }
    }

    static QueryTerms parse(String term) {
        String input = term == null ? "" : term.strip();
        if (input.length() > MAX_INPUT) {
            input = input.substring(0, MAX_INPUT);
        }
        List<String> stems = words(SearchAnalyzer.INSTANCE, input);
        List<String> surfaces = words(SearchAnalyzer.UNSTEMMED, input);
        Map<String, String> distinct = new LinkedHashMap<>();
        for (int i = 0; i < stems.size() && distinct.size() < MAX_WORDS; i++) {
            distinct.remove(stems.get(i));
            distinct.put(stems.get(i), i < surfaces.size() ? surfaces.get(i) : stems.get(i));
        }
        List<Word> words = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> entry : distinct.entrySet()) {
            words.add(new Word(entry.getKey(), entry.getValue(), ++i == distinct.size()));
        }
        return new QueryTerms(List.copyOf(words), Ranking.titleKey(input));
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** Whether the term has no word although it is not blank (only punctuation, say): it matches nothing. */
    static boolean matchesNothing(String term, QueryTerms terms) {
        return terms.isEmpty() && !term.isBlank();
    }

    /** The results of a term that matches nothing. */
    static SearchResults nothing(List<String> facetFields) {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facetFields.forEach(field -> facets.put(field, Map.of()));
        return new SearchResults(List.of(), 0, facets);
    }

    /** The best way any word matches {@code term}, for highlighting; empty when none does. */
    Optional<Ranking.Kind> match(String term) {
        return words.stream().flatMap(word -> word.match(term).stream()).min(Enum::compareTo);
    }

    /**
     * Edits allowed for a word of this length: none below four letters, two from eight; none for
     * words with digits (ids, versions, numbers: {@code 4327} is not a typo of {@code 4321}).
     */
    static int maxEdits(String word) {
        if (word.chars().anyMatch(Character::isDigit)) {
            return 0;
        }
        int length = word.codePointCount(0, word.length());
        return length >= 8 ? 2 : length >= 4 ? 1 : 0;
    }

    /**
     * The words of {@code text}: the analyzer's terms, except a whole word that the analyzer also split
     * into parts ({@code OrdersService} into {@code orders}, {@code service}); its parts are required
     * instead, and documents with the whole word have them too.
     */
    private static List<String> words(SearchAnalyzer analyzer, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionLengthAttribute span = stream.addAttribute(PositionLengthAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (span.getPositionLength() == 1 && term.length() > 0) {
                    words.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** Optimal string alignment distance of {@code a} and {@code b}, or {@code max + 1} once it exceeds {@code max}. */
    static int distance(String a, String b, int max) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (Math.abs(x.length - y.length) > max) {
            return max + 1;
        }
        int[][] d = new int[x.length + 1][y.length + 1];
        for (int i = 0; i <= x.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return Math.min(d[x.length][y.length], max + 1);
    }
}
