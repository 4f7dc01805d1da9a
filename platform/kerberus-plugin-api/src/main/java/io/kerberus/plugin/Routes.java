package io.kerberus.plugin;

/**
 * JSON routes of a plugin, mounted under {@code /api/<plugin-id>}. Paths use {@code {name}} for
 * path parameters ({@code /entities/by-name/{kind}/{namespace}/{name}}) and {@code <name>} for one
 * that may contain slashes. Every route needs a credential unless marked {@link Route#unauthenticated()}.
 */
public interface Routes {

    Route get(String path, Handler handler);

    Route post(String path, Handler handler);

    Route put(String path, Handler handler);

    Route patch(String path, Handler handler);

    Route delete(String path, Handler handler);

    /**
     * Handles every method (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS) at {@code path}, for
     * handlers that pass requests on, such as the proxy (see docs/adr/0006). Such a handler reads
     * the body as a stream with {@link Request#bodyStream()} (so {@code backend.maxRequestSize} does
     * not apply and nothing is held in memory), sees every header with {@link Request#headers()}, and
     * may return a {@link Response} whose body is an {@link java.io.InputStream}, which is streamed
     * to the client. A state-changing request that rides on the session cookie must send its CSRF
     * token in the {@code X-CSRF-Token} header: a form field would mean reading the body first.
     * Routes are matched in the order they were added, so add this one after the plugin's others.
     */
    Route all(String path, Handler handler);

    /** Server-Sent Events: {@code handler} writes events until it returns or the client leaves. */
    Route sse(String path, EventStreamHandler handler);

    /** Handles one request and returns the response body. */
    @FunctionalInterface
    interface Handler {
        /**
         * Returns the body to send as JSON with status 200, a {@link Response} for anything else,
         * or {@code null} for 204. Throw {@link InputException}, {@link NotFoundException} and the
         * other platform exceptions for errors; they become Backstage-shaped JSON errors.
         */
        Object handle(Request request) throws Exception;
    }

    /** Writes a stream of Server-Sent Events. */
    @FunctionalInterface
    interface EventStreamHandler {
        void handle(Request request, EventStream events) throws Exception;
    }
}
