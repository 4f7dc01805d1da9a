package io.kerberus.catalog.plugin.permission;

import io.kerberus.plugin.Route;
import io.kerberus.plugin.Routes;

/** The catalog's routes, each handler run in {@link CatalogAccess#scope}, so that its queries see the caller's read filter. */
public final class ScopedRoutes implements Routes {

    private final Routes routes;
    private final CatalogAccess access;

    public ScopedRoutes(Routes routes, CatalogAccess access) {
        this.routes = routes;
        this.access = access;
    }

    private Handler wrap(Handler handler) {
        return request -> access.scope(request, () -> handler.handle(request));
    }

    @Override
    public Route get(String path, Handler handler) {
        return routes.get(path, wrap(handler));
    }

    @Override
    public Route post(String path, Handler handler) {
        return routes.post(path, wrap(handler));
    }

    @Override
    public Route put(String path, Handler handler) {
        return routes.put(path, wrap(handler));
    }

    @Override
    public Route patch(String path, Handler handler) {
        return routes.patch(path, wrap(handler));
    }

    @Override
    public Route delete(String path, Handler handler) {
        return routes.delete(path, wrap(handler));
    }

    @Override
    public Route all(String path, Handler handler) {
        return routes.all(path, wrap(handler));
    }

    @Override
    public Route sse(String path, EventStreamHandler handler) {
        return routes.sse(path, (request, events) -> access.scope(request, () -> {
            handler.handle(request, events);
            return null;
        }));
    }
}
