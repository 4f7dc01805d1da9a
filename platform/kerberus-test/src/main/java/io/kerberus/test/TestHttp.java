package io.kerberus.test;

import io.kerberus.platform.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small HTTP client for tests: requests against one backend, optionally with a bearer token.
 * Redirects are not followed, so tests see them.
 */
public final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final String token;

    TestHttp(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The same client sending {@code Authorization: Bearer token}. */
    public TestHttp withToken(String bearer) {
        return new TestHttp(baseUrl, bearer);
    }

    /**
     * The same client with a guest user token: enters as guest with the sign-in form, then asks
     * {@code /api/auth/guest/refresh} with that session, as the browser does.
     */
    public TestHttp asGuest() {
        String signInCookie = get("/sign-in").header("Set-Cookie").orElseThrow().split(";")[0];
        String formToken = signInCookie.substring(signInCookie.indexOf('=') + 1);
        Result signedIn = send(request("/auth/guest/sign-in").header("Cookie", signInCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(formToken, java.nio.charset.StandardCharsets.UTF_8)
                        + "&returnTo=/")).build());
        if (signedIn.status() != 303) {
            throw new IllegalStateException("Guest sign-in failed: " + signedIn.status() + " " + signedIn.body());
        }
        String session = signedIn.header("Set-Cookie").orElseThrow().split(";")[0];
        Result refresh = send(request("/api/auth/guest/refresh").header("Cookie", session)
                .header("X-Requested-With", "XMLHttpRequest").GET().build());
        if (refresh.status() != 200) {
            throw new IllegalStateException("Guest sign-in failed: " + refresh.status() + " " + refresh.body());
        }
        return withToken(refresh.json().path("backstageIdentity").path("token").asString());
    }

    /** The same client with the test backend's static token. */
    public TestHttp asStaticClient() {
        return withToken(TestBackend.STATIC_TOKEN);
    }

    public Result get(String path) {
        return send(request(path).GET().build());
    }

    public Result delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** POSTs a JSON body (an empty string sends no body). */
    public Result post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** POSTs a JSON-serialised value. */
    public Result postJson(String path, Object body) {
        return post(path, Json.write(body));
    }

    /** Sends any request built from {@link #request}. */
    public Result send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request builder for a path of the backend, with this client's token. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /**
     * A response.
     *
     * @param status  the status code
     * @param headers the headers, names in lower case
     * @param body    the body as text
     */
    public record Result(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            return Json.MAPPER.readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** Every value of a header that may repeat, such as {@code Set-Cookie}. */
        public List<String> headerValues(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }
    }
}
