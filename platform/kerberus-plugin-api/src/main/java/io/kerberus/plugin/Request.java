package io.kerberus.plugin;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One HTTP request, as plugins see it. */
public interface Request {

    /** The HTTP method in upper case. */
    String method();

    /** The request path as sent (still percent-encoded), starting with {@code /}, without the query string. */
    String path();

    /** The path parameter {@code name} of the route; throws when the route has no such parameter. */
    String pathParam(String name);

    Optional<String> queryParam(String name);

    /** All values of a repeated query parameter, in order. */
    List<String> queryParams(String name);

    /** Every query parameter and its values, in order. */
    Map<String, List<String>> queryParamMap();

    /** A form field of an {@code application/x-www-form-urlencoded} or multipart body. */
    Optional<String> formParam(String name);

    List<String> formParams(String name);

    /** Every form field and its values, in order: for forms whose fields are generated, such as a template's parameters. */
    Map<String, List<String>> formParamMap();

    Optional<String> header(String name);

    /**
     * Every request header with all its values, in the order sent; the map's keys are
     * case-insensitive. Implementations that cannot list headers return an empty map.
     */
    default Map<String, List<String>> headers() {
        return Map.of();
    }

    /** The query string as sent (still percent-encoded, without the {@code ?}); empty when there is none. */
    default Optional<String> rawQuery() {
        return Optional.empty();
    }

    Optional<String> cookie(String name);

    /** The raw body as text. */
    String body();

    /**
     * The body as a stream, read as it arrives rather than held in memory, for routes that pass it
     * on ({@link Routes#all}). Read the body once: either this or {@link #body()}.
     */
    default InputStream bodyStream() {
        return new ByteArrayInputStream(body().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The JSON body mapped to {@code type} (a record, {@code Map.class}, {@code List.class}).
     *
     * @throws InputException when the body is not JSON of that shape, with the field that failed
     */
    <T> T bodyAs(Class<T> type);

    /** Who sent the request; empty only on routes marked {@link Route#unauthenticated()}. */
    Optional<Principal> principal();

    /** The principal, or a {@link NotAuthenticatedException}. */
    default Principal requirePrincipal() {
        return principal().orElseThrow(() -> new NotAuthenticatedException("This request needs a signed-in user or a token"));
    }

    /**
     * The CSRF token of this visitor's session, to put in forms that post to pages
     * (see {@code Forms.csrfField}); empty without a session.
     */
    String csrfToken();

    /** Whether the request came from htmx ({@code HX-Request} header), wanting a fragment. */
    boolean isHtmx();
}
