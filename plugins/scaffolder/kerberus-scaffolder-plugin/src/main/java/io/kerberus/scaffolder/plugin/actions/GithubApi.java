package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** The few GitHub REST calls {@code publish:github} makes, with the token in the header only. */
final class GithubApi {

    record Reply(int status, JsonNode body) {
    }

    private final HttpClient http;
    private final String base;
    private final String token;

    GithubApi(HttpClient http, URI apiBaseUrl, String token) {
        this.http = http;
        String text = apiBaseUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.token = token;
    }

    Reply send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), parse(response.body()));
    }

    void check(Reply reply, String what) {
        if (reply.status() == 401 || reply.status() == 403) {
            throw new InputException("GitHub refused to " + what + " (HTTP " + reply.status() + "): "
                    + errorText(reply.body()) + "; check the token's scopes");
        }
        if (reply.status() / 100 != 2) {
            throw new InputException("GitHub failed to " + what + " (HTTP " + reply.status() + "): " + errorText(reply.body()));
        }
    }

    static String errorText(JsonNode body) {
        StringBuilder text = new StringBuilder(body.path("message").asString("no message"));
        for (JsonNode error : body.path("errors").values()) {
            String message = error.path("message").asString("");
            if (!message.isEmpty()) {
                text.append(" (").append(message).append(')');
            }
        }
        return text.toString();
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
