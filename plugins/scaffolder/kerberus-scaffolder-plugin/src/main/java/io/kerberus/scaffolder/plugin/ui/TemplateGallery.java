package io.kerberus.scaffolder.plugin.ui;


import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.ui.EmptyState;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.TagChips;
import io.kerberus.plugin.ui.View;
import io.kerberus.scaffolder.plugin.api.ScaffolderAccess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** {@code /create}: the templates as cards, filtered by text, type, tag and owner. */
final class TemplateGallery {

    /** Templates read at most; an organisation with more narrows the list with filters. */
    static final int MAX_TEMPLATES = 2_000;

    private final CatalogClient catalog;
    private final ScaffolderAccess access;

    TemplateGallery(CatalogClient catalog, ScaffolderAccess access) {
        this.catalog = catalog;
        this.access = access;
    }

    View render(Request request) {
        Filters filters = Filters.of(request);
        Principal me = request.requirePrincipal();
        // only the templates the caller may read (catalog.entity.read) and fill in (scaffolder.template.parameter.read)
        List<Entity> all = catalog.query(List.of("kind=template"), 0, MAX_TEMPLATES).items().stream()
                .filter(t -> access.mayUse(me, t)).toList();
        TreeSet<String> types = new TreeSet<>();
        TreeSet<String> tags = new TreeSet<>();
        TreeSet<String> owners = new TreeSet<>();
        all.forEach(t -> {
            t.specString("type").ifPresent(types::add);
            tags.addAll(t.tags());
            t.specString("owner").ifPresent(owners::add);
        });
        List<Entity> shown = all.stream().filter(filters::matches)
                .sorted(Comparator.comparing((Entity t) -> t.title().orElse(t.name()).toLowerCase(Locale.ROOT))).toList();
        List<Html> cards = new ArrayList<>();
        shown.forEach(t -> cards.add(card(t)));
        Html body = cards.isEmpty()
                ? EmptyState.of(all.isEmpty() ? "No templates yet" : "No templates match",
                        all.isEmpty() ? "Register a catalog-info.yaml of kind Template (scaffolder.backstage.io/v1beta3) to offer it here."
                                : "Change the filters to see more.").html()
                : Html.format("<ul class=\"grid template-grid\" aria-label=\"Templates\">{}</ul>", Html.join(cards));
        Html form = Html.format("""
                <form class="filters row" method="get" action="/create" role="search" aria-label="Filter templates" hx-get="/create" \
                hx-target="#templates-view" hx-select="#templates-view" hx-swap="outerHTML" hx-push-url="true" \
                hx-trigger="change, input changed delay:250ms from:input[name=q]">\
                <label>Search <input type="search" name="q" value="{}" placeholder="Name or description"></label>\
                <label>Type {}</label><label>Tag {}</label><label>Owner {}</label>\
                <noscript><button class="button small" type="submit">Filter</button></noscript></form>""",
                filters.text(), select("type", types, filters.type()), select("tag", tags, filters.tag()), select("owner", owners, filters.owner()));
        Html intro = Html.trusted("<p class=\"muted\">Create new software components from templates your organisation offers. "
                + "<a href=\"/create/tasks\">Runs so far</a></p>");
        return View.of("Create a new component", Html.format("<div id=\"templates-view\" class=\"stack\">{}{}{}</div>", intro, form, body));
    }

    private static Html card(Entity template) {
        String href = TemplateWizard.path(template);
        String owner = template.specString("owner").orElse("");
        Html type = template.specString("type").map(t -> Html.format("<span class=\"badge muted\">{}</span>", t)).orElse(Html.EMPTY);
        return Html.format("""
                <li class="card template-card" data-template="{}"><div class="card-body stack">\
                <div class="row"><h2 class="card-title"><a href="{}">{}</a></h2>{}</div>\
                <p class="muted">{}</p>{}{}\
                <p class="row template-card-actions"><a class="button primary small" href="{}" aria-label="Choose {}">Choose</a></p>\
                </div></li>""",
                template.ref().toString(), href, template.title().orElse(template.name()), type, template.description().orElse(""),
                template.tags().isEmpty() ? Html.EMPTY : TagChips.linked(template.tags(), tag -> "/create?tag=" + tag).html(),
                owner.isEmpty() ? Html.EMPTY : Html.format("<p class=\"hint\">Owner: {}</p>", owner), href, template.title().orElse(template.name()));
    }

    private static Html select(String name, Set<String> values, String selected) {
        List<Html> options = new ArrayList<>();
        options.add(Html.trusted("<option value=\"\">All</option>"));
        values.forEach(v -> options.add(Html.format("<option value=\"{}\"{}>{}</option>", v,
                v.equalsIgnoreCase(selected) ? Html.trusted(" selected") : Html.EMPTY, v)));
        return Html.format("<select name=\"{}\">{}</select>", name, Html.join(options));
    }

    /** The filters of the gallery, from the query string. */
    record Filters(String text, String type, String tag, String owner) {

        static Filters of(Request request) {
            return new Filters(param(request, "q"), param(request, "type"), param(request, "tag"), param(request, "owner"));
        }

        boolean matches(Entity t) {
            String haystack = (t.name() + " " + t.title().orElse("") + " " + t.description().orElse("")).toLowerCase(Locale.ROOT);
            return (text.isEmpty() || haystack.contains(text.toLowerCase(Locale.ROOT)))
                    && (type.isEmpty() || t.specString("type").orElse("").equalsIgnoreCase(type))
                    && (tag.isEmpty() || t.tags().stream().anyMatch(tag::equalsIgnoreCase))
                    && (owner.isEmpty() || t.specString("owner").orElse("").equalsIgnoreCase(owner));
        }

        private static String param(Request request, String name) {
            return request.queryParam(name).orElse("").strip();
        }
    }
}
