package io.kerberus.plugin.ui;

import io.kerberus.plugin.Request;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Sort, paging and filter text of a {@link Table}, read from the query string ({@code sort},
 * {@code dir}, {@code page}, {@code size}, {@code q}) so that a view can be shared as a URL. The sort
 * key is always one of the table's sortable columns, so it is safe to map to an ORDER BY.
 *
 * @param path       the page's path
 * @param params     every query parameter, kept in the links the table draws
 * @param sort       the key of the sorted column
 * @param descending whether the sort is descending
 * @param page       the page, from 1
 * @param pageSize   rows per page, 1 to 200
 * @param query      the filter text, may be empty
 */
public record TableState(String path, Map<String, List<String>> params, String sort, boolean descending,
                         int page, int pageSize, String query) {

    /** The largest page a visitor can ask for. */
    public static final int MAX_PAGE_SIZE = 200;

    public TableState {
        params = new LinkedHashMap<>(params);
    }

    /** Reads the state, falling back to {@code defaultSort}, ascending, when the sort key is not a sortable column. */
    public static TableState from(Request request, List<Table.Column> columns, String defaultSort, int defaultPageSize) {
        return from(request, columns, defaultSort, false, defaultPageSize);
    }

    /** Reads the state, falling back to {@code defaultSort} in the given direction when the URL names no sortable column. */
    public static TableState from(Request request, List<Table.Column> columns, String defaultSort, boolean defaultDescending,
                                  int defaultPageSize) {
        java.util.Optional<String> asked = request.queryParam("sort")
                .filter(key -> columns.stream().anyMatch(c -> c.sortable() && c.key().equals(key)));
        String sort = asked.orElse(defaultSort);
        boolean descending = asked.isPresent()
                ? request.queryParam("dir").map("desc"::equals).orElse(false)
                : request.queryParam("dir").map("desc"::equals).orElse(defaultDescending);
        int size = Math.min(MAX_PAGE_SIZE, Math.max(1, parse(request.queryParam("size").orElse(null), defaultPageSize)));
        // keep (page - 1) * size inside an int: a huge page number is an empty page, not an overflow
        int page = Math.min(Integer.MAX_VALUE / size, Math.max(1, parse(request.queryParam("page").orElse(null), 1)));
        String query = request.queryParam("q").map(String::strip).orElse("");
        return new TableState(request.path(), request.queryParamMap(), sort, descending, page, size, query);
    }

    /** The first row of this page, for OFFSET. */
    public int offset() {
        return (page - 1) * pageSize;
    }

    /** This page's URL with some parameters replaced (a null value removes the parameter). */
    public String url(Map<String, String> changes) {
        Map<String, List<String>> merged = new LinkedHashMap<>(params);
        changes.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, List.of(value));
            }
        });
        StringJoiner query = new StringJoiner("&");
        merged.forEach((key, values) -> values.forEach(v -> query.add(encode(key) + "=" + encode(v))));
        return query.length() == 0 ? path : path + "?" + query;
    }

    private static int parse(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
