package io.kerberus.search;

import io.kerberus.plugin.ServiceRef;

import java.util.List;

/**
 * The search plugin's index, for plugins whose documents change between full collations: push a
 * change and it is findable within a second. Use it with {@code registrar.uses(SearchIndex.REF)}.
 */
public interface SearchIndex {

    ServiceRef<SearchIndex> REF = ServiceRef.of("search.index", SearchIndex.class);

    /** Adds or replaces documents. */
    void upsert(List<SearchDocument> documents);

    /** Removes documents of a type by location. */
    void delete(String type, List<String> locations);

    /** Collates a type again now (all types when null). */
    void reindex(String type);
}
