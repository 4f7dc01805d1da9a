package io.kerberus.scaffolder.plugin;

import io.kerberus.plugin.Config;
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
 */
public record ScaffolderConfig(int workers, Duration pollInterval, Duration heartbeatInterval, Duration heartbeatTimeout,
                               Duration workspaceRetention, ScmIntegrationTypes scmTypes,
                               Map<String, io.kerberus.scaffolder.plugin.actions.GithubIntegration> github, Duration taskRetention) {

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
                taskRetention);
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
