package io.kerberus.techdocs.plugin.ui;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.ui.EmptyState;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.Table;
import io.kerberus.plugin.ui.TableState;
import io.kerberus.plugin.ui.View;
import io.kerberus.techdocs.plugin.source.SourceResolver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** {@code /docs}: every documented entity, filtered by kind, owner and text, sorted and paged. */
final class DocsIndex {

    /** Documented entities listed at most; beyond that, narrow the filters. */
    static final int MAX_ENTITIES = 10_000;
    private static final List<Table.Column> COLUMNS = List.of(Table.Column.sortable("name", "Name"), Table.Column.sortable("owner", "Owner"),
            Table.Column.sortable("kind", "Kind"), Table.Column.sortable("type", "Type"), Table.Column.plain("description", "Description"));

    private final CatalogClient catalog;
    private final DocsAccess access;

    DocsIndex(CatalogClient catalog, DocsAccess access) {
        this.catalog = catalog;
        this.access = access;
    }

    View render(Request request) {
        String kind = request.queryParam("kind").orElse("").strip();
        String owner = request.queryParam("owner").orElse("").strip();
        List<Entity> documented = catalog.query(List.of("metadata.annotations." + SourceResolver.TECHDOCS_REF), 0, MAX_ENTITIES).items()
                .stream().filter(SourceResolver::documented).filter(e -> access.mayRead(request.principal().orElse(null), e)).toList();
        TreeSet<String> kinds = new TreeSet<>();
        TreeSet<String> owners = new TreeSet<>();
        documented.forEach(e -> {
            kinds.add(e.kind());
            e.specString("owner").ifPresent(owners::add);
        });
        TableState state = TableState.from(request, COLUMNS, "name", 25);
        String text = state.query().toLowerCase(Locale.ROOT);
        List<Entity> shown = new ArrayList<>(documented.stream()
                .filter(e -> kind.isEmpty() || e.kind().equalsIgnoreCase(kind))
                .filter(e -> owner.isEmpty() || e.specString("owner").orElse("").equals(owner))
                .filter(e -> text.isEmpty() || (e.name() + " " + e.title().orElse("") + " " + e.description().orElse("")).toLowerCase(Locale.ROOT).contains(text))
                .toList());
        Map<String, Function<Entity, String>> keys = Map.of("name", e -> e.title().orElse(e.name()).toLowerCase(Locale.ROOT),
                "owner", e -> e.specString("owner").orElse(""), "kind", Entity::kind, "type", e -> e.specString("type").orElse(""));
        Comparator<Entity> order = Comparator.comparing(keys.get(state.sort()));
        shown.sort(state.descending() ? order.reversed() : order);
        List<List<Html>> rows = new ArrayList<>();
        for (Entity e : shown.subList(Math.min(shown.size(), state.offset()), Math.min(shown.size(), state.offset() + state.pageSize()))) {
            rows.add(List.of(Html.format("<a href=\"{}\">{}</a>", DocsReader.siteUrl(e.ref()), e.title().orElse(e.name())),
                    Html.text(e.specString("owner").orElse("")), Html.text(e.kind()), Html.text(e.specString("type").orElse("")),
                    Html.text(e.description().orElse(""))));
        }
        Table table = new Table("docs", COLUMNS, rows, state, shown.size(), true,
                EmptyState.of(documented.isEmpty() ? "No documented entities yet" : "No docs match",
                        documented.isEmpty() ? "Add backstage.io/techdocs-ref: dir:. to an entity's catalog-info.yaml, with a mkdocs.yml and docs/index.md beside it."
                                : "Change the filters to see more."));
        Html filters = Html.format("""
                <form class="filters row" method="get" action="/docs" aria-label="Filters" hx-get="/docs" hx-target="#docs-view" \
                hx-select="#docs-view" hx-swap="outerHTML" hx-push-url="true" hx-trigger="change">\
                <label>Kind <select name="kind"><option value="">All</option>{}</select></label>\
                <label>Owner <select name="owner"><option value="">All</option>{}</select></label>\
                <noscript><button class="button small" type="submit">Filter</button></noscript></form>""",
                options(kinds, kind), options(owners, owner));
        return View.of("Documentation", Html.format("<div id=\"docs-view\">{}{}</div>", filters, table.html()));
    }

    private static Html options(TreeSet<String> values, String selected) {
        List<Html> out = new ArrayList<>();
        values.forEach(v -> out.add(Html.format("<option value=\"{}\"{}>{}</option>", v, v.equalsIgnoreCase(selected) ? Html.trusted(" selected") : Html.EMPTY, v)));
        return Html.join(out);
    }
}
