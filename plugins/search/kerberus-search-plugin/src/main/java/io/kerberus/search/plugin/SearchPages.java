package io.kerberus.search.plugin;

import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.ui.EmptyState;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.Pages;
import io.kerberus.plugin.ui.View;
import io.kerberus.search.SearchDocument;
import io.kerberus.search.SearchQuery;
import io.kerberus.search.SearchResults;
import io.kerberus.search.plugin.collate.CatalogCollator;
import io.kerberus.search.plugin.collate.TechDocsCollator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code /search}: type tabs, facet filters with counts, highlighted results and paging, all
 * updated in place by htmx as the user types; {@code /search/suggest} feeds the header box.
 */
public final class SearchPages {

    static final int PAGE = 20;
    static final int SUGGESTIONS = 8;
    private static final java.util.regex.Pattern MARK = java.util.regex.Pattern.compile("</?mark>");
    private static final Map<String, String> TABS = new LinkedHashMap<>();

    static {
        TABS.put("", "All");
        TABS.put(CatalogCollator.TYPE, "Software catalog");
        TABS.put(TechDocsCollator.TYPE, "Docs");
    }

    private final Searcher searcher;

    public SearchPages(Searcher searcher) {
        this.searcher = searcher;
    }

    public void mount(Pages pages) {
        pages.get("", this::page);
        pages.get("/suggest", this::suggest);
        pages.header(Html.trusted("""
                <form class="header-search" method="get" action="/search" role="search">\
                <input type="search" name="term" placeholder="Search (press /)" aria-label="Search the portal" autocomplete="off" data-search-input \
                hx-get="/search/suggest" hx-trigger="input changed delay:150ms, search" hx-target="next .search-suggestions" hx-swap="innerHTML">\
                <div class="search-suggestions" aria-live="polite"></div></form>"""));
    }

    private Object page(Request request) throws Exception {
        String term = request.queryParam("term").orElse("").strip();
        String type = request.queryParam("type").orElse("");
        if (!TABS.containsKey(type)) {
            type = "";
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String facet : Searcher.FACETS) {
            List<String> values = request.queryParams(facet).stream().filter(v -> !v.isBlank()).toList();
            if (!values.isEmpty()) {
                filters.put(facet, values);
            }
        }
        int page = Math.max(1, request.queryParam("page").map(SearchPages::number).orElse(1));
        SearchResults results;
        try {
            results = searcher.search(new SearchQuery(term, type.isEmpty() ? List.of() : List.of(type), filters, (page - 1) * PAGE, PAGE),
                    request.requirePrincipal(), Searcher.FACETS);
        } catch (InputException e) {
            return View.of("Search", EmptyState.of("Cannot search for that", e.getMessage())).status(400);
        }
        Html tabs = tabs(request, type);
        Html form = form(term, type, filters, results);
        Html list = results.results().isEmpty()
                ? EmptyState.of(term.isEmpty() && filters.isEmpty() ? "Search the portal" : "No results",
                term.isEmpty() && filters.isEmpty() ? "Type a name, a tag or words from the docs." : "Try other words or fewer filters.").html()
                : Html.format("<p class=\"muted search-count\">{} result{}</p><ol class=\"search-results\" start=\"{}\">{}</ol>{}",
                results.total(), results.total() == 1 ? "" : "s", (page - 1) * PAGE + 1, Html.join(items(results)), pager(request, page, results.total()));
        // the title stays "Search": typing updates the results in place, not the heading
        return View.of("Search",
                Html.format("<div id=\"search-view\" class=\"search-view\">{}{}<div class=\"search-body\">{}</div></div>", form, tabs, list));
    }

    private Object suggest(Request request) throws Exception {
        String term = request.queryParam("term").orElse("").strip();
        if (term.isEmpty()) {
            return Html.EMPTY;
        }
        SearchResults results;
        try {
            results = searcher.search(new SearchQuery(term, List.of(), Map.of(), 0, SUGGESTIONS), request.requirePrincipal());
        } catch (InputException e) {
            return Html.format("<p class=\"muted\">{}</p>", e.getMessage());
        }
        List<Html> items = new ArrayList<>();
        for (SearchResults.Result result : results.results()) {
            SearchDocument doc = result.document();
            items.add(Html.format("<li role=\"option\"><a href=\"{}\"><span class=\"suggestion-title\">{}</span> <span class=\"badge muted\">{}</span></a></li>",
                    Html.safeUrl(doc.location()), marked(result.highlight().get("title"), doc.title()), label(doc)));
        }
        String all = "/search?term=" + encode(term);
        return Html.format("<ul class=\"search-suggestion-list\" role=\"listbox\" aria-label=\"Suggestions\">{}<li class=\"see-all\"><a href=\"{}\">{}</a></li></ul>",
                Html.join(items), all, results.total() == 0 ? "No results for “" + term + "”" : "See all " + results.total() + " results");
    }

    private static List<Html> items(SearchResults results) {
        List<Html> items = new ArrayList<>();
        for (SearchResults.Result result : results.results()) {
            SearchDocument doc = result.document();
            String owner = doc.extra().getOrDefault("owner", "");
            String lifecycle = doc.extra().getOrDefault("lifecycle", "");
            String entityTitle = doc.type().equals(TechDocsCollator.TYPE) ? doc.extra().getOrDefault("entityTitle", "") : "";
            StringJoiner meta = new StringJoiner(" · ");
            if (!entityTitle.isEmpty()) {
                meta.add("Docs of " + entityTitle);
            }
            if (!owner.isEmpty()) {
                meta.add("Owner: " + owner);
            }
            if (!lifecycle.isEmpty()) {
                meta.add(lifecycle);
            }
            String snippet = result.highlight().getOrDefault("text", "");
            items.add(Html.format("""
                    <li class="search-result"><a class="search-result-title" href="{}">{}</a> <span class="badge">{}</span>\
                    <p class="search-snippet">{}</p><p class="muted search-meta">{}</p></li>""",
                    Html.safeUrl(doc.location()), marked(result.highlight().get("title"), doc.title()), label(doc),
                    snippet.isEmpty() ? Html.text(shorten(doc.text())) : marked(snippet, ""), meta.toString()));
        }
        return items;
    }

    private Html form(String term, String type, Map<String, List<String>> filters, SearchResults results) {
        List<Html> selects = new ArrayList<>();
        for (String facet : Searcher.FACETS) {
            Map<String, Long> counts = results.facets().getOrDefault(facet, Map.of());
            String selected = filters.getOrDefault(facet, List.of()).stream().findFirst().orElse("");
            List<Html> options = new ArrayList<>();
            options.add(Html.format("<option value=\"\">Any {}</option>", facet));
            counts.forEach((value, count) -> options.add(Html.format("<option value=\"{}\"{}>{} ({})</option>", value,
                    value.equalsIgnoreCase(selected) ? Html.trusted(" selected") : Html.EMPTY, value, count)));
            if (!selected.isEmpty() && counts.keySet().stream().noneMatch(selected::equalsIgnoreCase)) {
                options.add(Html.format("<option value=\"{}\" selected>{} (0)</option>", selected, selected));
            }
            selects.add(Html.format("<label class=\"search-facet\">{} <select name=\"{}\">{}</select></label>", capitalize(facet), facet, Html.join(options)));
        }
        return Html.format("""
                <form class="search-form" method="get" action="/search" role="search" hx-get="/search" hx-target="#search-view" hx-select="#search-view" \
                hx-swap="outerHTML" hx-push-url="true" hx-trigger="submit, change">\
                <input type="search" name="term" value="{}" placeholder="Search the portal" aria-label="Search the portal" autocomplete="off" autofocus \
                hx-get="/search" hx-include="closest form" hx-target="#search-view" hx-select="#search-view" hx-swap="outerHTML" hx-push-url="true" \
                hx-trigger="input changed delay:300ms, search">\
                <input type="hidden" name="type" value="{}"><div class="search-facets row">{}</div>\
                <noscript><button class="button" type="submit">Search</button></noscript></form>""", term, type, Html.join(selects));
    }

    private static Html tabs(Request request, String current) {
        List<Html> links = new ArrayList<>();
        TABS.forEach((type, label) -> {
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("type", type.isEmpty() ? null : type);
            changes.put("page", null);
            links.add(Html.format("<a class=\"tab{}\" href=\"{}\"{}>{}</a>", type.equals(current) ? " active" : "", url(request, changes),
                    type.equals(current) ? Html.trusted(" aria-current=\"page\"") : Html.EMPTY, label));
        });
        return Html.format("<nav class=\"tabs search-tabs\" aria-label=\"Result types\">{}</nav>", Html.join(links));
    }

    private static Html pager(Request request, int page, long total) {
        long pages = (total + PAGE - 1) / PAGE;
        if (pages <= 1) {
            return Html.EMPTY;
        }
        return Html.format("<nav class=\"pager\" aria-label=\"Pages\">{}<span>Page {} of {}</span>{}</nav>",
                page > 1 ? Html.format("<a rel=\"prev\" href=\"{}\">Previous</a>", url(request, Map.of("page", Integer.toString(page - 1)))) : Html.EMPTY,
                page, pages,
                page < pages ? Html.format("<a rel=\"next\" href=\"{}\">Next</a>", url(request, Map.of("page", Integer.toString(page + 1)))) : Html.EMPTY);
    }

    /**
     * A highlight from the engine (escaped text with {@code <mark>} tags) made safe whatever it holds:
     * each text run between the tags is unescaped and escaped again, and only the mark tags stay
     * markup. The plain text when there is no highlight.
     */
    static Html marked(String highlight, String plain) {
        if (highlight == null || highlight.isEmpty()) {
            return Html.text(plain);
        }
        StringBuilder out = new StringBuilder(highlight.length() + 16);
        java.util.regex.Matcher tags = MARK.matcher(highlight);
        int at = 0;
        boolean open = false;
        while (tags.find()) {
            out.append(Html.escape(unescape(highlight.substring(at, tags.start()))));
            boolean opening = tags.group().equals("<mark>");
            if (opening != open) {
                out.append(opening ? "<mark>" : "</mark>");
                open = opening;
            }
            at = tags.end();
        }
        out.append(Html.escape(unescape(highlight.substring(at))));
        if (open) {
            out.append("</mark>");
        }
        return Html.trusted(out.toString());
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
    }

    private static String label(SearchDocument doc) {
        if (doc.type().equals(TechDocsCollator.TYPE)) {
            return "docs";
        }
        String kind = doc.extra().getOrDefault("kind", doc.type()).toLowerCase(java.util.Locale.ROOT);
        String type = doc.extra().getOrDefault("type", "");
        return type.isEmpty() ? kind : kind + " · " + type;
    }

    private static String shorten(String text) {
        return text.length() <= 240 ? text : text.substring(0, 240) + "…";
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String url(Request request, Map<String, String> changes) {
        Map<String, List<String>> params = new LinkedHashMap<>(request.queryParamMap());
        changes.forEach((key, value) -> {
            if (value == null) {
                params.remove(key);
            } else {
                params.put(key, List.of(value));
            }
        });
        StringJoiner query = new StringJoiner("&");
        params.forEach((key, values) -> values.forEach(v -> query.add(encode(key) + "=" + encode(v))));
        return query.length() == 0 ? "/search" : "/search?" + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
