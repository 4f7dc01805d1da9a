package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.plugin.query.EntityFilter;
import io.kerberus.catalog.plugin.query.EntityQueries;
import io.kerberus.plugin.ui.Component;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.TableState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The filter panel of the catalog table: personal filter, kind, type, owner, lifecycle, tag and
 * namespace, with the values that exist for the chosen kind and how many entities have each. A plain
 * GET form (works without JavaScript); htmx swaps the view as soon as a filter changes.
 */
final class CatalogFilterForm implements Component {

    private static final List<String> KIND_ORDER = List.of("component", "api", "resource", "system", "domain", "group", "user",
            "template", "location");

    private final EntityQueries queries;
    private final CatalogFilters filters;
    private final TableState state;
    private final Map<String, Long> personal;

    CatalogFilterForm(EntityQueries queries, CatalogFilters filters, TableState state, Map<String, Long> personal) {
        this.queries = queries;
        this.filters = filters;
        this.state = state;
        this.personal = personal;
    }

    @Override
    public Html html() {
        Map<String, Map<String, Long>> kinds = queries.facets(List.of("kind"), EntityFilter.ALL);
        Map<String, Map<String, Long>> facets = queries.facets(
                List.of("spec.type", "relations.ownedBy", "spec.lifecycle", "metadata.tags", "metadata.namespace"), filters.kindOnly());
        Html hidden = Html.join(
                hiddenField("q", state.query()),
                state.params().containsKey("sort") ? hiddenField("sort", state.sort()) : Html.EMPTY,
                state.params().containsKey("dir") ? hiddenField("dir", state.descending() ? "desc" : "asc") : Html.EMPTY);
        return Html.format("""
                <form class="catalog-filters card" method="get" action="/catalog" aria-label="Filters" hx-get="/catalog" \
                hx-target="#catalog-view" hx-select="#catalog-view" hx-swap="outerHTML" hx-push-url="true" hx-trigger="change">\
                <fieldset class="personal-filter"><legend>Show</legend>{}{}{}</fieldset>{}{}{}{}{}{}{}\
                <div class="filter-actions"><button type="submit" class="button secondary">Apply</button> <a href="/catalog?kind={}">Clear</a></div></form>""",
                radio("all", "All"), radio("owned", "Owned by me"), radio("starred", "Starred"),
                kindSelect(kinds.get("kind")),
                select("type", "Type", facets.get("spec.type"), filters.type()),
                select("owner", "Owner", facets.get("relations.ownedBy"), filters.owners().isEmpty() ? null : filters.owners().getFirst()),
                select("lifecycle", "Lifecycle", facets.get("spec.lifecycle"), filters.lifecycle()),
                select("tag", "Tag", facets.get("metadata.tags"), filters.tags().isEmpty() ? null : filters.tags().getFirst()),
                select("namespace", "Namespace", facets.get("metadata.namespace"), filters.namespace()),
                hidden, filters.kind());
    }

    private Html radio(String value, String label) {
        return Html.format("<label class=\"radio\"><input type=\"radio\" name=\"user\" value=\"{}\"{}> {} <span class=\"count\">{}</span></label>",
                value, checked(filters.user().equals(value)), label, personal.getOrDefault(value, 0L));
    }

    private Html kindSelect(Map<String, Long> counts) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        counts.forEach((kind, count) -> byKind.merge(kind.toLowerCase(Locale.ROOT), count, Long::sum));
        List<String> kinds = new ArrayList<>(byKind.keySet());
        if (!filters.kind().equals(CatalogFilters.ALL_KINDS) && !kinds.contains(filters.kind())) {
            kinds.add(filters.kind());
        }
        kinds.sort(Comparator.comparingInt((String k) -> KIND_ORDER.contains(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.size()).thenComparing(k -> k));
        List<Html> options = new ArrayList<>();
        options.add(option(CatalogFilters.ALL_KINDS, "All kinds", filters.kind().equals(CatalogFilters.ALL_KINDS)));
        for (String kind : kinds) {
            options.add(option(kind, EntityLinks.kindLabel(kind) + " (" + byKind.getOrDefault(kind, 0L) + ")", kind.equals(filters.kind())));
        }
        return Html.format("<label class=\"field\"><span>Kind</span><select name=\"kind\">{}</select></label>", Html.join(options));
    }

    /** A select of a facet's values, most frequent first; the chosen value stays listed even when no entity has it. */
    private static Html select(String name, String label, Map<String, Long> counts, String chosen) {
        Map<String, Long> values = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> values.put(entry.getKey(), entry.getValue()));
        List<Html> options = new ArrayList<>();
        options.add(option("", "Any", chosen == null));
        boolean found = false;
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            boolean selected = entry.getKey().equalsIgnoreCase(chosen == null ? "" : chosen);
            found |= selected;
            String text = name.equals("owner") ? shortOwner(entry.getKey()) : entry.getKey();
            options.add(option(entry.getKey(), text + " (" + entry.getValue() + ")", selected));
        }
        if (chosen != null && !found) {
            options.add(option(chosen, chosen + " (0)", true));
        }
        return Html.format("<label class=\"field\"><span>{}</span><select name=\"{}\"{}>{}</select></label>",
                label, name, values.isEmpty() && chosen == null ? Html.trusted(" disabled") : Html.EMPTY, Html.join(options));
    }

    private static String shortOwner(String ref) {
        return EntityLinks.ref(ref, "group").map(r -> EntityLinks.shortRef(r, "group")).orElse(ref);
    }

    private static Html option(String value, String text, boolean selected) {
        return Html.format("<option value=\"{}\"{}>{}</option>", value, checked(selected, " selected"), text);
    }

    private static Html checked(boolean on) {
        return checked(on, " checked");
    }

    private static Html checked(boolean on, String attribute) {
        return on ? Html.trusted(attribute) : Html.EMPTY;
    }

    private static Html hiddenField(String name, String value) {
        return value == null || value.isEmpty() ? Html.EMPTY : Html.format("<input type=\"hidden\" name=\"{}\" value=\"{}\">", name, value);
    }
}
