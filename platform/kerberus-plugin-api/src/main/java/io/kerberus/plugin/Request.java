package io.kerberus.plugin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One HTTP request, as plugins see it. */
public interface Request {

    /** The HTTP method in upper case. */
    String method();

    /** The request path, starting with {@code /}, without the query string. */
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

    Optional<String> header(String name);

    Optional<String> cookie(String name);

    /** The raw body as text. */
    String body();

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
