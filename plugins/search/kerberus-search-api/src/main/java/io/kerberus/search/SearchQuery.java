package io.kerberus.search;

import java.util.List;
import java.util.Map;

/**
 * A query, as {@code GET /api/search/query} takes it.
 *
 * @param term    what the user typed; empty matches every document (filters still apply)
 * @param types   the document types to search; empty for all
 * @param filters facet filters: every key must match one of its values ({@code kind: [component, api]})
 * @param offset  how many results to skip
 * @param limit   how many results to return, at most
 */
public record SearchQuery(String term, List<String> types, Map<String, List<String>> filters, int offset, int limit) {

    public SearchQuery {
        term = term == null ? "" : term.strip();
        types = types == null ? List.of() : List.copyOf(types);
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    /** A query for {@code term} over everything, first {@code limit} results. */
    public static SearchQuery of(String term, int limit) {
        return new SearchQuery(term, List.of(), Map.of(), 0, limit);
    }
}
