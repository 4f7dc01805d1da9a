package io.kerberus.plugin;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A response with a status, headers and a body: a JSON value, text, bytes or a stream.
 *
 * @param status      the HTTP status
 * @param contentType the content type, or null for JSON bodies
 * @param body        a value serialised as JSON, a {@code String}, {@code byte[]} or {@link InputStream}
 * @param headers     extra response headers; one value per name (join repeated ones with {@code ", "}).
 *                    A {@code Content-Length} or {@code Content-Encoding} among them turns off the
 *                    platform's compression, so that a streamed body is sent byte for byte as declared.
 *                    A {@code Set-Cookie} among them is moved to {@code cookies}
 * @param cookies     {@code Set-Cookie} header values, each sent as its own header, in order
 */
public record Response(int status, String contentType, Object body, Map<String, String> headers, List<String> cookies) {

    public Response {
        List<String> allCookies = new ArrayList<>(cookies);
        Map<String, String> others = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name.equalsIgnoreCase("Set-Cookie")) {
                allCookies.add(value);
            } else {
                others.put(name, value);
            }
        });
        headers = Map.copyOf(others);
        cookies = List.copyOf(allCookies);
    }

    /** A response without cookies. */
    public Response(int status, String contentType, Object body, Map<String, String> headers) {
        this(status, contentType, body, headers, List.of());
    }

    /** A JSON body with the given status. */
    public static Response json(int status, Object body) {
        return new Response(status, null, body, Map.of());
    }

    /** No body. */
    public static Response status(int status) {
        return new Response(status, null, null, Map.of());
    }

    /** A text body with a content type, such as {@code text/plain} or {@code text/html}. */
    public static Response text(int status, String contentType, String body) {
        return new Response(status, contentType, body, Map.of());
    }

    /** A binary body. */
    public static Response bytes(String contentType, byte[] body) {
        return new Response(200, contentType, body, Map.of());
    }

    /** A streamed body; the platform closes the stream. */
    public static Response stream(String contentType, InputStream body) {
        return new Response(200, contentType, body, Map.of());
    }

    /** A 303 redirect to a path of this portal (never an absolute URL from user input). */
    public static Response redirect(String location) {
        return new Response(303, null, null, Map.of("Location", Objects.requireNonNull(location)));
    }

    /**
     * A JSON object whose fields keep the given order, unlike {@code Map.of}, so that clients and
     * people reading the output see the same field order on every call.
     *
     * @param keysAndValues alternating field names and values; null values are kept
     */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("object(...) takes pairs of names and values, got " + keysAndValues.length + " arguments");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    /** A copy with one more header; it replaces a header of that name, except {@code Set-Cookie}, which is added as by {@link #cookie}. */
    public Response header(String name, String value) {
        if (name.equalsIgnoreCase("Set-Cookie")) {
            return cookie(value);
        }
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, contentType, body, copy, cookies);
    }

    /**
     * A copy with one more {@code Set-Cookie} header, such as
     * {@code "name=value; Path=/; HttpOnly; SameSite=Lax"}. Each cookie is sent as its own header.
     */
    public Response cookie(String setCookie) {
        List<String> copy = new ArrayList<>(cookies);
        copy.add(Objects.requireNonNull(setCookie));
        return new Response(status, contentType, body, headers, copy);
    }
}
