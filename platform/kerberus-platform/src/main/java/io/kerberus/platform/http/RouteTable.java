package io.kerberus.platform.http;

import io.kerberus.plugin.Routes;
import io.kerberus.plugin.ui.HomeCard;
import io.kerberus.plugin.ui.NavItem;
import io.kerberus.plugin.ui.Pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every route, page, nav item and home card the plugins added, mounted when the server starts. */
public final class RouteTable {

    /** The HTTP methods routes may use. */
    public enum Method { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS }

    /** A JSON route, or an SSE route when {@code stream} is set; a pass-through route of {@code Routes.all} when {@code raw}. */
    static final class JsonRoute implements io.kerberus.plugin.Route {
        final String pluginId;
        final Method method;
        final String path;
        final Routes.Handler handler;
        final Routes.EventStreamHandler stream;
        final boolean raw;
        volatile boolean authenticated = true;

        JsonRoute(String pluginId, Method method, String path, Routes.Handler handler, Routes.EventStreamHandler stream, boolean raw) {
            this.pluginId = pluginId;
            this.method = method;
            this.path = path;
            this.handler = handler;
            this.stream = stream;
            this.raw = raw;
        }

        @Override
        public io.kerberus.plugin.Route unauthenticated() {
            authenticated = false;
            return this;
        }
    }

    /** An HTML page. */
    public static final class PageRoute implements Pages.Page {
        final String pluginId;
        final Method method;
        final String path;
        final Pages.PageHandler handler;
        volatile boolean authenticated = true;

        PageRoute(String pluginId, Method method, String path, Pages.PageHandler handler) {
            this.pluginId = pluginId;
            this.method = method;
            this.path = path;
            this.handler = handler;
        }

        @Override
        public Pages.Page unauthenticated() {
            authenticated = false;
            return this;
        }
    }

    final List<JsonRoute> routes = new CopyOnWriteArrayList<>();
    final List<PageRoute> pages = new CopyOnWriteArrayList<>();
    private final List<NavItem> nav = new CopyOnWriteArrayList<>();
    private final List<HomeCard> homeCards = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, String> prefixes = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> stylesheets = new CopyOnWriteArrayList<>();
    private final List<String> scripts = new CopyOnWriteArrayList<>();
    private final List<io.kerberus.plugin.ui.Html> headerWidgets = new CopyOnWriteArrayList<>();

    JsonRoute addRoute(String pluginId, Method method, String path, Routes.Handler handler, Routes.EventStreamHandler stream) {
        JsonRoute route = new JsonRoute(pluginId, method, path, handler, stream, false);
        routes.add(route);
        return route;
    }

    /** Adds one pass-through route per method ({@code Routes.all}); the returned options apply to all of them. */
    io.kerberus.plugin.Route addRawRoute(String pluginId, String path, Routes.Handler handler) {
        List<JsonRoute> added = new ArrayList<>();
        for (Method method : Method.values()) {
            JsonRoute route = new JsonRoute(pluginId, method, path, handler, null, true);
            routes.add(route);
            added.add(route);
        }
        return new io.kerberus.plugin.Route() {
            @Override
            public io.kerberus.plugin.Route unauthenticated() {
                added.forEach(JsonRoute::unauthenticated);
                return this;
            }
        };
    }

    /** Adds a page at an absolute path. */
    public PageRoute addPage(String pluginId, Method method, String path, Pages.PageHandler handler) {
        PageRoute page = new PageRoute(pluginId, method, path, handler);
        pages.add(page);
        return page;
    }

    public void addNav(NavItem item) {
        nav.add(item);
    }

    public void addHomeCard(HomeCard card) {
        homeCards.add(card);
    }

    /** Records that a plugin's pages live under a top-level path; a second plugin there is refused. */
    public void claimPrefix(String prefix, String pluginId) {
        String owner = prefixes.putIfAbsent(prefix, pluginId);
        if (owner != null && !owner.equals(pluginId)) {
            throw new IllegalStateException("Plugins " + owner + " and " + pluginId + " both want pages under " + prefix
                    + "; disable one of them or move one's pages");
        }
    }

    public void addStylesheet(String path) {
        if (!stylesheets.contains(path)) {
            stylesheets.add(path);
        }
    }

    public void addScript(String path) {
        if (!scripts.contains(path)) {
            scripts.add(path);
        }
    }

    public void addHeaderWidget(io.kerberus.plugin.ui.Html widget) {
        headerWidgets.add(java.util.Objects.requireNonNull(widget, "widget"));
    }

    /** The plugins' header widgets, in the order they were added. */
    public List<io.kerberus.plugin.ui.Html> headerWidgets() {
        return List.copyOf(headerWidgets);
    }

    /** The plugins' stylesheets, in the order they were added. */
    public List<String> stylesheets() {
        return List.copyOf(stylesheets);
    }

    /** The plugins' scripts, in the order they were added. */
    public List<String> scripts() {
        return List.copyOf(scripts);
    }

    /** Nav items sorted by order, then title. */
    public List<NavItem> nav() {
        List<NavItem> sorted = new ArrayList<>(nav);
        sorted.sort(Comparator.comparingInt(NavItem::order).thenComparing(NavItem::title));
        return sorted;
    }

    /** Home cards sorted by order. */
    public List<HomeCard> homeCards() {
        List<HomeCard> sorted = new ArrayList<>(homeCards);
        sorted.sort(Comparator.comparingInt(HomeCard::order).thenComparing(HomeCard::title));
        return sorted;
    }

    /** Query parameters encoded for a URL. */
    public static String queryString(java.util.Map<String, List<String>> params) {
        java.util.StringJoiner out = new java.util.StringJoiner("&");
        params.forEach((key, values) -> values.forEach(value -> out.add(encode(key) + "=" + encode(value))));
        return out.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Joins a prefix and a plugin-relative path. */
    static String join(String prefix, String path) {
        if (path.isEmpty() || path.equals("/")) {
            return prefix;
        }
        return prefix + (path.startsWith("/") ? path : "/" + path);
    }
}
