package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.EntityCard;
import io.kerberus.catalog.EntityTab;
import io.kerberus.catalog.plugin.locations.LocationService;
import io.kerberus.catalog.plugin.processing.ProcessingEngine;
import io.kerberus.catalog.plugin.query.EntityIndex;
import io.kerberus.catalog.plugin.query.EntityQueries;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.ui.EmptyState;
import io.kerberus.plugin.ui.HomeCard;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.Icon;
import io.kerberus.plugin.ui.NavItem;
import io.kerberus.plugin.ui.Pages;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The catalog's pages: the table at {@code /catalog}, entity pages with their tabs, the import page,
 * and the star, refresh and unregister actions. Pages read through the same queries as the REST API.
 */
public final class CatalogPages {

    private final CatalogTablePage table;
    private final EntityPage entityPage;
    private final EntityActions actions;
    private final ImportPage importPage;
    private final StarStore stars;
    private final EntityQueries queries;

    public CatalogPages(Jdbi jdbi, Clock clock, EntityQueries queries, EntityIndex index, ProcessingEngine engine, LocationService locations,
                        String organization, List<EntityTab> extensionTabs, List<EntityCard> extensionCards,
                        io.kerberus.catalog.plugin.permission.CatalogAccess access, io.kerberus.plugin.AuditLog audit) {
        this.queries = queries;
        this.stars = new StarStore(jdbi, clock);
        Related related = new Related(queries);
        OverviewTab overview = new OverviewTab(related, queries, extensionCards);
        DependenciesTab dependencies = new DependenciesTab(related);
        RelationGraphTab graph = new RelationGraphTab(related);
        List<EntityTab> tabs = new ArrayList<>(List.of(
                new EntityTab("overview", "Overview", 0, entity -> true, overview::render),
                new EntityTab("definition", "Definition", 50, DefinitionTab::appliesTo,
                        (entity, request) -> DefinitionTab.render(entity, EntityLinks.path(entity) + "/definition/raw")),
                new EntityTab("dependencies", "Dependencies", 100, DependenciesTab::appliesTo, (entity, request) -> dependencies.render(entity)),
                new EntityTab("relations", "Relations", 200, entity -> true,
                        (entity, request) -> graph.render(entity, request, EntityLinks.path(entity) + "/relations"))));
        HashSet<String> ids = new HashSet<>();
        tabs.forEach(tab -> ids.add(tab.id()));
        for (EntityTab tab : extensionTabs) {
            if (!ids.add(tab.id())) {
                throw new IllegalStateException("Two entity tabs have the id \"" + tab.id() + "\"; give the module's tab another id");
            }
            tabs.add(tab);
        }
        this.table = new CatalogTablePage(queries, stars, organization);
        this.entityPage = new EntityPage(index, stars, tabs, queries, access);
        this.actions = new EntityActions(entityPage, stars, engine, locations, queries, access, audit);
        this.importPage = new ImportPage(locations, engine, index, access);
    }

    public void mount(Pages pages) {
        pages.stylesheet("/static/catalog/catalog.css");
        pages.script("/static/catalog/catalog.js");
        pages.nav(new NavItem("Catalog", "/catalog", Icon.CATALOG, 100));
        pages.homeCard(new HomeCard("Starred entities", 100, false, this::starredCard));
        pages.get("", table::render);
        pages.get("/import", importPage::form);
        pages.post("/import", importPage::analyze);
        pages.post("/import/register", importPage::register);
        pages.alias("/catalog-import", "/import");
        String entity = "/{namespace}/{kind}/{name}";
        pages.get(entity, request -> entityPage.render(request, null));
        pages.get(entity + "/definition/raw", request -> {
            var api = entityPage.load(request);
            String definition = api.specString("definition").orElseThrow(() -> new NotFoundException(api.ref() + " has no spec.definition"));
            return Response.text(200, "text/plain; charset=utf-8", definition);
        });
        pages.post(entity + "/star", actions::star);
        pages.post(entity + "/refresh", actions::refresh);
        pages.get(entity + "/unregister", actions::confirm);
        pages.post(entity + "/unregister", actions::unregister);
        // after the fixed paths above: the router takes the first route that matches
        pages.get(entity + "/{tab}", request -> entityPage.render(request, request.pathParam("tab")));
    }

    private Object starredCard(io.kerberus.plugin.Request request) {
        List<String> refs = new ArrayList<>(stars.starred(request.requirePrincipal().subject()));
        if (refs.isEmpty()) {
            return EmptyState.of("Nothing starred yet", "Star entities on their pages to find them here.");
        }
        List<Html> items = new ArrayList<>();
        List<Optional<String>> found = queries.byRefs(refs, List.of());
        for (Optional<String> json : found) {
            json.map(EntityLinks::parse).ifPresent(e -> items.add(Html.format("<li>{} <span class=\"muted small\">{}</span></li>",
                    EntityLinks.link(e), EntityLinks.kindLabel(e.kind()))));
        }
        return Html.format("<ul class=\"compact-list\">{}</ul><p><a class=\"link\" href=\"/catalog?kind=all&user=starred\">All starred</a></p>",
                Html.join(items));
    }
}
