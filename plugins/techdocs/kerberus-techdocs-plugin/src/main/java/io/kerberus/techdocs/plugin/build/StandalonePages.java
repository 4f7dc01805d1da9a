package io.kerberus.techdocs.plugin.build;

import io.kerberus.plugin.ui.Html;
import io.kerberus.techdocs.plugin.markdown.Heading;
import io.kerberus.techdocs.plugin.markdown.RenderedPage;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTML of a built site read outside the portal (opened from disk or a static host, like
 * {@code mkdocs build}'s output). The nav is written once, as {@value #NAV_SCRIPT}, which draws it into
 * each page's {@code .site-nav}; a page holds only its own content, TOC and pager. Drawing the whole
 * nav into every page made a 500-page site 30 MB and its writing O(pages²); the portal's reader never
 * used it (it draws the nav from {@link DocsSite} and takes only the content between the markers).
 * Without JavaScript, the nav is a link to {@value #SITE_MAP}: the whole nav on one page.
 */
final class StandalonePages {

    static final String NAV_SCRIPT = "assets/nav.js";
    static final String SITE_MAP = "assets/site-map.html";
    private static final String SCRIPT_RESOURCE = "/static/techdocs/standalone-nav.js";

    private final String siteName;
    private final NavHtml.Compiled nav;

    StandalonePages(String siteName, List<DocsSite.NavNode> nav) {
        this.siteName = siteName;
        this.nav = NavHtml.compile(nav);
    }

    /**
     * A page; {@code previousTitle} and {@code nextTitle} name its neighbours in the nav.
     */
    String page(DocsSite.PageInfo info, RenderedPage page, String previousTitle, String nextTitle) {
        String root = PageUrls.relative(info.url(), "");
        List<Html> toc = new ArrayList<>(info.toc().size());
        for (Heading heading : info.toc()) {
            toc.add(Html.format("<li class=\"toc-{}\"><a href=\"#{}\">{}</a></li>", heading.level(), heading.id(), heading.title()));
        }
        Html pager = Html.format("<nav class=\"docs-pager\">{}{}</nav>",
                info.previous() == null ? Html.EMPTY
                        : Html.format("<a rel=\"prev\" href=\"{}\">← {}</a>", PageUrls.relative(info.url(), info.previous()), previousTitle),
                info.next() == null ? Html.EMPTY
                        : Html.format("<a rel=\"next\" href=\"{}\">{} →</a>", PageUrls.relative(info.url(), info.next()), nextTitle));
        return Html.format("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
                <title>{} · {}</title><link rel="stylesheet" href="{}assets/standalone.css"><link rel="stylesheet" href="{}assets/content.css"></head>
                <body><header class="site-header"><a href="{}">{}</a></header><div class="site">\
                <nav class="site-nav" data-root="{}" data-page="{}"><noscript><a href="{}{}">Site map</a></noscript></nav>\
                <main>{}<article class="techdocs-content">{}</article>{}{}</main><aside class="site-toc"><ul>{}</ul></aside></div>\
                <script src="{}{}"></script></body></html>
                """, info.title(), siteName, root, root, root, siteName, root, info.url(), root, SITE_MAP,
                Html.trusted(DocsSite.CONTENT_START), Html.trusted(page.html()), Html.trusted(DocsSite.CONTENT_END), pager, Html.join(toc),
                root, NAV_SCRIPT).toString();
    }

    /** {@value #NAV_SCRIPT}: the drawing code with the nav's markup, links relative to the site root. */
    byte[] navScript() {
        String markup = nav.render(null, url -> url.isEmpty() ? "./" : url).toString();
        try (InputStream in = StandalonePages.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT_RESOURCE + " is missing from the plugin's jar");
            }
            String code = new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
            return (code + "(" + JsonMapper.shared().writeValueAsString(markup) + ");\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@value #SITE_MAP}: the whole nav, every section open, for readers without JavaScript. */
    byte[] siteMap() {
        // titles are escaped, so the only "<details>" in the markup are the sections'
        String markup = nav.render(null, url -> "../" + url).toString().replace("<details>", "<details open>");
        return Html.format("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
                <title>Site map · {}</title><link rel="stylesheet" href="standalone.css"></head>
                <body><header class="site-header"><a href="../">{}</a></header><div class="site"><nav class="site-nav">{}</nav></div></body></html>
                """, siteName, siteName, Html.trusted(markup)).toString().getBytes(StandardCharsets.UTF_8);
    }
}
