package io.kerberus.techdocs.plugin.ui;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.ui.Breadcrumbs;
import io.kerberus.plugin.ui.EmptyState;
import io.kerberus.plugin.ui.ErrorPanel;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.Pages;
import io.kerberus.plugin.ui.View;
import io.kerberus.techdocs.plugin.build.DocsSite;
import io.kerberus.techdocs.plugin.publish.ContentTypes;
import io.kerberus.techdocs.plugin.publish.Publisher;
import io.kerberus.techdocs.plugin.service.DocsService;
import io.kerberus.techdocs.plugin.source.SourceResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reader at {@code /docs}: the list of documented entities, each site's pages, its files
 * (images, downloads), in-docs search, the live build and the build log.
 */
public final class DocsPages {

    private final DocsService service;
    private final Supplier<CatalogClient> catalog;
    private final DocsSearch search;
    private final DocsAccess access;

    public DocsPages(DocsService service, Supplier<CatalogClient> catalog, DocsAccess access) {
        this.service = service;
        this.catalog = catalog;
        this.search = new DocsSearch(service);
        this.access = access;
    }

    /** Mounts the pages on the plugin's pages under {@code /docs}. */
    public void mount(Pages docs) {
        docs.get("", request -> new DocsIndex(catalog.get(), access).render(request));
        String site = "{namespace}/{kind}/{name}";
        docs.get(site + "/-/build", this::build);
        docs.get(site + "/-/log", this::log);
        docs.get(site + "/-/search", this::search);
        docs.post(site + "/-/rebuild", this::rebuild);
        docs.get(site, request -> read(request, ""));
        docs.get(site + "/<path>", request -> {
            String path = request.pathParam("path");
            // the router drops a trailing slash from path parameters; folder URLs keep theirs
            return read(request, request.path().endsWith("/") && !path.endsWith("/") ? path + "/" : path);
        });
    }

    private Object read(Request request, String path) throws Exception {
        Entity entity = entity(request);
        EntityRef ref = entity.ref();
        String base = DocsReader.siteUrl(ref);
        try {
            Publisher.checkPath(path);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Not a page of these docs: " + path);
        }
        if (!request.path().endsWith("/") && (path.isEmpty() || !lastSegment(path).contains("."))) {
            return Response.redirect(request.path() + "/" + request.queryParam("q").map(q -> "?q=" + q).orElse(""));
        }
        if (!path.isEmpty() && !path.endsWith("/")) {
            return file(ref, path);
        }
        if (!SourceResolver.documented(entity) && service.site(ref).isEmpty()) {
            return view(entity, "Docs", EmptyState.of("No docs for " + entity.name(),
                    "Add the annotation backstage.io/techdocs-ref: dir:. to its catalog-info.yaml and put a mkdocs.yml and docs/index.md next to it.").html());
        }
        DocsService.State state = service.view(entity);
        if (state.site().isEmpty()) {
            return view(entity, "Docs", waiting(state, entity, base, request));
        }
        DocsSite site = state.site().get();
        Optional<Html> page = DocsReader.page(service, entity, state, site, path, request);
        if (page.isEmpty()) {
            return view(entity, "Page not found", EmptyState.of("No page at " + path,
                    "The docs of " + entity.name() + " have no page here; it may have moved.").action(Html.format("<a class=\"button\" href=\"{}\">Docs home</a>", base)).html())
                    .status(404);
        }
        String title = Optional.ofNullable(site.pages().get(path)).map(DocsSite.PageInfo::title).orElse(site.siteName());
        return new View(title, page.get(), crumbs(entity, site.siteName(), base), 200);
    }

    /** What to show while a site has never been built, is building for the first time, or failed. */
    private Html waiting(DocsService.State state, Entity entity, String base, Request request) {
        if (service.external()) {
            return EmptyState.of("Docs not published yet", "This portal reads docs that CI publishes (techdocs.builder: external). Publish them with"
                    + " ./kerberus techdocs publish --entity " + entity.namespace() + "/" + entity.kind().toLowerCase(Locale.ROOT) + "/" + entity.name()
                    + " after building them.").html();
        }
        if (state.failed()) {
            String error = state.build().map(b -> b.error()).orElse("unknown error");
            return Html.join(ErrorPanel.of("The docs could not be built", error).html(),
                    Html.format("<p class=\"row\"><a class=\"button\" href=\"{}-/log\">Build log</a>{}</p>", base, DocsReader.rebuildForm(base, request, "Try again")));
        }
        return DocsReader.buildProgress(state, base);
    }

    private Object build(Request request) {
        Entity entity = entity(request);
        DocsService.State state = service.state(entity.ref());
        String base = DocsReader.siteUrl(entity.ref());
        if (state.busy()) {
            return request.queryParam("banner").isPresent() ? DocsReader.buildingBanner(base) : DocsReader.buildProgress(state, base);
        }
        // done (or failed): reload the page the build was shown on
        return Response.text(200, "text/html; charset=utf-8", "").header("HX-Refresh", "true");
    }

    private Object log(Request request) {
        Entity entity = entity(request);
        EntityRef ref = entity.ref();
        DocsService.State state = service.state(ref);
        String base = DocsReader.siteUrl(ref);
        Optional<DocsSite> site = state.site();
        String log = state.build().map(b -> b.log()).filter(l -> l != null && !l.isEmpty())
                .orElse(site.map(s -> String.join("\n", s.log())).orElse(""));
        List<Html> warnings = new ArrayList<>();
        site.ifPresent(s -> s.warnings().forEach(w -> warnings.add(Html.format("<tr><td><code>{}{}</code></td><td>{}</td></tr>",
                w.file(), w.line() > 0 ? ":" + w.line() : "", w.message()))));
        String status = state.busy() ? "Building now" : state.failed() ? "Failed: " + state.build().get().error()
                : site.map(s -> "Built " + java.time.Instant.ofEpochMilli(s.builtAt()) + " by " + s.generator()).orElse("Not built yet");
        Html body = Html.format("""
                <section class="techdocs-build-log">\
                <p class="row"><span class="badge{}">{}</span> <a class="button small" href="{}">Back to the docs</a>{}</p>\
                {}<h2>Log</h2><pre class="techdocs-log">{}</pre></section>""",
                state.failed() ? " error" : "", status, base, service.external() ? Html.EMPTY : DocsReader.rebuildForm(base, request, "Rebuild now"),
                warnings.isEmpty() ? Html.trusted("<p class=\"muted\">No warnings.</p>")
                        : Html.format("<h2>Warnings</h2><table class=\"table\"><thead><tr><th>Where</th><th>Warning</th></tr></thead><tbody>{}</tbody></table>",
                        Html.join(warnings)),
                log.isEmpty() ? "No build log." : log);
        return view(entity, "Build log", body);
    }

    private Object search(Request request) {
        Entity entity = entity(request);
        String query = request.queryParam("q").orElse("").strip();
        Html results = search.results(entity.ref(), query);
        if (request.isHtmx()) {
            return results;
        }
        return view(entity, "Search: " + query, Html.format("<form class=\"techdocs-search\" method=\"get\"><input type=\"search\" name=\"q\" value=\"{}\" "
                + "aria-label=\"Search these docs\"></form>{}", query, results));
    }

    private Object rebuild(Request request) {
        Entity entity = entity(request);
        service.rebuild(entity);
        return Response.redirect(DocsReader.siteUrl(entity.ref()));
    }

    private Entity entity(Request request) {
        EntityRef ref;
        try {
            ref = EntityRef.of(request.pathParam("kind"), request.pathParam("namespace"), request.pathParam("name"));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Not an entity: " + request.path());
        }
        return access.require(request.principal().orElse(null), ref, service::entity);
    }

    private Object file(EntityRef ref, String path) throws java.io.IOException {
        Optional<byte[]> bytes;
        try {
            bytes = service.read(ref, path);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Not a file of these docs: " + path);
        }
        if (bytes.isEmpty()) {
            throw new NotFoundException("The docs of " + ref + " have no file " + path);
        }
        return Response.bytes(ContentTypes.of(path), bytes.get())
                // a file from a docs folder must not run script in the portal's origin (an SVG, an HTML page)
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=60");
    }

    private View view(Entity entity, String title, Html body) {
        return new View(title, body, crumbs(entity, entity.title().orElse(entity.name()), DocsReader.siteUrl(entity.ref())), 200);
    }

    private static List<Breadcrumbs.Crumb> crumbs(Entity entity, String siteName, String base) {
        return List.of(new Breadcrumbs.Crumb("Docs", "/docs"), new Breadcrumbs.Crumb(siteName, base));
    }

    private static String lastSegment(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
