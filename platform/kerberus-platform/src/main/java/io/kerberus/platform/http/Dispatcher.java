package io.kerberus.platform.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import io.kerberus.platform.Json;
import io.kerberus.plugin.EventStream;
import io.kerberus.plugin.NotAuthenticatedException;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.View;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Calls plugin handlers: checks the credential and CSRF token, then writes what they return. */
final class Dispatcher {

    private static final String CALLER = "kerberus.caller";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Credentials credentials;
    private final PageRenderer renderer;

    Dispatcher(Credentials credentials, PageRenderer renderer) {
        this.credentials = credentials;
        this.renderer = renderer;
    }

    /** The caller of this request, identified once. */
    Credentials.Caller caller(Context ctx) {
        Credentials.Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            caller = credentials.identify(ctx);
            ctx.attribute(CALLER, caller);
        }
        return caller;
    }

    void json(RouteTable.JsonRoute route, Context ctx) throws Exception {
        Credentials.Caller caller = caller(ctx);
        if (route.authenticated && caller.principal() == null) {
            throw new NotAuthenticatedException("This API needs a credential: sign in, or send 'Authorization: Bearer <token>'");
        }
        if (!SAFE_METHODS.contains(ctx.method().name())) {
            // a pass-through route streams the body on, so the token must come in the header, not a form field
            Credentials.checkCsrf(ctx, caller, !route.raw);
        }
        Object result = route.handler.handle(new JavalinRequest(ctx, caller.principal(), caller.csrfToken()));
        if (result == null) {
            HttpServer.write(ctx, Response.status(204));
        } else if (result instanceof Response response) {
            HttpServer.write(ctx, response);
        } else {
            HttpServer.json(ctx, 200, result);
        }
    }

    void stream(RouteTable.JsonRoute route, SseClient client) {
        Context ctx = client.ctx();
        try {
            Credentials.Caller caller = caller(ctx);
            if (route.authenticated && caller.principal() == null) {
                throw new NotAuthenticatedException("This stream needs a credential");
            }
            route.stream.handle(new JavalinRequest(ctx, caller.principal(), caller.csrfToken()), new EventStream() {
                @Override
                public void send(String event, Object data) {
                    client.sendEvent(event, data instanceof String text ? text : Json.write(data));
                }

                @Override
                public boolean isOpen() {
                    return !client.terminated();
                }
            });
        } catch (Exception e) {
            ErrorBodies.Mapped mapped = ErrorBodies.map(e);
            if (mapped.status() >= 500) {
                HttpServer.log().error("Event stream {} failed", ctx.path(), e);
            }
            client.sendEvent("error", Json.write(ErrorBodies.body(mapped.status(), mapped.name(), mapped.message(), "GET", ctx.path())));
        } finally {
            client.close();
        }
    }

    void page(RouteTable.PageRoute page, Context ctx) throws Exception {
        Credentials.Caller caller = caller(ctx);
        if (page.authenticated && caller.principal() == null) {
            String returnTo = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
            String location = "/sign-in?returnTo=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8);
            ctx.attribute(HttpServer.HANDLED, true);
            if ("true".equals(ctx.header("HX-Request"))) {
                ctx.header("HX-Redirect", location).status(204);
            } else {
                ctx.redirect(location, io.javalin.http.HttpStatus.SEE_OTHER);
            }
            return;
        }
        if (!SAFE_METHODS.contains(ctx.method().name())) {
            Credentials.checkCsrf(ctx, caller, true);
        }
        JavalinRequest request = new JavalinRequest(ctx, caller.principal(), caller.csrfToken());
        Object result = page.handler.handle(request);
        switch (result) {
            case Response response -> HttpServer.write(ctx, response);
            case View view -> writeHtml(ctx, view.status(), renderer.render(pageRequest(ctx, caller), view));
            case Html html -> writeHtml(ctx, 200, renderer.render(pageRequest(ctx, caller), View.of("", html)));
            case null -> HttpServer.write(ctx, Response.status(204));
            default -> throw new IllegalStateException("Page " + page.path + " returned a " + result.getClass().getName()
                    + "; return a View, Html or Response");
        }
    }

    void failure(Context ctx, Exception error) {
        ErrorBodies.Mapped mapped = error instanceof HttpResponseException http ? HttpServer.mapHttpException(http) : ErrorBodies.map(error);
        if (mapped.status() >= 500) {
            HttpServer.log().error("{} {} failed", ctx.method().name(), ctx.path(), error);
        } else {
            HttpServer.log().debug("{} {} answered {}: {}", ctx.method().name(), ctx.path(), mapped.status(), mapped.message());
        }
        if (wantsJson(ctx)) {
            HttpServer.json(ctx, mapped.status(), ErrorBodies.body(mapped.status(), mapped.name(), mapped.message(), ctx.method().name(), ctx.path()));
            return;
        }
        Credentials.Caller caller;
        try {
            caller = caller(ctx);
        } catch (RuntimeException e) {
            caller = Credentials.Caller.NOBODY;
        }
        String title = switch (mapped.status()) {
            case 401 -> "Sign in needed";
            case 403 -> "Not allowed";
            case 404 -> "Page not found";
            default -> mapped.status() >= 500 ? "Something went wrong" : "Bad request";
        };
        writeHtml(ctx, mapped.status(), renderer.error(pageRequest(ctx, caller), mapped.status(), title, mapped.message()));
    }

    private static boolean wantsJson(Context ctx) {
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/metrics")) {
            return true;
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    private static PageRenderer.PageRequest pageRequest(Context ctx, Credentials.Caller caller) {
        String pathAndQuery = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        boolean fragment = "true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-Boosted"));
        return new PageRenderer.PageRequest(ctx.path(), pathAndQuery, caller.principal(), caller.csrfToken(), fragment);
    }

    private static void writeHtml(Context ctx, int status, String html) {
        ctx.attribute(HttpServer.HANDLED, true);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Vary", "HX-Request");
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }
}
