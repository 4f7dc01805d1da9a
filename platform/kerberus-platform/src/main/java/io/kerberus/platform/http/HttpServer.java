package io.kerberus.platform.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.kerberus.platform.Json;
import io.kerberus.platform.StartupException;
import io.kerberus.plugin.NotAuthenticatedException;
import io.kerberus.plugin.Response;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

/**
 * The backend's one HTTP server: plugins' JSON routes and pages, static assets, health and metrics,
 * with identity checks, Backstage-shaped errors, gzip, security headers and a request log.
 */
public final class HttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final Logger REQUESTS = LoggerFactory.getLogger("kerberus.http");
    static final String HANDLED = "kerberus.handled";

    private final BackendSettings settings;
    private final Health health;
    private final PrometheusMeterRegistry metrics;
    private final Javalin javalin;

    public HttpServer(BackendSettings settings, RouteTable table, Credentials credentials, PageRenderer renderer,
                      Health health, PrometheusMeterRegistry metrics) {
        this.settings = settings;
        this.health = health;
        this.metrics = metrics;
        Dispatcher dispatcher = new Dispatcher(credentials, renderer);
        this.javalin = Javalin.create(config -> configure(config, table, dispatcher, renderer));
    }

    private void configure(JavalinConfig config, RouteTable table, Dispatcher dispatcher, PageRenderer renderer) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.concurrency.useVirtualThreads = true;
        config.http.compressionStrategy = CompressionStrategy.GZIP;
        config.http.maxRequestSize = settings.maxRequestSize();
        config.router.ignoreTrailingSlashes = true;
        config.jetty.port = settings.port();
        if (!settings.host().isEmpty()) {
            config.jetty.host = settings.host();
        }
        config.jetty.modifyServer(server -> server.setStopTimeout(Duration.ofSeconds(20).toMillis()));
        config.events.serverStarting(() -> javalinGraceful());
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/static";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "public, max-age=86400");
        });
        config.staticFiles.enableWebjars();
        config.requestLogger.http((ctx, millis) -> logRequest(ctx, millis));
        config.routes.before(ctx -> securityHeaders(ctx));
        config.routes.get("/healthcheck", ctx -> json(ctx, 200, Map.of("status", "ok")));
        config.routes.get("/.backstage/health/v1/liveness", ctx -> json(ctx, 200, Map.of("status", "ok")));
        config.routes.get("/.backstage/health/v1/readiness", this::readiness);
        config.routes.get("/metrics", ctx -> metricsEndpoint(ctx, dispatcher));
        for (RouteTable.JsonRoute route : table.routes) {
            if (route.stream != null) {
                config.routes.sse(route.path, client -> dispatcher.stream(route, client));
            } else {
                config.routes.addHttpHandler(HandlerType.findOrCreate(route.method.name()), route.path, ctx -> dispatcher.json(route, ctx));
            }
        }
        for (RouteTable.PageRoute page : table.pages) {
            config.routes.addHttpHandler(HandlerType.findOrCreate(page.method.name()), page.path, ctx -> dispatcher.page(page, ctx));
        }
        config.routes.exception(Exception.class, (e, ctx) -> dispatcher.failure(ctx, e));
        config.routes.error(404, ctx -> {
            if (ctx.attribute(HANDLED) == null) {
                dispatcher.failure(ctx, new io.kerberus.plugin.NotFoundException("No page or route at " + ctx.path()));
            }
        });
    }

    private void javalinGraceful() {
        var server = javalin.jettyServer().server();
        if (!(server.getHandler() instanceof GracefulHandler)) {
            GracefulHandler graceful = new GracefulHandler();
            graceful.setHandler(server.getHandler());
            server.setHandler(graceful);
        }
    }

    /** Starts listening. */
    public void start() {
        try {
            javalin.start();
        } catch (RuntimeException e) {
            throw new StartupException("Cannot listen on port " + settings.port() + ": " + rootMessage(e)
                    + ". Stop the other process on that port or start with --port.", e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return javalin.port();
    }

    /** Fails readiness, waits the configured delay, then stops taking requests and lets running ones finish. */
    public void stop() {
        health.stopping();
        if (!settings.shutdownDelay().isZero()) {
            try {
                Thread.sleep(settings.shutdownDelay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        javalin.stop();
    }

    private void readiness(Context ctx) {
        switch (health.state()) {
            case READY -> json(ctx, 200, Map.of("status", "ok"));
            case STARTING -> json(ctx, 503, Map.of("status", "error", "message", "Backend has not started yet"));
            case STOPPING -> json(ctx, 503, Map.of("status", "error", "message", "Backend is shutting down"));
        }
    }

    private void metricsEndpoint(Context ctx, Dispatcher dispatcher) {
        if (!settings.publicMetrics() && dispatcher.caller(ctx).principal() == null) {
            throw new NotAuthenticatedException("/metrics needs a credential (a static token from backend.auth.externalAccess), "
                    + "or set backend.metrics.public: true");
        }
        ctx.attribute(HANDLED, true);
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.header("Content-Security-Policy", settings.cspHeader());
    }

    private void logRequest(Context ctx, float millis) {
        String route = routeOf(ctx);
        int status = ctx.status().getCode();
        metrics.timer("http.server.requests", "method", ctx.method().name(), "uri", route, "status", Integer.toString(status))
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
        if (ctx.path().startsWith("/static/") || ctx.path().startsWith("/webjars/") || ctx.path().startsWith("/.backstage/health")) {
            REQUESTS.debug("{} {} {} {}ms", ctx.method().name(), ctx.path(), status, Math.round(millis));
        } else {
            REQUESTS.info("{} {} {} {}ms", ctx.method().name(), ctx.path(), status, Math.round(millis));
        }
    }

    private static String routeOf(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return ctx.path().startsWith("/static/") ? "/static/*" : ctx.path().startsWith("/webjars/") ? "/webjars/*" : "unmatched";
        }
    }

    static void json(Context ctx, int status, Object body) {
        ctx.attribute(HANDLED, true);
        ctx.status(status).contentType("application/json").result(Json.writeBytes(body));
    }

    static void write(Context ctx, Response response) {
        ctx.attribute(HANDLED, true);
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        response.cookies().forEach(cookie -> ctx.res().addHeader("Set-Cookie", cookie));
        Object body = response.body();
        if (body == null) {
            return;
        }
        switch (body) {
            case String text -> ctx.contentType(response.contentType() == null ? "text/plain; charset=utf-8" : response.contentType()).result(text);
            case byte[] bytes -> ctx.contentType(response.contentType() == null ? "application/octet-stream" : response.contentType()).result(bytes);
            case InputStream stream -> {
                if (declaresEncodingOrLength(response)) {
                    ctx.disableCompression();
                }
                ctx.contentType(response.contentType() == null ? "application/octet-stream" : response.contentType()).result(stream);
            }
            default -> ctx.contentType(response.contentType() == null ? "application/json" : response.contentType()).result(Json.writeBytes(body));
        }
    }

    /** A stream that states its length or encoding is sent as is: gzip would break either promise. */
    private static boolean declaresEncodingOrLength(Response response) {
        return response.headers().keySet().stream()
                .anyMatch(name -> name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Content-Encoding"));
    }

    static ErrorBodies.Mapped mapHttpException(HttpResponseException e) {
        String name = switch (e.getStatus()) {
            case 400 -> "InputError";
            case 404 -> "NotFoundError";
            case 405 -> "MethodNotAllowedError";
            case 413 -> "PayloadTooLargeError";
            default -> "Error";
        };
        String message = e.getStatus() == 413 ? "The request body is larger than backend.maxRequestSize allows" : e.getMessage();
        return new ErrorBodies.Mapped(e.getStatus(), name, message);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    static Logger log() {
        return LOG;
    }
}
