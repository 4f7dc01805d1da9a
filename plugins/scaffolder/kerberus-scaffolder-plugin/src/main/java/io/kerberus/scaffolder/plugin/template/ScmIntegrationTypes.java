package io.kerberus.scaffolder.plugin.template;

import java.util.Map;
import java.util.Optional;

/**
 * Which kind of SCM integration serves a host ({@code github}, {@code gitlab}, {@code bitbucket},
 * {@code azure}, {@code gitea}, {@code gerrit}), as Backstage's integrations registry answers it.
 * {@code parseRepoUrl} needs it to know which query parameters a repo URL must carry.
 */
@FunctionalInterface
public interface ScmIntegrationTypes {

    /** The integration type serving {@code host} (which may carry a port), or empty if none does. */
    Optional<String> typeOf(String host);

    /**
     * The hosts Backstage knows without configuration: {@code github.com}, {@code gitlab.com},
     * {@code bitbucket.org} and {@code dev.azure.com}.
     */
    static ScmIntegrationTypes publicHosts() {
        Map<String, String> types = Map.of(
                "github.com", "github",
                "gitlab.com", "gitlab",
                "bitbucket.org", "bitbucket",
                "dev.azure.com", "azure");
        return host -> Optional.ofNullable(types.get(host));
    }

    /** The given host-to-type entries first, then this lookup. */
    default ScmIntegrationTypes with(Map<String, String> typeByHost) {
        return host -> Optional.ofNullable(typeByHost.get(host)).or(() -> typeOf(host));
    }
}
