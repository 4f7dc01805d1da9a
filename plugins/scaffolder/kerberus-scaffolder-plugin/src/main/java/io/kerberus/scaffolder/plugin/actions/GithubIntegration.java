package io.kerberus.scaffolder.plugin.actions;

import java.net.URI;
import java.util.Optional;

/**
 * One entry of {@code integrations.github}, as {@code publish:github} needs it.
 *
 * @param host       such as {@code github.com} or a GitHub Enterprise host
 * @param apiBaseUrl the REST API root, {@code https://api.github.com} or {@code https://<host>/api/v3}
 * @param token      the integration's token, if configured
 */
public record GithubIntegration(String host, URI apiBaseUrl, Optional<String> token) {

    /** {@code github.com} with the public API. */
    public static GithubIntegration githubCom(Optional<String> token) {
        return new GithubIntegration("github.com", URI.create("https://api.github.com"), token);
    }

    @Override
    public String toString() {
        return "GithubIntegration[host=" + host + ", apiBaseUrl=" + apiBaseUrl + ", token=" + (token.isPresent() ? "***" : "none") + "]";
    }
}
