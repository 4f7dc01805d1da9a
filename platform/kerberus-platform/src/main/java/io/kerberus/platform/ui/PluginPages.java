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

    private String join(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return prefix.isEmpty() ? "/" : prefix;
        }
        return prefix + (path.startsWith("/") ? path : "/" + path);
    }
}
