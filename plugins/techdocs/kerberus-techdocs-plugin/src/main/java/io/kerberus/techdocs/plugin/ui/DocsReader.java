package io.kerberus.techdocs.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.ui.Forms;
import io.kerberus.plugin.ui.Html;
import io.kerberus.techdocs.plugin.Version;
import io.kerberus.techdocs.plugin.build.DocsSite;
import io.kerberus.techdocs.plugin.build.NavHtml;
import io.kerberus.techdocs.plugin.markdown.Heading;
import io.kerberus.techdocs.plugin.publish.Publisher;
import io.kerberus.techdocs.plugin.service.DocsService;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws a page of a published site inside the portal: the site's nav with an in-docs search box on
 * the left, the page in the middle with previous/next, its TOC and "edit this page" on the right,
 * and a banner when a build runs, failed or warned.
 */
final class DocsReader {

    /** Where techdocs.js loads the code highlighter and the diagram renderer from. */
    static final String ASSETS = "{\"highlight\":\"" + Version.webjar("highlightjs", "highlight.min.js") + "\",\"mermaid\":\""
            + Version.webjar("mermaid", "dist/mermaid.min.js") + "\"}";
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("(href|src)=\"([^\"]*)\"");

    private DocsReader() {
    }

    /** The portal URL of an entity's site: {@code /docs/default/component/orders/}. */
    static String siteUrl(EntityRef ref) {
        return "/docs/" + Publisher.sitePath(ref) + "/";
    }

    /**
     * The reader for the page at {@code url} (site-relative, {@code ""} for home), or empty when the
     * site has no such page.
     */
    static Optional<Html> page(DocsService service, Entity entity, DocsService.State state, DocsSite site, String url, Request request)
            throws IOException {
        DocsSite.PageInfo info = site.pages().get(url);
        if (info == null) {
            return Optional.empty();
        }
        EntityRef ref = entity.ref();
        String base = siteUrl(ref);
        DocsService.PageContent published = service.page(ref, site, info);
        String content = Sanitizing.clean(absolute(published.html(), base + url));
        List<Html> toc = new ArrayList<>();
        for (Heading heading : published.toc()) {
            toc.add(Html.format("<li class=\"toc-{}\"><a href=\"#{}\">{}</a></li>", heading.level(), heading.id(), heading.title()));
        }
        Html pager = Html.format("<nav class=\"docs-pager\" aria-label=\"Previous and next page\">{}{}</nav>",
                info.previous() == null ? Html.EMPTY : Html.format("<a rel=\"prev\" href=\"{}\"><small>Previous</small>{}</a>",
                        base + info.previous(), title(site, info.previous())),
                info.next() == null ? Html.EMPTY : Html.format("<a rel=\"next\" href=\"{}\"><small>Next</small>{}</a>",
                        base + info.next(), title(site, info.next())));
        Html edit = info.editUrl() == null ? Html.EMPTY
                : Html.format("<a class=\"docs-edit\" href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">Edit this page</a>", Html.safeUrl(info.editUrl()));
        return Optional.of(Html.format("""
                <div class="techdocs-reader" data-docs-site="{}" data-techdocs-assets="{}">\
                <nav class="techdocs-nav" aria-label="Docs">\
                <p class="techdocs-site-name"><a href="{}">{}</a></p>\
                <form class="techdocs-search" action="{}-/search" method="get" role="search">\
                <input type="search" name="q" placeholder="Search these docs" aria-label="Search these docs" autocomplete="off" \
                hx-get="{}-/search" hx-trigger="input changed delay:200ms, search" hx-target="next .techdocs-search-results" hx-swap="innerHTML"></form>\
                <div class="techdocs-search-results" aria-live="polite"></div>\
                {}</nav>\
                <main class="techdocs-main">{}<article class="techdocs-content">{}</article>{}</main>\
                <aside class="techdocs-toc" aria-label="On this page">{}{}{}</aside></div>""",
                base, ASSETS, base, site.siteName(), base, base, NavHtml.render(site.nav(), url, u -> base + u),
                banner(state, site, base, request), Html.trusted(content), pager,
                toc.isEmpty() ? Html.EMPTY : Html.format("<p class=\"toc-title\">On this page</p><ul>{}</ul>", Html.join(toc)), edit,
                Html.format("<p class=\"docs-meta muted\"><a href=\"{}-/log\">Build log</a>{}</p>", base,
                        site.warnings().isEmpty() ? Html.EMPTY : Html.format(" · {} warning{}", site.warnings().size(), site.warnings().size() == 1 ? "" : "s"))));
    }

    /** What the reader says above the page: a build running, failed or warned. */
    static Html banner(DocsService.State state, DocsSite site, String base, Request request) {
        if (state.building()) {
            return buildingBanner(base);
        }
        if (state.failed()) {
            String error = state.build().map(b -> b.error()).orElse("");
            return Html.format("<div class=\"techdocs-banner error\" role=\"alert\">The latest build failed: {}. You are reading the last good version. "
                    + "<a href=\"{}-/log\">Build log</a> {}</div>", error, base, rebuildForm(base, request, "Try again"));
        }
        if (site != null && !site.warnings().isEmpty()) {
            return Html.format("<div class=\"techdocs-banner warning\">This site was built with {} warning{}. <a href=\"{}-/log\">See them</a></div>",
                    site.warnings().size(), site.warnings().size() == 1 ? "" : "s", base);
        }
        return Html.EMPTY;
    }

    /** The live log of a first build; reloads the page (which then shows the docs) when the build ends. */
    static Html buildProgress(DocsService.State state, String base) {
        String log = state.build().map(b -> b.log() == null ? "" : b.log()).orElse("");
        return Html.format("""
                <section class="techdocs-building" hx-get="{}-/build" hx-trigger="every 1s" hx-swap="outerHTML" aria-busy="true">\
                <p class="progress-label"><span class="spinner" aria-hidden="true"></span> Building the docs… they open here when they are ready.</p>\
                <pre class="techdocs-log" aria-live="polite">{}</pre></section>""", base, log);
    }

    /** Says a newer version is being built; polls until it is, then reloads the page. */
    static Html buildingBanner(String base) {
        return Html.format("<div class=\"techdocs-banner info\" hx-get=\"{}-/build?banner=1\" hx-trigger=\"every 2s\" hx-swap=\"outerHTML\">"
                + "A newer version of these docs is being built; this page reloads when it is ready.</div>", base);
    }

    static Html rebuildForm(String base, Request request, String label) {
        return Html.format("<form class=\"inline\" method=\"post\" action=\"{}-/rebuild\">{}<button class=\"button small\" type=\"submit\">{}</button></form>",
                base, Forms.csrfField(request), label);
    }

    private static String title(DocsSite site, String url) {
        DocsSite.PageInfo info = site.pages().get(url);
        return info == null ? url : info.title();
    }

    /** Makes the relative links and images of a page's content absolute, so the content reads the same anywhere in the portal. */
    static String absolute(String html, String pageUrl) {
        URI base = URI.create(pageUrl);
        Matcher m = URL_ATTRIBUTE.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        while (m.find()) {
            String value = m.group(2);
            String replaced = value;
            if (!value.isEmpty() && !value.startsWith("#") && !value.startsWith("/") && !value.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
                try {
                    replaced = base.resolve(value.replace("&amp;", "&")).toString().replace("&", "&amp;");
                } catch (IllegalArgumentException e) {
                    replaced = value;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "=\"" + replaced + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }
}
