package io.kerberus.platform.http;

import io.kerberus.plugin.Route;
import io.kerberus.plugin.Routes;

/** A plugin's JSON routes under {@code /api/<id>}. */
public final class PluginRoutes implements Routes {

    private final RouteTable table;
    private final String pluginId;
    private final String prefix;

    public PluginRoutes(RouteTable table, String pluginId) {
        this.table = table;
        this.pluginId = pluginId;
        this.prefix = "/api/" + pluginId;
    }

    @Override
    public Route get(String path, Handler handler) {
        return add(RouteTable.Method.GET, path, handler);
    }

    @Override
    public Route post(String path, Handler handler) {
        return add(RouteTable.Method.POST, path, handler);
    }

    @Override
    public Route put(String path, Handler handler) {
        return add(RouteTable.Method.PUT, path, handler);
    }

    @Override
    public Route patch(String path, Handler handler) {
        return add(RouteTable.Method.PATCH, path, handler);
    }

    @Override
    public Route delete(String path, Handler handler) {
        return add(RouteTable.Method.DELETE, path, handler);
    }

    @Override
    public Route all(String path, Handler handler) {
        return table.addRawRoute(pluginId, RouteTable.join(prefix, path), handler);
    }

    @Override
    public Route sse(String path, EventStreamHandler handler) {
        return table.addRoute(pluginId, RouteTable.Method.GET, RouteTable.join(prefix, path), null, handler);
    }

    private Route add(RouteTable.Method method, String path, Handler handler) {
        return table.addRoute(pluginId, method, RouteTable.join(prefix, path), handler, null);
    }
}
