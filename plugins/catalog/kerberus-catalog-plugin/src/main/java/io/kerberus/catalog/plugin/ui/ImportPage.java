package io.kerberus.catalog.plugin.ui;


import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.LocationSpec;
import io.kerberus.catalog.plugin.locations.LocationService;
import io.kerberus.catalog.plugin.permission.CatalogAccess;
import io.kerberus.catalog.plugin.permission.CatalogPermissions;
import io.kerberus.catalog.plugin.processing.ProcessingEngine;
import io.kerberus.catalog.plugin.query.EntityIndex;
import io.kerberus.plugin.ConflictException;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.NotAllowedException;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.ui.Breadcrumbs;
import io.kerberus.plugin.ui.Card;
import io.kerberus.plugin.ui.ErrorPanel;
import io.kerberus.plugin.ui.Forms;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.View;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /catalog/import} (Backstage's {@code /catalog-import}): enter a URL or path, analyze it,
 * preview the entities it holds, and register it.
 */
final class ImportPage {

    /** How long registering waits for the first entities to be processed before showing the result. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private final LocationService locations;
    private final ProcessingEngine engine;
    private final EntityIndex index;
    private final CatalogAccess access;

    ImportPage(LocationService locations, ProcessingEngine engine, EntityIndex index, CatalogAccess access) {
        this.locations = locations;
        this.engine = engine;
        this.index = index;
        this.access = access;
    }

    View form(Request request) {
        return view(request, "", Html.EMPTY, Html.EMPTY, 200);
    }

    /** Analyze: what registering the location would bring in. */
    View analyze(Request request) {
        String target = request.formParam("target").orElse("").strip();
        try {
            access.require(request.requirePrincipal(), CatalogPermissions.LOCATION_ANALYZE, null);
        } catch (NotAllowedException e) {
            return view(request, target, error(e.getMessage()), Html.EMPTY, 403);
        }
        try {
            LocationService.Analysis analysis = locations.analyze(typeOf(target), target, null);
            return view(request, target, Html.EMPTY, preview(request, analysis), 200);
        } catch (InputException e) {
            return view(request, target, error(e.getMessage()), Html.EMPTY, 400);
        }
    }

    /** Registers the analyzed location and shows the entities as they appear. */
    View register(Request request) throws InterruptedException {
        String target = request.formParam("target").orElse("").strip();
        try {
            access.require(request.requirePrincipal(), CatalogPermissions.LOCATION_CREATE, null);
        } catch (NotAllowedException e) {
            return view(request, target, error(e.getMessage()), Html.EMPTY, 403);
        }
        LocationSpec spec;
        try {
            spec = locations.check(request.formParam("type").orElse(typeOf(target)), target);
        } catch (InputException e) {
            return view(request, target, error(e.getMessage()), Html.EMPTY, 400);
        }
        List<String> refs = request.formParams("ref");
        try {
            locations.create(spec, "ui");
        } catch (ConflictException e) {
            engine.refresh(ProcessingEngine.rootRef(spec).key());
        }
        awaitProcessed(refs);
        List<Html> items = new ArrayList<>();
        for (String ref : refs) {
            EntityLinks.ref(ref, null).ifPresent(parsed -> items.add(Html.format("<li><a href=\"{}\">{}</a>{}</li>", EntityLinks.path(parsed),
                    parsed.toString(), index.jsonByRef(parsed.key()).isPresent() ? Html.EMPTY : Html.trusted(" <span class=\"muted\">(processing)</span>"))));
        }
        Html result = Card.of("Registered", Html.format("""
                <p class="notice success" role="status">The location <code>{}</code> is registered. The catalog reads it again on every refresh.</p>\
                <ul class="compact-list">{}</ul><p class="row"><a class="button" href="/catalog/import">Register another</a></p>""",
                spec.target(), Html.join(items))).html();
        return view(request, "", Html.EMPTY, result, 201);
    }

    private void awaitProcessed(List<String> refs) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (refs.stream().allMatch(ref -> EntityLinks.ref(ref, null).map(r -> index.jsonByRef(r.key()).isPresent()).orElse(true))) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static Html preview(Request request, LocationService.Analysis analysis) {
        List<Html> rows = new ArrayList<>();
        List<Html> refs = new ArrayList<>();
        for (var data : analysis.entities()) {
            Entity entity = Entity.of(data);
            EntityRef ref = entity.ref();
            rows.add(Html.format("<tr><td data-label=\"Kind\">{}</td><td data-label=\"Name\">{}</td><td data-label=\"Namespace\">{}</td></tr>",
                    EntityLinks.kindLabel(entity.kind()), EntityLinks.displayName(entity), ref.namespace()));
            refs.add(Html.format("<input type=\"hidden\" name=\"ref\" value=\"{}\">", ref.toString()));
        }
        Html problems = analysis.errors().isEmpty() ? Html.EMPTY
                : new ErrorPanel("Some entities have problems", "They are registered with the location but show their errors until fixed.",
                        analysis.errors()).html();
        Html registered = analysis.registered()
                ? Html.trusted("<p class=\"notice warning\">This location is registered already; importing it again refreshes it.</p>") : Html.EMPTY;
        return Card.of("Review", Html.format("""
                <p>The location <code>{}</code> holds {} {}:</p>{}{}\
                <div class="table-scroll"><table class="table compact"><thead><tr><th scope="col">Kind</th><th scope="col">Name</th>\
                <th scope="col">Namespace</th></tr></thead><tbody>{}</tbody></table></div>\
                <form method="post" action="/catalog/import/register" class="form-actions">{}<input type="hidden" name="type" value="{}">\
                <input type="hidden" name="target" value="{}">{}<button type="submit" class="button primary">{}</button> \
                <a class="button" href="/catalog/import">Cancel</a></form>""",
                analysis.spec().target(), analysis.entities().size(), analysis.entities().size() == 1 ? "entity" : "entities",
                registered, problems, Html.join(rows), Forms.csrfField(request), analysis.spec().type(), analysis.spec().target(),
                Html.join(refs), analysis.registered() ? "Refresh" : "Import")).html();
    }

    private static View view(Request request, String target, Html error, Html below, int status) {
        Html form = Card.of("Register an existing component", Html.format("""
                <p class="muted">Enter the URL of a <code>catalog-info.yaml</code> (or of the repository folder holding one), \
                or a file path the catalog may read (catalog.fileRoots). Nothing is registered until you confirm.</p>\
                <form class="form" method="post" action="/catalog/import">{}<div class="field"><label for="import-target">URL or path</label>\
                <input id="import-target" name="target" type="text" required maxlength="2000" value="{}" autocomplete="off" autofocus \
                placeholder="https://github.com/acme/service/blob/main/catalog-info.yaml"{}>{}</div>\
                <div class="form-actions"><button type="submit" class="button primary">Analyze</button></div></form>""",
                Forms.csrfField(request), target, error.isEmpty() ? Html.EMPTY : Html.trusted(" aria-invalid=\"true\" aria-describedby=\"import-error\""),
                error)).html();
        return View.of("Register an existing component", Html.format("<div class=\"stack narrow\">{}{}</div>", form, below))
                .breadcrumbs(new Breadcrumbs.Crumb("Catalog", "/catalog"), new Breadcrumbs.Crumb("Register", null))
                .status(status);
    }

    private static Html error(String message) {
        return Html.format("<p id=\"import-error\" class=\"field-error\" role=\"alert\">{}</p>", message);
    }

    private static String typeOf(String target) {
        return target.matches("(?i)^https?://.*") ? "url" : "file";
    }
}
