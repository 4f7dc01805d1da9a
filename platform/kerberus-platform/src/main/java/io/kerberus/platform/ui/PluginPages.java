package io.kerberus.platform.ui;

import io.kerberus.platform.http.RouteTable;
import io.kerberus.plugin.ui.HomeCard;
import io.kerberus.plugin.ui.NavItem;
import io.kerberus.plugin.ui.Pages;

/** A plugin's pages under {@code /<id>}, its nav items and home cards. */
public final class PluginPages implements Pages {

    private final RouteTable table;
    private final String pluginId;
    private final String prefix;

    public PluginPages(RouteTable table, String pluginId) {
        this(table, pluginId, "/" + pluginId);
        table.claimPrefix(prefix, pluginId);
    }

    /** Pages of the platform itself, at absolute paths. */
    public static PluginPages root(RouteTable table) {
        return new PluginPages(table, "platform", "");
    }

    private PluginPages(RouteTable table, String pluginId, String prefix) {
        this.table = table;
        this.pluginId = pluginId;
        this.prefix = prefix;
    }

    @Override
    public Page get(String path, PageHandler handler) {
        return table.addPage(pluginId, RouteTable.Method.GET, join(path), handler);
    }

    @Override
    public Page post(String path, PageHandler handler) {
        return table.addPage(pluginId, RouteTable.Method.POST, join(path), handler);
    }

    @Override
    public void nav(NavItem item) {
        table.addNav(item);
    }

    @Override
    public void homeCard(HomeCard card) {
        table.addHomeCard(card);
    }

    @Override
    public void header(io.kerberus.plugin.ui.Html widget) {
        table.addHeaderWidget(widget);
    }

    @Override
    public Pages under(String other) {
        if (other == null || !other.matches("/[a-z][a-z0-9-]*") || io.kerberus.platform.plugins.PluginSet.RESERVED.contains(other.substring(1))
                || other.equals("/api")) {
            throw new IllegalArgumentException("Plugin " + pluginId + ": pages can go under a free top-level path such as /docs, not " + other);
        }
        table.claimPrefix(other, pluginId);
        return new PluginPages(table, pluginId, other);
    }

    @Override
    public void stylesheet(String path) {
        table.addStylesheet(checkAsset(path));
    }

    @Override
    public void script(String path) {
        table.addScript(checkAsset(path));
    }

    @Override
    public void alias(String absolutePath, String path) {
        if (absolutePath == null || !absolutePath.startsWith("/" + pluginId) || absolutePath.equals(prefix)
                || !absolutePath.matches("/[A-Za-z0-9._~/-]*")) {
            throw new IllegalArgumentException("Plugin " + pluginId + ": an alias must be a plain path starting with /" + pluginId
                    + " (such as /" + pluginId + "-import), not " + absolutePath);
        }
        String target = join(path);
        table.addPage(pluginId, RouteTable.Method.GET, absolutePath, request -> {
            String query = request.queryParamMap().isEmpty() ? "" : "?" + RouteTable.queryString(request.queryParamMap());
            return io.kerberus.plugin.Response.redirect(target + query).header("Cache-Control", "no-store");
        });
    }

    private String checkAsset(String path) {
        if (path == null || !(path.startsWith("/static/" + pluginId + "/") || path.startsWith("/webjars/")) || path.contains("..")) {
            throw new IllegalArgumentException("Plugin " + pluginId + ": stylesheets and scripts are served by the portal itself, from /static/"
                    + pluginId + "/... (classpath folder static/" + pluginId + "/) or /webjars/...; got " + path);
        }
        String resource = path.startsWith("/webjars/") ? "/META-INF/resources" + path : path;
        if (PluginPages.class.getResource(resource) == null) {
            throw new IllegalArgumentException("Plugin " + pluginId + ": no jar holds " + resource.substring(1) + " for " + path
                    + "; put the file under src/main/resources" + (path.startsWith("/webjars/") ? " or add the webjar dependency" : ""));
        }
        return path;
    }

    private String join(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return prefix.isEmpty() ? "/" : prefix;
        }
        return prefix + (path.startsWith("/") ? path : "/" + path);
    }
}
