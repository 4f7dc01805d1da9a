package io.kerberus.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results, best first.
 *
 * @param results the page
 * @param total   how many documents match in all
 * @param facets  for each facet field, how many matching documents have each value (for the search page's filters)
 */
public record SearchResults(List<Result> results, long total, Map<String, Map<String, Long>> facets) {

    public SearchResults {
        results = List.copyOf(results);
        facets = facets == null ? Map.of() : Map.copyOf(facets);
    }

    /**
     * One result.
     *
     * @param document  the document as indexed
     * @param score     the engine's relevance score (higher is better); comparable only within one query
     * @param highlight the matched words in the title and text, as HTML-escaped snippets with
     *                  {@code <mark>} around matches, by field ({@code title}, {@code text}); empty when none
     */
    public record Result(SearchDocument document, double score, Map<String, String> highlight) {
    }
}
