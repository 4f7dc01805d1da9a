package io.kerberus.search.plugin;

import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Principal;
import io.kerberus.search.SearchAccess;
import io.kerberus.search.SearchEngine;
import io.kerberus.search.SearchQuery;
import io.kerberus.search.SearchResults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs queries for the API and the pages: checks the term and page size, and narrows the filters
 * by what the user may see ({@link SearchAccess}) before the engine runs the query.
 */
public final class Searcher {

    /** The facets the search page offers. */
    public static final List<String> FACETS = List.of("kind", "owner", "lifecycle", "tags");

    private final SearchEngine engine;
    private final SearchConfig config;
    private final SearchAccess permissions;
    private final Supplier<Optional<SearchAccess>> access;

    /**
     * @param permissions what the permission framework lets each user read
     * @param access      a plugin's further narrowing, when one provides {@link SearchAccess}
     */
    public Searcher(SearchEngine engine, SearchConfig config, SearchAccess permissions, Supplier<Optional<SearchAccess>> access) {
        this.engine = engine;
        this.config = config;
        this.permissions = permissions;
        this.access = access;
    }

    public SearchConfig config() {
        return config;
    }

    /**
     * Runs a query for {@code user} without facet counts (the API and the header's suggestions show none:
     * counting them costs about as much as the query itself when most documents match).
     *
     * @throws InputException when the term is too long or the page too big
     */
    public SearchResults search(SearchQuery query, Principal user) throws Exception {
        return search(query, user, List.of());
    }

    /**
     * Runs a query for {@code user}, counting {@code facetFields} over all matches (the search page).
     *
     * @throws InputException when the term is too long or the page too big
     */
    public SearchResults search(SearchQuery query, Principal user, List<String> facetFields) throws Exception {
        if (query.term().length() > config.maxTermLength()) {
            throw new InputException("term: at most " + config.maxTermLength() + " characters (search.maxTermLength), got " + query.term().length());
        }
        if (query.limit() > config.maxPageLimit()) {
            throw new InputException("pageLimit: at most " + config.maxPageLimit() + " (search.maxPageLimit), got " + query.limit());
        }
        Optional<Map<String, List<String>>> filters = Optional.of(query.filters());
        for (SearchAccess each : access.get().map(a -> List.of(permissions, a)).orElse(List.of(permissions))) {
            Map<String, List<String>> allowed = each.filters(user);
            filters = allowed == null ? Optional.empty() : filters.flatMap(asked -> narrow(asked, allowed));
            if (filters.isEmpty()) {
                return new SearchResults(List.of(), 0, Map.of());
            }
        }
        return engine.query(new SearchQuery(query.term(), query.types(), filters.get(), query.offset(), query.limit()), facetFields);
    }

    /** The user's filters AND the allowed ones, per key; empty when some key allows nothing. */
    static Optional<Map<String, List<String>>> narrow(Map<String, List<String>> asked, Map<String, List<String>> allowed) {
        Map<String, List<String>> out = new LinkedHashMap<>(asked);
        for (Map.Entry<String, List<String>> entry : allowed.entrySet()) {
            List<String> mine = out.get(entry.getKey());
            if (mine == null) {
                out.put(entry.getKey(), entry.getValue());
                continue;
            }
            List<String> both = new ArrayList<>();
            for (String value : mine) {
                if (entry.getValue().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT)))) {
                    both.add(value);
                }
            }
            if (both.isEmpty()) {
                return Optional.empty();
            }
            out.put(entry.getKey(), both);
        }
        return Optional.of(out);
    }
}
