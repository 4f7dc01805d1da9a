package io.kerberus.search;

import java.util.List;

/**
 * Indexes documents and answers queries: Lucene on disk (the default) or PostgreSQL's full-text
 * search shared by all replicas ({@code search.engine: postgres}). Both give the same semantics:
 * every word of the term must match the title, tags or text (stemmed English words, prefixes of the
 * last word, typos of one or two letters in longer words), title matches rank above tags above text,
 * an exact title match ranks first.
 */
public interface SearchEngine extends AutoCloseable {

    /** The engine's name for logs and {@code /api/search/engine}: {@code lucene}, {@code postgres}. */
    String name();

    /** Replaces every document of {@code type} with {@code documents}; searches see the old set or the new one. */
    void replaceAll(String type, List<SearchDocument> documents) throws Exception;

    /** Adds or replaces documents (by type and location). */
    void upsert(List<SearchDocument> documents) throws Exception;

    /** Removes documents of a type by location. */
    void delete(String type, List<String> locations) throws Exception;

    /** Answers a query; {@code facetFields} are counted over all matching documents. */
    SearchResults query(SearchQuery query, List<String> facetFields) throws Exception;

    /** How many documents of each type are indexed. */
    java.util.Map<String, Long> counts() throws Exception;

    @Override
    default void close() throws Exception {
    }
}
