package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.plugin.locations.LocationService;
import io.kerberus.catalog.plugin.processing.ProcessingEngine;
import io.kerberus.catalog.plugin.query.EntityFilter;
import io.kerberus.catalog.plugin.query.EntityQueries;
import io.kerberus.catalog.plugin.query.OrderField;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.ui.Breadcrumbs;
import io.kerberus.plugin.ui.Card;
import io.kerberus.plugin.ui.Forms;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What people do to one entity from its page: star it, refresh it, unregister it (with a confirmation page). */
final class EntityActions {

    /** How many of a location's entities the confirmation page lists by name. */
    static final int LISTED = 50;

    private final EntityPage page;
    private final StarStore stars;
    private final ProcessingEngine engine;
    private final LocationService locations;
    private final EntityQueries queries;

    private final io.kerberus.catalog.plugin.permission.CatalogAccess access;
    private final io.kerberus.plugin.AuditLog audit;

    EntityActions(EntityPage page, StarStore stars, ProcessingEngine engine, LocationService locations, EntityQueries queries,
                  io.kerberus.catalog.plugin.permission.CatalogAccess access, io.kerberus.plugin.AuditLog audit) {
        this.access = access;
        this.audit = audit;
        this.page = page;
        this.stars = stars;
        this.engine = engine;
        this.locations = locations;
        this.queries = queries;
    }

    Object star(Request request) {
        Entity entity = page.load(request);
        boolean starred = stars.set(request.requirePrincipal().subject(), entity.ref().key(),
                Boolean.parseBoolean(request.formParam("starred").orElse("true")));
        return request.isHtmx() ? EntityPage.starForm(entity, request, starred) : Response.redirect(EntityLinks.path(entity));
    }

    Object refresh(Request request) {
        Entity entity = page.load(request);
        access.require(request.requirePrincipal(), io.kerberus.catalog.plugin.permission.CatalogPermissions.ENTITY_REFRESH, entity.ref().key());
        engine.refresh(entity.ref().key());
        return Response.redirect(EntityLinks.path(entity) + "?notice=refreshed");
    }

    /** The confirmation page: unregister the whole location, or delete only this entity. */
    View confirm(Request request) {
        Entity entity = page.load(request);
        access.require(request.requirePrincipal(), io.kerberus.catalog.plugin.permission.CatalogPermissions.ENTITY_DELETE, entity.ref().key());
        Optional<LocationService.Location> origin = locations.originOf(entity);
        List<Html> choices = new ArrayList<>();
        if (origin.isPresent() && !locations.isFromConfig(origin.get())) {
            EntityQueries.Page fromLocation = fromLocation(origin.get());
            choices.add(Card.of("Unregister the location", Html.format("""
                    <p>This removes the location <code>{}</code> and the {} {} it brings into the catalog:</p><ul class="compact-list">{}</ul>{}\
                    <form method="post" action="{}/unregister">{}<input type="hidden" name="mode" value="location">\
                    <button type="submit" class="button danger">Unregister location</button></form>""",
                    origin.get().target(), fromLocation.totalItems(), fromLocation.totalItems() == 1 ? "entity" : "entities",
                    Html.join(fromLocation.items().stream().map(json -> Html.format("<li>{}</li>", EntityLinks.link(EntityLinks.parse(json)))).toList()),
                    fromLocation.totalItems() > LISTED ? Html.format("<p class=\"muted\">and {} more</p>", fromLocation.totalItems() - LISTED) : Html.EMPTY,
                    EntityLinks.path(entity), Forms.csrfField(request))).html());
        } else if (origin.isPresent()) {
            choices.add(Html.format("<p class=\"notice warning\">This entity comes from the location <code>{}</code> in the portal's config "
                    + "(catalog.locations). Remove it there to unregister the location; deleting the entity alone lasts only until the next refresh.</p>",
                    origin.get().target()));
        }
        choices.add(Card.of("Delete only this entity", Html.format("""
                <p>Deletes <strong>{}</strong> from the catalog. If its descriptor is still in a registered location, it comes back on the next refresh.</p>\
                <form method="post" action="{}/unregister">{}<input type="hidden" name="mode" value="entity">\
                <button type="submit" class="button danger">Delete entity</button> <a class="button" href="{}">Cancel</a></form>""",
                entity.ref().toString(), EntityLinks.path(entity), Forms.csrfField(request), EntityLinks.path(entity))).html());
        return View.of("Unregister " + EntityLinks.displayName(entity), Html.format("<div class=\"stack narrow\">{}</div>", Html.join(choices)))
                .breadcrumbs(new Breadcrumbs.Crumb("Catalog", "/catalog"),
                        new Breadcrumbs.Crumb(entity.name(), EntityLinks.path(entity)), new Breadcrumbs.Crumb("Unregister", null));
    }

    Object unregister(Request request) {
        Entity entity = page.load(request);
        io.kerberus.plugin.Principal principal = request.requirePrincipal();
        access.require(principal, io.kerberus.catalog.plugin.permission.CatalogPermissions.ENTITY_DELETE, entity.ref().key());
        String mode = request.formParam("mode").orElse("");
        switch (mode) {
            case "location" -> {
                LocationService.Location origin = locations.originOf(entity)
                        .orElseThrow(() -> new InputException("This entity has no registered location to unregister; delete the entity instead"));
                if (locations.isFromConfig(origin)) {
                    throw new InputException("The location " + origin.target() + " is in the portal's config (catalog.locations); remove it there");
                }
                access.require(principal, io.kerberus.catalog.plugin.permission.CatalogPermissions.LOCATION_DELETE, null);
                locations.delete(origin);
                audit.record(principal, "catalog.location.delete", origin.target(), Map.of("entityRef", entity.ref().toString(), "via", "page"));
            }
            case "entity" -> {
                engine.delete(List.of(entity.ref().key()));
                audit.record(principal, "catalog.entity.delete", entity.ref().key(), Map.of("via", "page"));
            }
            default -> throw new InputException("mode: choose location or entity");
        }
        return Response.redirect("/catalog?kind=" + EntityLinks.encode(entity.kind().toLowerCase(Locale.ROOT)) + "&notice=unregistered");
    }

    /** The entities a location brought in (its own Location entities left out), the first {@link #LISTED} by name. */
    private EntityQueries.Page fromLocation(LocationService.Location location) {
        String key = location.spec().key().toLowerCase(Locale.ROOT);
        String origin = "metadata.annotations.backstage.io/managed-by-origin-location";
        List<OrderField> byName = List.of(new OrderField("metadata.name", false));
        EntityQueries.Page all = queries.page(new EntityFilter(List.of(Map.of(origin, Set.of(key)))), null, byName, null, 0, LISTED);
        long locations = queries.page(new EntityFilter(List.of(Map.of(origin, Set.of(key), "kind", Set.of("location")))), null, byName, null, 0, 0)
                .totalItems();
        List<String> items = all.items().stream().filter(json -> !EntityLinks.parse(json).kind().equalsIgnoreCase("location")).toList();
        return new EntityQueries.Page(items, all.totalItems() - locations, null, null);
    }
}
