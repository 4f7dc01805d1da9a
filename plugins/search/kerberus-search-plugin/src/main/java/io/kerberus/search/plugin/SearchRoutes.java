package io.kerberus.search.plugin;

import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.Routes;
import io.kerberus.search.SearchDocument;
import io.kerberus.search.SearchQuery;
import io.kerberus.search.SearchResults;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search API in Backstage's shape ({@code @backstage/plugin-search-backend}):
 * {@code GET /api/search/query?term=&types[0]=&filters[kind]=&pageCursor=&pageLimit=}, plus
 * {@code GET /api/search/status} and {@code POST /api/search/reindex}.
 */
public final class SearchRoutes {

    private static final Pattern TYPES = Pattern.compile("types(\\[\\d*])?");
    private static final Pattern FILTER = Pattern.compile("filters\\[([^\\]]+)](\\[\\d*])?");
    static final int DEFAULT_PAGE = 25;

    private final Searcher searcher;
    private final Indexer indexer;

    public SearchRoutes(Searcher searcher, Indexer indexer) {
        this.searcher = searcher;
        this.indexer = indexer;
    }

    public void mount(Routes routes) {
        routes.get("/query", this::query);
        routes.get("/status", request -> Map.of("engine", indexer.engine().name(), "types", indexer.status(), "counts", indexer.engine().counts()));
        routes.post("/reindex", request -> {
            String type = request.queryParam("type").orElse(null);
            if (type != null && indexer.collators().stream().noneMatch(c -> c.type().equals(type))) {
                throw new InputException("type: no collator has the type '" + type + "'");
            }
            indexer.reindex(type);
            return Response.json(202, Map.of("reindexing", type == null ? "all" : type));
        });
    }

    private Object query(Request request) throws Exception {
        List<String> types = new ArrayList<>();
        Map<String, List<String>> filters = new TreeMap<>();
        request.queryParamMap().forEach((key, values) -> {
            if (TYPES.matcher(key).matches()) {
                values.stream().filter(v -> !v.isBlank()).forEach(types::add);
            }
            Matcher filter = FILTER.matcher(key);
            if (filter.matches()) {
                filters.computeIfAbsent(filter.group(1), k -> new ArrayList<>()).addAll(values);
            }
        });
        int limit = request.queryParam("pageLimit").map(v -> parse(v, "pageLimit")).orElse(DEFAULT_PAGE);
        if (limit < 1) {
            throw new InputException("pageLimit: must be at least 1");
        }
        int offset = request.queryParam("pageCursor").filter(c -> !c.isBlank()).map(SearchRoutes::offsetOf).orElse(0);
        SearchResults found = searcher.search(new SearchQuery(request.queryParam("term").orElse(""), types, filters, offset, limit),
                request.requirePrincipal());
        List<Map<String, Object>> results = new ArrayList<>();
        int rank = offset + 1;
        for (SearchResults.Result result : found.results()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", result.document().type());
            entry.put("document", document(result.document()));
            if (!result.highlight().isEmpty()) {
                entry.put("highlight", Map.of("preTag", "<mark>", "postTag", "</mark>", "fields", result.highlight()));
            }
            entry.put("rank", rank++);
            results.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", results);
        if (offset + limit < found.total()) {
            body.put("nextPageCursor", cursor(offset + limit));
        }
        if (offset > 0) {
            body.put("previousPageCursor", cursor(Math.max(0, offset - limit)));
        }
        body.put("numberOfResults", found.total());
        return body;
    }

    static Map<String, Object> document(SearchDocument document) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", document.title());
        out.put("text", document.text());
        out.put("location", document.location());
        if (!document.tags().isEmpty()) {
            out.put("tags", document.tags());
        }
        document.extra().forEach(out::putIfAbsent);
        return out;
    }

    static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int offsetOf(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith("offset:")) {
                int offset = Integer.parseInt(decoded.substring(7));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new InputException("pageCursor: not a cursor this API returned: " + cursor);
    }

    private static int parse(String value, String name) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InputException(name + ": expected a number, got \"" + value + "\"");
        }
    }
}
