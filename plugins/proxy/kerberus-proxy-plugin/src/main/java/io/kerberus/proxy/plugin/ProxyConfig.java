package io.kerberus.proxy.plugin;

import io.kerberus.plugin.Config;

import java.net.http.HttpRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code proxy} config section.
 *
 * @param timeout    how long to wait for a target's response headers, unless an endpoint says otherwise
 * @param endpoints  the endpoints, longest path first so that {@code /a/b} wins over {@code /a}
 * @param legacyForm whether the endpoints came from Backstage's old form (keys right under {@code proxy})
 */
record ProxyConfig(Duration timeout, List<ProxyEndpoint> endpoints, boolean legacyForm) {

    ProxyConfig {
        endpoints = List.copyOf(endpoints);
    }

    /** Reads and checks the whole section. */
    static ProxyConfig from(Config config) {
        return from(config, hostHeaderSettable());
    }

    static ProxyConfig from(Config config, boolean hostHeaderSettable) {
        Duration timeout = config.getDuration("timeout", Duration.ofSeconds(30));
        if (timeout.isNegative() || timeout.isZero()) {
            throw config.error("timeout", "must be longer than zero, for example 30s");
        }
        config.ignore("skipInvalidProxies", "Kerberus always refuses to start with an invalid proxy endpoint");
        config.ignore("reviveConsumedRequestBodies", "request bodies reach the proxy unread");
        List<ProxyEndpoint> endpoints = new ArrayList<>();
        boolean legacy = false;
        if (config.has("endpoints")) {
            Config section = config.getConfig("endpoints");
            section.keys().forEach(key -> endpoints.add(ProxyEndpoint.from(section, key, timeout, hostHeaderSettable)));
        } else {
            for (String key : config.keys()) {
                if (key.startsWith("/")) {
                    endpoints.add(ProxyEndpoint.from(config, key, timeout, hostHeaderSettable));
                    legacy = true;
                }
            }
        }
        Map<String, ProxyEndpoint> seen = new HashMap<>();
        for (ProxyEndpoint endpoint : endpoints) {
            ProxyEndpoint before = seen.putIfAbsent(endpoint.path(), endpoint);
            if (before != null) {
                throw config.error("endpoints", "two endpoints mean " + endpoint.path() + "; keep one of them");
            }
            if (endpoint.path().equals("/")) {
                throw config.error("endpoints", "an endpoint needs a path below /api/proxy, such as '/github'");
            }
        }
        endpoints.sort(Comparator.comparingInt((ProxyEndpoint e) -> e.path().length()).reversed());
        return new ProxyConfig(timeout, endpoints, legacy);
    }

    /**
     * Whether this JVM lets a request carry its own Host header ({@code changeOrigin: false}); the
     * JDK client refuses unless {@code jdk.httpclient.allowRestrictedHeaders} names {@code host}.
     */
    static boolean hostHeaderSettable() {
        try {
            HttpRequest.newBuilder(URI.create("http://localhost/")).header("Host", "localhost");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
