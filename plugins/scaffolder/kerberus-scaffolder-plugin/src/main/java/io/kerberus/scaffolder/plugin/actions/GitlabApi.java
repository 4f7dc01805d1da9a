package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The GitLab REST (v4) calls the GitLab actions make. As Backstage's {@code createGitlabApi}: the
 * integration's token goes in {@code PRIVATE-TOKEN}, a token given as action input (usually a user's
 * OAuth token) as {@code Authorization: Bearer}. Tokens go in headers only, never in URLs or messages.
 */
final class GitlabApi {

    record Reply(int status, JsonNode body, Optional<String> nextPage) {
    }

    private final HttpClient http;
    private final String base;
    private final String header;
    private final String headerValue;
    private final String token;

    GitlabApi(HttpClient http, URI apiBaseUrl, String token, boolean oauth) {
        this.http = http;
        this.token = token;
        String text = apiBaseUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.header = oauth ? "Authorization" : "PRIVATE-TOKEN";
        this.headerValue = oauth ? "Bearer " + token : token;
    }

    /**
     * The API for the host of a repo URL: the integration serving it, with the action's {@code token} input
     * (as an OAuth token) or else the integration's token.
     */
    static GitlabApi connect(HttpClient http, Function<String, Optional<GitlabIntegration>> integrations, String host,
            ActionInputs in) {
        GitlabIntegration integration = integrations.apply(host).orElseThrow(() -> new InputException(
                "No matching integration configuration for host " + host + ", please check your integrations config"));
        Optional<String> input = in.string("token").filter(s -> !s.isBlank());
        String token = input.or(integration::token).orElseThrow(() -> new InputException("No token available for host "
                + host + "; set integrations.gitlab[].token or pass the token input"));
        return new GitlabApi(http, integration.apiBaseUrl(), token, input.isPresent());
    }

    /** The token, for a git push over http(s); never log it. */
    String token() {
        return token;
    }

    Reply send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header(header, headerValue)
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), parse(response.body()),
                response.headers().firstValue("x-next-page").filter(s -> !s.isBlank()));
    }

    /** Throws with GitLab's message unless the reply is a 2xx. */
    void check(Reply reply, String what) {
        if (reply.status() == 401 || reply.status() == 403) {
            throw new InputException("GitLab refused to " + what + " (HTTP " + reply.status() + "): "
                    + errorText(reply.body()) + "; check the token's scopes (api)");
        }
        if (reply.status() / 100 != 2) {
            throw new InputException("GitLab failed to " + what + " (HTTP " + reply.status() + "): " + errorText(reply.body()));
        }
    }

    /** GitLab's {@code message} (a string, a list or an object of lists) or {@code error}. */
    static String errorText(JsonNode body) {
        JsonNode message = body.path("message");
        if (message.isString()) {
            return message.asString();
        }
        if (message.isContainer()) {
            return message.toString();
        }
        return body.path("error").asString("no message");
    }

    /** A path segment such as a project id {@code group/name}, URL-encoded as GitLab wants it ({@code group%2Fname}). */
    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JsonMapper.shared().readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }
}
