package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.plugin.query.EntityQueries;
import io.kerberus.catalog.plugin.query.OrderField;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.ui.EmptyState;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.Link;
import io.kerberus.plugin.ui.Table;
import io.kerberus.plugin.ui.TableState;
import io.kerberus.plugin.ui.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /catalog}: every entity in a table with server-side filters, sort, paging and free text. */
final class CatalogTablePage {

    static final int PAGE_SIZE = 25;

    private final EntityQueries queries;
    private final StarStore stars;
    private final String title;

    CatalogTablePage(EntityQueries queries, StarStore stars, String organization) {
        this.queries = queries;
        this.stars = stars;
        this.title = organization == null || organization.isBlank() ? "Catalog" : organization + " Catalog";
    }

    View render(Request request) {
        Principal caller = request.requirePrincipal();
        CatalogFilters filters = CatalogFilters.from(request);
        List<CatalogColumns.Column> columns = CatalogColumns.forKind(filters.kind());
        List<Table.Column> tableColumns = columns.stream().map(CatalogColumns.Column::tableColumn).toList();
        TableState state = TableState.from(request, tableColumns, "name", PAGE_SIZE);
        Set<String> starred = stars.starred(caller.subject());

        EntityQueries.Page page = queries.page(filters.forCaller(caller), filters.user().equals("starred") ? starred : null,
                order(columns, state), state.query(), state.offset(), state.pageSize());

        List<List<Html>> rows = new ArrayList<>();
        for (String json : page.items()) {
            Entity entity = EntityLinks.parse(json);
            rows.add(columns.stream().map(column -> column.cell().apply(entity)).toList());
        }
        Table table = new Table("catalog-table", tableColumns, rows, state, page.totalItems(), true,
                EmptyState.of("No entities match", "Change or clear the filters, or register a component's catalog-info.yaml.")
                        .action(Link.to("/catalog/import", "Register existing component")));
        Map<String, Long> personal = Map.of(
                "all", count(filters.shared(), null),
                "owned", count(filters.shared().and(CatalogFilters.owned(caller)), null),
                "starred", count(filters.shared(), starred));
        Html notice = request.queryParam("notice").filter("unregistered"::equals)
                .map(n -> Html.trusted("<p class=\"notice success\" role=\"status\">Unregistered: the catalog no longer holds it.</p>"))
                .orElse(Html.EMPTY);
        Html body = Html.format("""
                {}<div class="page-actions"><a class="button" href="/catalog/import">Register existing component</a></div>\
                <div id="catalog-view" class="catalog-layout">{}<div class="catalog-main">{}</div></div>""",
                notice, new CatalogFilterForm(queries, filters, state, personal).html(), table);
        return View.of(title, body);
    }

    private long count(io.kerberus.catalog.plugin.query.EntityFilter filter, Set<String> only) {
        return queries.page(filter, only, List.of(), null, 0, 0).totalItems();
    }

    /** The sorted column's field, then the name so that equal values keep a stable order. */
    private static List<OrderField> order(List<CatalogColumns.Column> columns, TableState state) {
        String field = columns.stream().filter(c -> c.key().equals(state.sort()) && c.sortField() != null)
                .map(CatalogColumns.Column::sortField).findFirst().orElse("metadata.name");
        List<OrderField> order = new ArrayList<>();
        order.add(new OrderField(field, state.descending()));
        if (!field.equals("metadata.name")) {
            order.add(new OrderField("metadata.name", false));
        }
        return order;
    }
}
