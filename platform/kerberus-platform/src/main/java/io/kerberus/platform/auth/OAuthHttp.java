package io.kerberus.platform.auth;

import io.kerberus.plugin.auth.SignInException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The few HTTP calls providers need: JSON GETs and form POSTs, with timeouts and messages that name the provider. */
final class OAuthHttp {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The most an identity provider's answer may hold. */
    static final int MAX_BODY = 1024 * 1024;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String provider;

    OAuthHttp(String provider) {
        this.provider = provider;
    }

    JsonNode getJson(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "application/json").GET();
        headers.forEach(request::header);
        return send(request.build(), url);
    }

    JsonNode postForm(String url, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(form)));
        headers.forEach(request::header);
        return send(request.build(), url);
    }

    /** Form-encodes a client id or secret for HTTP Basic, as RFC 6749 section 2.3.1 asks. */
    static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private JsonNode send(HttpRequest request, String url) {
        HttpResponse<java.io.InputStream> response;
        String text;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    throw new SignInException("The " + provider + " provider answered " + url + " with more than " + MAX_BODY / 1024
                            + " KB; check the provider's URLs in auth.providers." + provider);
                }
                text = new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new SignInException("Cannot reach the " + provider + " provider at " + url + ": " + e.getMessage()
                    + "; check the provider's URLs in auth.providers." + provider, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("Sign-in was interrupted; try again", e);
        }
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (RuntimeException e) {
            throw new SignInException("The " + provider + " provider answered " + url + " with status " + response.statusCode()
                    + " and no JSON; check the provider's URLs in auth.providers." + provider);
        }
        if (response.statusCode() >= 400 && !body.has("error")) {
            throw new SignInException("The " + provider + " provider answered " + url + " with status " + response.statusCode()
                    + (body.has("message") ? ": " + ProviderRoutes.clip(body.path("message").asString()) : ""));
        }
        return body;
    }
}
