package io.kerberus.plugin.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table with server-side sort, filter and paging. Sort headers and pager are plain links (they
 * work without JavaScript) that htmx turns into in-place updates of the table alone, and the filter
 * box updates as you type. The plugin runs the query for {@link TableState}; the table draws it.
 *
 * @param id         a page-unique id for the table
 * @param columns    the columns
 * @param rows       this page's cells, one list per row, in column order
 * @param state      sort, paging and filter, from the request
 * @param total      how many rows match, over all pages
 * @param filterable whether to show the filter box
 * @param empty      what to show when no row matches
 */
public record Table(String id, List<Column> columns, List<List<Html>> rows, TableState state, long total,
                    boolean filterable, Component empty) implements Component {

    /**
     * A column.
     *
     * @param key      the sort key
     * @param label    the heading
     * @param sortable whether the heading sorts
     */
    public record Column(String key, String label, boolean sortable) {

        public static Column sortable(String key, String label) {
            return new Column(key, label, true);
        }

        public static Column plain(String key, String label) {
            return new Column(key, label, false);
        }
    }

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("A table id is lower-case kebab-case: " + id);
        }
    }

    @Override
    public Html html() {
        String results = id + "-results";
        Html filter = filterable ? filterForm(results) : Html.EMPTY;
        Html body = rows.isEmpty()
                ? Html.format("<tr><td colspan=\"{}\">{}</td></tr>", columns.size(), empty)
                : Html.join(rows.stream().map(this::row).toList());
        return Html.format("""
                <div class="table-wrap" id="{}">{}<div id="{}" class="table-results" hx-target="this" hx-select="#{}" hx-swap="outerHTML" hx-push-url="true">\
                <div class="table-scroll"><table class="table"><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>{}</div></div>""",
                id, filter, results, results, header(), body, pager());
    }

    private Html filterForm(String results) {
        List<Html> hidden = new ArrayList<>();
        state.params().forEach((key, values) -> {
            if (!List.of("q", "page").contains(key)) {
                values.forEach(v -> hidden.add(Html.format("<input type=\"hidden\" name=\"{}\" value=\"{}\">", key, v)));
            }
        });
        return Html.format("""
                <form class="table-filter" method="get" action="{}" role="search" hx-get="{}" hx-target="#{}" hx-select="#{}" \
                hx-swap="outerHTML" hx-push-url="true" hx-trigger="input changed delay:250ms from:find input[type=search], submit">{}\
                <input type="search" name="q" value="{}" placeholder="Filter" aria-label="Filter {}" autocomplete="off"></form>""",
                state.path(), state.path(), results, results, Html.join(hidden), state.query(), id.replace('-', ' '));
    }

    private Html header() {
        List<Html> cells = new ArrayList<>();
        for (Column column : columns) {
            if (!column.sortable()) {
                cells.add(Html.format("<th scope=\"col\">{}</th>", column.label()));
                continue;
            }
            boolean sorted = column.key().equals(state.sort());
            boolean nextDescending = sorted && !state.descending();
            String href = state.url(Map.of("sort", column.key(), "dir", nextDescending ? "desc" : "asc", "page", "1"));
            String ariaSort = !sorted ? "none" : state.descending() ? "descending" : "ascending";
            String arrow = !sorted ? "" : state.descending() ? " \u2193" : " \u2191";
            cells.add(Html.format("<th scope=\"col\" aria-sort=\"{}\"><a href=\"{}\" hx-get=\"{}\">{}{}</a></th>",
                    ariaSort, href, href, column.label(), arrow));
        }
        return Html.join(cells);
    }

    private Html row(List<Html> cells) {
        List<Html> tds = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            tds.add(Html.format("<td data-label=\"{}\">{}</td>", i < columns.size() ? columns.get(i).label() : "", cells.get(i)));
        }
        return Html.format("<tr>{}</tr>", Html.join(tds));
    }

    private Html pager() {
        if (total == 0) {
            return Html.EMPTY;
        }
        long first = state.offset() + 1L;
        long last = Math.min(total, state.offset() + (long) rows.size());
        long pages = (total + state.pageSize() - 1) / state.pageSize();
        Html previous = state.page() > 1 ? pageLink(state.page() - 1, "prev", "Previous") : Html.trusted("<span class=\"disabled\">Previous</span>");
        Html next = state.page() < pages ? pageLink(state.page() + 1, "next", "Next") : Html.trusted("<span class=\"disabled\">Next</span>");
        return Html.format("<nav class=\"pager\" aria-label=\"Pages\"><span class=\"muted\">{}\u2013{} of {}</span>{}{}</nav>",
                first, last, total, previous, next);
    }

    private Html pageLink(int page, String rel, String label) {
        String href = state.url(Map.of("page", Integer.toString(page)));
        return Html.format("<a rel=\"{}\" href=\"{}\" hx-get=\"{}\">{}</a>", rel, href, href, label);
    }
}
