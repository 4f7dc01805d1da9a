package io.kerberus.scaffolder.plugin.actions;

import java.net.URI;
import java.util.Optional;

/**
 * One entry of {@code integrations.gitlab}, as {@code publish:gitlab} and {@code publish:gitlab:merge-request} need it.
 *
 * @param host       such as {@code gitlab.com} or a self-managed host
 * @param apiBaseUrl the REST API root, {@code https://<host>/api/v4} by default
 * @param baseUrl    the web root, {@code https://<host>} by default
 * @param token      the integration's token, if configured (sent as {@code PRIVATE-TOKEN})
 */
public record GitlabIntegration(String host, URI apiBaseUrl, URI baseUrl, Optional<String> token) {

    /** {@code gitlab.com} with the public API, which Backstage knows without configuration. */
    public static GitlabIntegration gitlabCom(Optional<String> token) {
        return new GitlabIntegration("gitlab.com", URI.create("https://gitlab.com/api/v4"), URI.create("https://gitlab.com"), token);
    }

    @Override
    public String toString() {
        return "GitlabIntegration[host=" + host + ", apiBaseUrl=" + apiBaseUrl + ", baseUrl=" + baseUrl
                + ", token=" + (token.isPresent() ? "***" : "none") + "]";
    }
}
