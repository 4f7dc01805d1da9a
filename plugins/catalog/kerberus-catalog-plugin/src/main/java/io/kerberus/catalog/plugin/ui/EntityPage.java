package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.EntityTab;
import io.kerberus.catalog.Relation;
import io.kerberus.catalog.plugin.query.EntityIndex;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.ui.Breadcrumbs;
import io.kerberus.plugin.ui.ErrorPanel;
import io.kerberus.plugin.ui.Forms;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.Icon;
import io.kerberus.plugin.ui.Tabs;
import io.kerberus.plugin.ui.View;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /catalog/:namespace/:kind/:name[/:tab]}: the entity's header (kind, name, owner, lifecycle,
 * star, refresh, unregister) and its tabs, the catalog's own and those other plugins add.
 */
final class EntityPage {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EntityPage.class);
    private static final Map<String, String> NOTICES = Map.of(
            "refreshed", "Refresh scheduled: the catalog reads this entity's descriptor again within seconds.",
            "registered", "Registered: this entity is in the catalog now.");

    private final EntityIndex index;
    private final StarStore stars;
    private final List<EntityTab> tabs;

    private final io.kerberus.catalog.plugin.query.EntityQueries queries;
    private final io.kerberus.catalog.plugin.permission.CatalogAccess access;

    EntityPage(EntityIndex index, StarStore stars, List<EntityTab> tabs, io.kerberus.catalog.plugin.query.EntityQueries queries,
               io.kerberus.catalog.plugin.permission.CatalogAccess access) {
        this.queries = queries;
        this.access = access;
        this.index = index;
        this.stars = stars;
        this.tabs = tabs.stream().sorted(Comparator.comparingInt(EntityTab::order).thenComparing(EntityTab::title)).toList();
    }

    /** The entity a page is about, as the API serves it, or a 404 naming it. */
    Entity load(Request request) {
        EntityRef ref = refOf(request);
        // an entity the caller may not read answers 404, as Backstage does, so its existence does not leak
        return index.jsonByRef(ref.key()).filter(json -> queries.readable(ref.key())).map(EntityLinks::parse).orElseThrow(() -> new NotFoundException(
                "There is no " + ref.kind() + " named \"" + ref.name() + "\" in namespace \"" + ref.namespace()
                        + "\". It may have been unregistered or renamed; search the catalog for it."));
    }

    static EntityRef refOf(Request request) {
        try {
            return EntityRef.of(request.pathParam("kind"), request.pathParam("namespace"), request.pathParam("name"));
        } catch (RuntimeException e) {
            throw new NotFoundException("Not an entity path: " + request.path());
        }
    }

    View render(Request request, String tabId) {
        Entity entity = load(request);
        List<EntityTab> visible = tabs.stream().filter(tab -> tab.appliesTo().test(entity)).toList();
        EntityTab active = tabId == null ? visible.getFirst() : visible.stream().filter(tab -> tab.id().equals(tabId)).findFirst()
                .orElseThrow(() -> new NotFoundException("This " + entity.kind() + " has no \"" + tabId + "\" tab; its tabs are "
                        + String.join(", ", visible.stream().map(EntityTab::id).toList())));
        String base = EntityLinks.path(entity);
        List<Tabs.Tab> tabLinks = new ArrayList<>();
        for (EntityTab tab : visible) {
            boolean first = tab == visible.getFirst();
            tabLinks.add(new Tabs.Tab(tab.title(), first ? base : base + "/" + tab.id(), tab == active));
        }
        Html notice = request.queryParam("notice").map(NOTICES::get)
                .map(text -> Html.format("<p class=\"notice success\" role=\"status\">{}</p>", text)).orElse(Html.EMPTY);
        Html body = Html.format("{}{}{}<div class=\"tab-panel\" role=\"tabpanel\">{}</div>",
                notice, header(entity, request), new Tabs(tabLinks), content(active, entity, request));
        String kind = entity.kind().toLowerCase(Locale.ROOT);
        return View.of(EntityLinks.displayName(entity), body).breadcrumbs(
                new Breadcrumbs.Crumb("Catalog", "/catalog"),
                new Breadcrumbs.Crumb(EntityLinks.kindLabel(kind), "/catalog?kind=" + EntityLinks.encode(kind)),
                new Breadcrumbs.Crumb(entity.name(), null));
    }

    private Html header(Entity entity, Request request) {
        String path = EntityLinks.path(entity);
        Html owner = CatalogColumns.related(entity, Relation.OWNED_BY, null);
        return Html.format("""
                <div class="entity-header"><div class="entity-meta row"><span class="badge muted">{}</span>{}{}\
                <code class="entity-ref">{}</code>{}</div><div class="entity-actions row">{}\
                {}{}</div></div>""",
                EntityLinks.kindLabel(entity.kind()),
                entity.specString("type").map(type -> Html.format("<span class=\"badge muted\">{}</span>", type)).orElse(Html.EMPTY),
                AboutCard.lifecycle(entity.specString("lifecycle").orElse("")),
                entity.ref().toString(),
                owner.isEmpty() ? Html.EMPTY : Html.format("<span class=\"entity-owner\">Owner: {}</span>", owner),
                starForm(entity, request, stars.isStarred(request.requirePrincipal().subject(), entity.ref().key())),
                access.allowed(request.requirePrincipal(), io.kerberus.catalog.plugin.permission.CatalogPermissions.ENTITY_REFRESH, entity.ref().key())
                        ? Html.format("<form method=\"post\" action=\"{}/refresh\">{}<button type=\"submit\" class=\"button small\">Refresh</button></form>",
                        path, Forms.csrfField(request)) : Html.EMPTY,
                access.allowed(request.requirePrincipal(), io.kerberus.catalog.plugin.permission.CatalogPermissions.ENTITY_DELETE, entity.ref().key())
                        ? Html.format("<a class=\"button small\" href=\"{}/unregister\">Unregister</a>", path) : Html.EMPTY);
    }

    /** The star toggle: a form that works without JavaScript, swapped in place by htmx. */
    static Html starForm(Entity entity, Request request, boolean starred) {
        String path = EntityLinks.path(entity);
        String label = (starred ? "Remove " : "Add ") + EntityLinks.displayName(entity) + (starred ? " from" : " to") + " starred entities";
        return Html.format("""
                <form class="star-form" method="post" action="{}/star" hx-post="{}/star" hx-swap="outerHTML">{}\
                <input type="hidden" name="starred" value="{}"><button type="submit" class="button small star{}" aria-pressed="{}" \
                aria-label="{}" title="{}">{}<span>{}</span></button></form>""",
                path, path, Forms.csrfField(request), !starred, starred ? " starred" : "", starred, label, label, Icon.STAR.svg(),
                starred ? "Starred" : "Star");
    }

    private static Html content(EntityTab tab, Entity entity, Request request) {
        try {
            return tab.content().render(entity, request);
        } catch (NotFoundException e) {
            throw e;
        } catch (Exception e) {
            LOG.warn("Entity tab '{}' failed for {}", tab.id(), entity.ref(), e);
            return ErrorPanel.of("This tab failed to render", "The server log has the details; the other tabs still work.").html();
        }
    }
}
