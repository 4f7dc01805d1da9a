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
