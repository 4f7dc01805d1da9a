package io.kerberus.scaffolder.plugin;

import io.kerberus.plugin.Config;
import io.kerberus.scaffolder.plugin.actions.GitlabIntegration;
import io.kerberus.scaffolder.plugin.template.ScmIntegrationTypes;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code scaffolder} config section.
 *
 * <pre>
 * scaffolder:
 *   enabled: true               # on by default; false turns the plugin off
 *   workers: 3                  # tasks this replica runs at once
 *   pollInterval: 1s            # how often idle workers look for open tasks
 *   heartbeatInterval: 10s      # how often a replica renews the heartbeat of its tasks
 *   heartbeatTimeout: 1m        # a task whose heartbeat is older is marked failed by any replica
 *   workspaceRetention: 1h      # how long a failed task's workspace is kept for a retry
 *   taskRetention: 30d          # ended tasks older than this are deleted with their steps and events
 * </pre>
 *
 * @param workers            worker threads per replica
 * @param pollInterval       time between looks for open tasks
 * @param heartbeatInterval  time between heartbeats
 * @param heartbeatTimeout   age of a heartbeat after which the task counts as lost
 * @param workspaceRetention how long the workspace of a failed task stays for {@code retry}
 * @param scmTypes           the SCM integration type of each host, for {@code parseRepoUrl}
 * @param github             {@code integrations.github} by host ({@code host}, {@code apiBaseUrl}, {@code token}), for {@code publish:github}
 * @param taskRetention      how long ended tasks (completed, failed, cancelled) are kept before the clean-up job deletes them
 * @param gitlab             {@code integrations.gitlab} by host ({@code host}, {@code apiBaseUrl}, {@code baseUrl}, {@code token}),
 *                           for the {@code publish:gitlab} actions; {@code gitlab.com} without a token when not configured
 */
public record ScaffolderConfig(int workers, Duration pollInterval, Duration heartbeatInterval, Duration heartbeatTimeout,
                               Duration workspaceRetention, ScmIntegrationTypes scmTypes,
                               Map<String, io.kerberus.scaffolder.plugin.actions.GithubIntegration> github, Duration taskRetention,
                               Map<String, GitlabIntegration> gitlab) {

    private static final List<String> GITLAB_KEYS = List.of("host", "apiBaseUrl", "baseUrl", "token", "commitSigningKey", "retry");

    private static final List<String> SCM_TYPES = List.of("github", "gitlab", "bitbucket", "bitbucketCloud", "bitbucketServer",
            "azure", "gitea", "gerrit");

    /** Reads and checks the plugin's section; {@code root} gives the hosts of {@code integrations}. */
    public static ScaffolderConfig from(Config config, Config root) {
        int workers = config.getInt("workers", 3);
        if (workers < 1 || workers > 64) {
            throw config.error("workers", "must be between 1 and 64, for example 3");
        }
        Duration poll = positive(config, "pollInterval", Duration.ofSeconds(1));
        Duration timeout = positive(config, "heartbeatTimeout", Duration.ofMinutes(1));
        Duration beat = positive(config, "heartbeatInterval", min(Duration.ofSeconds(10), timeout.dividedBy(4)));
        if (beat.multipliedBy(2).compareTo(timeout) > 0) {
            throw config.error("heartbeatInterval", "must be at most half of scaffolder.heartbeatTimeout (" + timeout + ")"
                    + ", or live tasks would be marked failed");
        }
        Duration retention = config.getDuration("workspaceRetention", Duration.ofHours(1));
        if (retention.isNegative()) {
            throw config.error("workspaceRetention", "must not be negative, for example 1h");
        }
        Duration taskRetention = config.getDuration("taskRetention", Duration.ofDays(30));
        if (taskRetention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw config.error("taskRetention", "must be at least 1m, for example 30d or PT720H");
        }
        return new ScaffolderConfig(workers, poll, beat, timeout, retention, ScmIntegrationTypes.publicHosts().with(scmHosts(root)), github(root),
                taskRetention, gitlab(root));
    }

    private static Duration positive(Config config, String key, Duration fallback) {
        Duration value = config.getDuration(key, fallback);
        if (value.isNegative() || value.isZero()) {
            throw config.error(key, "must be positive, for example " + fallback.toSeconds() + "s");
        }
        return value;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** {@code integrations.github[]}: host (github.com by default), apiBaseUrl (https://api.github.com for github.com) and token. */
    private static Map<String, io.kerberus.scaffolder.plugin.actions.GithubIntegration> github(Config root) {
        Map<String, io.kerberus.scaffolder.plugin.actions.GithubIntegration> out = new LinkedHashMap<>();
        root.getOptionalConfig("integrations").flatMap(i -> i.getOptionalConfigList("github")).orElse(List.of()).forEach(entry -> {
            String host = entry.getString("host", "github.com");
            String api = entry.getOptionalString("apiBaseUrl").orElse(host.equals("github.com") ? "https://api.github.com" : "https://" + host + "/api/v3");
            try {
                out.put(host, new io.kerberus.scaffolder.plugin.actions.GithubIntegration(host, java.net.URI.create(api), entry.getOptionalString("token")));
            } catch (IllegalArgumentException e) {
                throw entry.error("apiBaseUrl", "is not a URL: " + api);
            }
        });
        return Map.copyOf(out);
    }

    /**
     * {@code integrations.gitlab[]}: host (gitlab.com by default), apiBaseUrl ({@code https://<host>/api/v4}), baseUrl
     * ({@code https://<host>}) and token. Nobody else claims {@code integrations}, so unknown keys are refused here.
     */
    private static Map<String, GitlabIntegration> gitlab(Config root) {
        Map<String, GitlabIntegration> out = new LinkedHashMap<>();
        root.getOptionalConfig("integrations").flatMap(i -> i.getOptionalConfigList("gitlab")).orElse(List.of()).forEach(entry -> {
            for (String key : entry.keys()) {
                if (!GITLAB_KEYS.contains(key)) {
                    throw entry.error(key, "unknown key; integrations.gitlab[] takes " + String.join(", ", GITLAB_KEYS));
                }
            }
            entry.ignore("commitSigningKey", "commit signing is not supported by the Kerberus GitLab actions");
            entry.ignore("retry", "GitLab requests are not retried by Kerberus");
            String host = entry.getString("host", "gitlab.com");
            if (host.isBlank() || host.contains("/")) {
                throw entry.error("host", "must be a host name such as gitlab.com or gitlab.example.com:8443");
            }
            out.put(host, new GitlabIntegration(host, url(entry, "apiBaseUrl", "https://" + host + "/api/v4"),
                    url(entry, "baseUrl", "https://" + host), entry.getOptionalString("token")));
        });
        out.putIfAbsent("gitlab.com", GitlabIntegration.gitlabCom(java.util.Optional.empty()));
        return Map.copyOf(out);
    }

    private static java.net.URI url(Config entry, String key, String fallback) {
        String value = entry.getOptionalString(key).orElse(fallback);
        try {
            java.net.URI uri = new java.net.URI(value);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw entry.error(key, "must be an http(s) URL, for example " + fallback + "; got " + value);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw entry.error(key, "is not a URL: " + value);
        }
    }

    /** {@code integrations.<type>[].host}, as Backstage's integrations registry knows them. */
    private static Map<String, String> scmHosts(Config root) {
        Map<String, String> hosts = new LinkedHashMap<>();
        root.getOptionalConfig("integrations").ifPresent(integrations -> {
            for (String type : SCM_TYPES) {
                for (Config entry : integrations.getOptionalConfigList(type).orElse(List.of())) {
                    entry.getOptionalString("host").ifPresent(host -> hosts.put(host, type.startsWith("bitbucket") ? "bitbucket" : type));
                }
            }
        });
        return hosts;
    }
}
