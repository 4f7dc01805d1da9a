package io.kerberus.techdocs.plugin.build;

import io.kerberus.techdocs.plugin.markdown.Heading;
import io.kerberus.techdocs.plugin.markdown.Warning;

import java.util.List;
import java.util.Map;

/**
 * What the portal's reader needs of a built site, stored as {@code kerberus_site.json} beside the
 * pages: the nav, each page's title, TOC, source and neighbours, and the build's warnings.
 *
 * @param siteName        {@code site_name}
 * @param siteDescription {@code site_description}
 * @param nav             the nav tree
 * @param pages           each page by its site-relative URL ({@code ""} for the home page, {@code guide/setup/})
 * @param warnings        the build's warnings, with file and line
 * @param log             the build's log lines
 * @param builtAt         when it was built, epoch millis
 * @param etag            the fingerprint of the source it was built from
 * @param generator       what built it: {@code kerberus 0.1.0}
 */
public record DocsSite(String siteName, String siteDescription, List<NavNode> nav, Map<String, PageInfo> pages, List<Warning> warnings,
                       List<String> log, long builtAt, String etag, String generator) {

    /** The file name of this model inside a site. */
    public static final String FILE = "kerberus_site.json";
    /** Marks the start of a page's rendered Markdown in its {@code index.html}; sanitised content cannot hold comments, so no page can forge it. */
    public static final String CONTENT_START = "<!--kerberus:content-->";
    /** Marks the end of it. */
    public static final String CONTENT_END = "<!--/kerberus:content-->";

    /** The rendered Markdown of a page's {@code index.html}, as the builder wrote it (sanitised); empty when the markers are missing. */
    public static String content(String pageHtml) {
        int start = pageHtml.indexOf(CONTENT_START);
        int end = pageHtml.indexOf(CONTENT_END, Math.max(start, 0));
        return start < 0 || end < 0 ? "" : pageHtml.substring(start + CONTENT_START.length(), end);
    }

    /**
     * An entry of the nav.
     *
     * @param title    what the nav shows
     * @param url      a page's site-relative URL, an external link, or null for a section
     * @param external whether {@code url} leaves the site
     * @param children a section's entries
     */
    public record NavNode(String title, String url, boolean external, List<NavNode> children) {
    }

    /**
     * A page.
     *
     * @param url      its site-relative URL
     * @param title    its title
     * @param source   its docs-relative source path ({@code guide/setup.md})
     * @param editUrl  where to edit it, or null
     * @param toc      its headings
     * @param previous the URL of the page before it in the nav, or null
     * @param next     the URL of the page after it in the nav, or null
     */
    public record PageInfo(String url, String title, String source, String editUrl, List<Heading> toc, String previous, String next) {
    }
}
