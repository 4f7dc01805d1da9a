package io.kerberus.search.plugin.engine;

import io.kerberus.search.SearchDocument;

import java.util.Locale;

/**
 * The score both engines give, so that they rank alike: each word scores the best of
 * field weight × match weight over the fields and ways it matches (an exact title word 16, a typo
 * in the text 1), the words' scores add up, and an exact title match adds {@link #EXACT_TITLE}.
 * Ties go to the shorter title, then to the location. No term frequencies: short catalog documents
 * are found by their names, not by how often a word repeats.
 */
final class Ranking {

    /** Above any sum of word scores ({@link QueryTerms#MAX_WORDS} × 16). */
    static final int EXACT_TITLE = 1000;

    static final int FACET_LENGTH = 1_000;

    /** Longest title kept for sorting. */
    private static final int SORT_LENGTH = 200;

    private Ranking() {
    }

    /** The searched fields, heaviest first. */
    enum Field {
        TITLE("title", 'A', 4), TAGS("tags", 'B', 2), TEXT("text", 'C', 1);

        final String lucene;
        final char weightLabel;
        final int weight;

        Field(String lucene, char weightLabel, int weight) {
            this.lucene = lucene;
            this.weightLabel = weightLabel;
            this.weight = weight;
        }
    }

    /** How a word matches a term, best first. */
    enum Kind {
        EXACT(4), PREFIX(2), FUZZY(1);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /** The analyzed title, as compared with the analyzed term for the exact-title bonus. */
    static String titleKey(String title) {
        String key = String.join(" ", SearchAnalyzer.INSTANCE.terms(title));
        return key.length() > SORT_LENGTH * 5 ? key.substring(0, SORT_LENGTH * 5) : key;
    }

    /** How the title sorts when there is no term, and how results with equal scores and lengths don't. */
    static String titleSort(String title) {
        String lower = title.strip().toLowerCase(Locale.ROOT);
        return lower.length() > SORT_LENGTH ? lower.substring(0, SORT_LENGTH) : lower;
    }

    /** The number of terms in the title: shorter titles win ties. */
    static int titleLength(SearchDocument document) {
        return SearchAnalyzer.INSTANCE.terms(document.title()).size();
    }

    /** The tags as one text to analyze. */
    static String tags(SearchDocument document) {
        return String.join(" ", document.tags());
    }

    /** A facet value as filters and counts compare it: lower-cased, at most {@value #FACET_LENGTH} characters. */
    static String facetValue(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return lower.length() > FACET_LENGTH ? lower.substring(0, FACET_LENGTH) : lower;
    }

    /** The text of a field of a document. */
    static String text(SearchDocument document, Field field) {
        return switch (field) {
            case TITLE -> document.title();
            case TAGS -> tags(document);
            case TEXT -> document.text();
        };
    }
}
