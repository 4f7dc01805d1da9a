package io.kerberus.techdocs.plugin.service;

import io.kerberus.techdocs.plugin.build.DocsSite;
import io.kerberus.techdocs.plugin.markdown.Heading;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a site that MkDocs built (Backstage's techdocs-cli, published by CI for
 * {@code builder: external}) as the portal's reader model: its pages and titles from MkDocs'
 * {@code search/search_index.json}, in nav order, as a flat nav; each page's content from the
 * theme's main element of its {@code index.html}. Such sites keep working during a migration.
 */
final class ForeignSite {

    /** The generator recorded for such sites. */
    static final String GENERATOR = "mkdocs (published by CI)";
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Pattern HEADING = Pattern.compile("<h([23])[^>]*\\bid=\"([^\"]+)\"[^>]*>(.*?)</h\\1>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern PERMALINK = Pattern.compile("<a [^>]*class=\"headerlink\"[^>]*>.*?</a>", Pattern.DOTALL);

    private ForeignSite() {
    }

    /** The reader's model of a MkDocs site, from its metadata and search index; empty without a search index. */
    static Optional<DocsSite> from(byte[] metadata, Optional<byte[]> searchIndex) {
        if (searchIndex.isEmpty()) {
            return Optional.empty();
        }
        JsonNode meta = JSON.readTree(metadata);
        Map<String, DocsSite.PageInfo> pages = new LinkedHashMap<>();
        List<DocsSite.NavNode> nav = new ArrayList<>();
        for (JsonNode doc : JSON.readTree(searchIndex.get()).path("docs")) {
            String location = doc.path("location").asString("");
            if (location.contains("#") || pages.containsKey(location) || !(location.isEmpty() || location.endsWith("/"))) {
                continue;
            }
            String title = doc.path("title").asString(location.isEmpty() ? "Home" : location);
            pages.put(location, new DocsSite.PageInfo(location, title, null, null, List.of(), null, null));
            nav.add(new DocsSite.NavNode(title, location, false, List.of()));
        }
        List<String> order = new ArrayList<>(pages.keySet());
        Map<String, DocsSite.PageInfo> linked = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            DocsSite.PageInfo page = pages.get(order.get(i));
            linked.put(page.url(), new DocsSite.PageInfo(page.url(), page.title(), null, null, List.of(), i > 0 ? order.get(i - 1) : null,
                    i < order.size() - 1 ? order.get(i + 1) : null));
        }
        return Optional.of(new DocsSite(meta.path("site_name").asString("Docs"), meta.path("site_description").asString(""), nav, linked,
                List.of(), List.of(), meta.path("build_timestamp").asLong(0), meta.path("etag").asString(""), GENERATOR));
    }

    /**
     * The page's content in MkDocs' HTML: the inner HTML of Material's {@code <article class="md-content__inner ...">}
     * or of the default theme's {@code <div role="main">}; the whole body when neither is found.
     */
    static String content(String html) {
        int article = html.indexOf("<article");
        if (article >= 0) {
            int start = html.indexOf('>', article) + 1;
            int end = html.lastIndexOf("</article>");
            if (start > 0 && end > start) {
                return html.substring(start, end);
            }
        }
        int main = html.indexOf("role=\"main\"");
        if (main >= 0) {
            int start = html.indexOf('>', main) + 1;
            int end = html.indexOf("<footer", start);
            end = end < 0 ? html.lastIndexOf("</body>") : end;
            if (start > 0 && end > start) {
                return html.substring(start, end);
            }
        }
        int body = html.indexOf("<body");
        int end = html.lastIndexOf("</body>");
        return body >= 0 && end > body ? html.substring(html.indexOf('>', body) + 1, end) : html;
    }

    /** The level 2 and 3 headings of a page's HTML, for its TOC. */
    static List<Heading> toc(String html) {
        List<Heading> toc = new ArrayList<>();
        Matcher m = HEADING.matcher(html);
        while (m.find()) {
            String title = TAG.matcher(PERMALINK.matcher(m.group(3)).replaceAll("")).replaceAll("").replace("¶", "").strip();
            toc.add(new Heading(Integer.parseInt(m.group(1)), m.group(2), unescape(title)));
        }
        return toc;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
