package io.kerberus.platform.http;

import io.kerberus.plugin.Response;
import io.kerberus.plugin.ConflictException;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.NotAllowedException;
import io.kerberus.plugin.NotAuthenticatedException;
import io.kerberus.plugin.NotFoundException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Errors in Backstage's JSON shape: {@code {error: {name, message}, request: {method, url}, response: {statusCode}}}. */
final class ErrorBodies {

    private ErrorBodies() {
    }

    /**
     * How an exception is answered.
     *
     * @param status  the HTTP status
     * @param name    Backstage's error name
     * @param message what the caller sees
     */
    record Mapped(int status, String name, String message) {
    }

    static Mapped map(Throwable error) {
        return switch (error) {
            case InputException e -> new Mapped(400, "InputError", e.getMessage());
            case NotAuthenticatedException e -> new Mapped(401, "AuthenticationError", e.getMessage());
            case NotAllowedException e -> new Mapped(403, "NotAllowedError", e.getMessage());
            case NotFoundException e -> new Mapped(404, "NotFoundError", e.getMessage());
            case ConflictException e -> new Mapped(409, "ConflictError", e.getMessage());
            default -> new Mapped(500, "Error", "Internal server error; the server log has the details");
        };
    }

    static Map<String, Object> body(int status, String name, String message, String method, String url) {
        return Response.object(
                "error", Response.object("name", name, "message", message == null ? name : message),
                "request", Response.object("method", method, "url", url),
                "response", Response.object("statusCode", status));
    }
}
