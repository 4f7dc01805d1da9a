package io.kerberus.platform.http;

import io.kerberus.plugin.Config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP settings under {@code backend}.
 *
 * @param baseUrl        the URL browsers reach the portal at ({@code backend.baseUrl})
 * @param host           the interface to bind ({@code backend.listen.host}), empty for all
 * @param port           the port ({@code backend.listen.port}), 0 for any free one
 * @param maxRequestSize the largest request body in bytes ({@code backend.maxRequestSize})
 * @param shutdownDelay  how long readiness fails before the server stops ({@code backend.lifecycle.serverShutdownDelay})
 * @param csp            the Content-Security-Policy directives ({@code backend.csp} merged into the defaults)
 * @param publicMetrics  whether {@code /metrics} answers without a credential ({@code backend.metrics.public})
 */
public record BackendSettings(String baseUrl, String host, int port, long maxRequestSize, Duration shutdownDelay,
                              Map<String, List<String>> csp, boolean publicMetrics) {

    static final Map<String, List<String>> DEFAULT_CSP = defaultCsp();

    public static BackendSettings from(Config backend, Integer portOverride) {
        int port = 7007;
        String host = "";
        if (backend.kindOf("listen") == Config.Kind.STRING) {
            String listen = backend.getString("listen");
            int colon = listen.lastIndexOf(':');
            host = colon >= 0 ? listen.substring(0, colon) : "";
            port = parsePort(backend, colon >= 0 ? listen.substring(colon + 1) : listen);
        } else if (backend.kindOf("listen") == Config.Kind.OBJECT) {
            Config listen = backend.getConfig("listen");
            host = listen.getString("host", "");
            port = listen.getOptionalInt("port").orElse(7007);
            if (port < 0 || port > 65535) {
                throw listen.error("port", "must be between 0 and 65535");
            }
        }
        if (portOverride != null) {
            port = portOverride;
        }
        String baseUrl = backend.getString("baseUrl", "http://localhost:" + port).replaceAll("/+$", "");
        try {
            URI uri = URI.create(baseUrl);
            if (uri.getScheme() == null || uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
                throw backend.error("baseUrl", "expected an http(s) URL such as https://portal.example.com but found \"" + baseUrl + "\"");
            }
        } catch (IllegalArgumentException e) {
            throw backend.error("baseUrl", "is not a valid URL: " + e.getMessage());
        }
        long maxRequestSize = backend.getOptionalLong("maxRequestSize").orElse(5L * 1024 * 1024);
        Duration shutdownDelay = backend.getOptionalConfig("lifecycle")
                .map(l -> {
                    l.ignore("startupRequestPauseTimeout", "Kerberus opens its port only when it is ready");
                    return l.getDuration("serverShutdownDelay", Duration.ZERO);
                }).orElse(Duration.ZERO);
        boolean publicMetrics = backend.getOptionalConfig("metrics").map(m -> {
            m.ignore("plugin", "Kerberus serves all metrics at /metrics");
            return m.getBoolean("public", false);
        }).orElse(false);
        for (String key : List.of("cors", "https", "trustProxy", "server", "reading", "cache", "auditor", "actions", "referrer",
                "health", "tracing", "rateLimit")) {
            backend.ignore(key, "a Backstage setting Kerberus does not use yet; it has no effect");
        }
        return new BackendSettings(baseUrl, host, port, maxRequestSize, shutdownDelay, csp(backend), publicMetrics);
    }

    private static int parsePort(Config backend, String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw backend.error("listen", "expected a port or host:port such as 0.0.0.0:7007 but found \"" + text + "\"");
    }

    private static Map<String, List<String>> csp(Config backend) {
        Map<String, List<String>> directives = new LinkedHashMap<>(DEFAULT_CSP);
        backend.getOptionalConfig("csp").ifPresent(csp -> {
            for (String directive : csp.keys()) {
                if (csp.kindOf(directive) == Config.Kind.BOOLEAN && !csp.getBoolean(directive)) {
                    directives.remove(directive);
                } else {
                    List<String> values = csp.getStringList(directive);
                    for (String value : values) {
                        if (!value.matches("[A-Za-z0-9'*:/._+=-]+")) {
                            throw csp.error(directive, "has an invalid source \"" + value + "\"");
                        }
                    }
                    directives.put(directive, values);
                }
            }
        });
        return directives;
    }

    private static Map<String, List<String>> defaultCsp() {
        Map<String, List<String>> csp = new LinkedHashMap<>();
        csp.put("default-src", List.of("'self'"));
        csp.put("script-src", List.of("'self'"));
        csp.put("style-src", List.of("'self'", "'unsafe-inline'"));
        csp.put("img-src", List.of("'self'", "data:", "https:"));
        csp.put("font-src", List.of("'self'", "data:"));
        csp.put("connect-src", List.of("'self'"));
        csp.put("frame-ancestors", List.of("'self'"));
        csp.put("base-uri", List.of("'self'"));
        csp.put("form-action", List.of("'self'"));
        csp.put("object-src", List.of("'none'"));
        return java.util.Collections.unmodifiableMap(csp);
    }

    /** The Content-Security-Policy header value. */
    public String cspHeader() {
        StringBuilder out = new StringBuilder();
        csp.forEach((directive, values) -> out.append(out.isEmpty() ? "" : "; ").append(directive).append(' ').append(String.join(" ", values)));
        return out.toString();
    }
}
