package io.kerberus.proxy.plugin;

import io.kerberus.plugin.Config;
import io.kerberus.plugin.ConfigException;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One entry of {@code proxy.endpoints}, in Backstage's shape: a target URL, or an object with
 * {@code target, changeOrigin, pathRewrite, headers, allowedMethods, allowedHeaders, credentials}
 * and Kerberus' {@code timeout}, {@code allowActiveContent} and {@code maxBodySize}.
 *
 * @param path           the endpoint's path below {@code /api/proxy}, starting with {@code /}, no trailing slash
 * @param target         the http(s) URL requests go to
 * @param changeOrigin   whether the target gets its own Host header (Backstage's default) or the caller's
 * @param rewrites       path rewrite rules, in order; Backstage's prefix-stripping rule when none are configured
 * @param headers        headers added to every request to the target; their values are secrets
 * @param allowedMethods the methods let through, upper case; empty lets every method through
 * @param allowedHeaders extra header names (lower case) let through both ways
 * @param credentials    who may call and whether their token goes on
 * @param timeout        how long to wait for the target's response headers
 * @param allowActiveContent whether HTML, SVG, XML, scripts and untyped answers are shown inline (still
 *                       sandboxed) instead of as a download; dangerous, see docs/proxy.md
 * @param maxBodySize    the largest answer body in bytes passed on; 0 for no limit
 */
record ProxyEndpoint(String path, URI target, boolean changeOrigin, List<PathRewrite.Rule> rewrites,
                     Map<String, String> headers, Set<String> allowedMethods, Set<String> allowedHeaders,
                     CredentialsPolicy credentials, Duration timeout, boolean allowActiveContent, long maxBodySize) {

    static final String PREFIX = "/api/proxy";
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    ProxyEndpoint {
        rewrites = List.copyOf(rewrites);
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        allowedMethods = Set.copyOf(allowedMethods);
        allowedHeaders = Set.copyOf(allowedHeaders);
    }

    /** Reads the endpoint at {@code key} of {@code endpoints}; every mistake is an error naming its key path. */
    static ProxyEndpoint from(Config endpoints, String key, Duration defaultTimeout, boolean hostHeaderSettable) {
        String path = normalisePath(key);
        if (endpoints.kindOf(key) == Config.Kind.STRING) {
            URI target = target(endpoints, key, endpoints.getString(key));
            return new ProxyEndpoint(path, target, true, List.of(PathRewrite.defaultRule(PREFIX, path)), Map.of(), Set.of(), Set.of(),
                    CredentialsPolicy.REQUIRE, defaultTimeout, false, 0);
        }
        if (endpoints.kindOf(key) != Config.Kind.OBJECT) {
            throw endpoints.error(key, "must be a target URL or an object with 'target'; for example '/github': https://api.github.com");
        }
        Config config = endpoints.getConfig(key);
        URI target = target(config, "target", config.getString("target"));
        boolean changeOrigin = config.getBoolean("changeOrigin", true);
        if (!changeOrigin && !hostHeaderSettable) {
            throw config.error("changeOrigin", "false needs the JVM option -Djdk.httpclient.allowRestrictedHeaders=host "
                    + "(the kerberus command sets it); add it to the java command line or remove changeOrigin");
        }
        CredentialsPolicy credentials = credentials(config);
        long maxBodySize = config.getOptionalLong("maxBodySize").orElse(0L);
        if (config.has("maxBodySize") && maxBodySize <= 0) {
            throw config.error("maxBodySize", "must be a number of bytes above zero, such as 104857600 for 100 MiB; leave it out for no limit");
        }
        return new ProxyEndpoint(path, target, changeOrigin, rewrites(config, path), headers(config), methods(config),
                allowedHeaders(config, credentials), credentials, config.getDuration("timeout", defaultTimeout),
                config.getBoolean("allowActiveContent", false), maxBodySize);
    }

    /** {@code github}, {@code /github} and {@code /github/} all mean {@code /github}. */
    static String normalisePath(String key) {
        String path = key.startsWith("/") ? key : "/" + key;
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static URI target(Config config, String key, String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (java.net.URISyntaxException e) {
            throw config.error(key, "is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw config.error(key, "must be an http:// or https:// URL with a host, such as https://api.github.com");
        }
        if (uri.getRawUserInfo() != null) {
            throw config.error(key, "must not hold a user or password; send credentials with 'headers' (Authorization: Basic ...)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw config.error(key, "must not have a query or fragment; put query parameters in the request or a pathRewrite");
        }
        return uri;
    }

    private static CredentialsPolicy credentials(Config config) {
        String value = config.getString("credentials", "require");
        return CredentialsPolicy.parse(value).orElseThrow(() -> config.error("credentials",
                "must be one of require, forward, dangerously-allow-unauthenticated"));
    }

    private static List<PathRewrite.Rule> rewrites(Config config, String path) {
        if (!config.has("pathRewrite")) {
            return List.of(PathRewrite.defaultRule(PREFIX, path));
        }
        Config rules = config.getConfig("pathRewrite");
        List<PathRewrite.Rule> out = new ArrayList<>();
        for (String regex : rules.keys()) {
            String replacement = rules.getString(regex);
            try {
                out.add(new PathRewrite.Rule(Pattern.compile(regex), replacement));
            } catch (PatternSyntaxException e) {
                throw rules.error(regex, "is not a valid regular expression: " + e.getDescription());
            }
        }
        return out;
    }

    private static Map<String, String> headers(Config config) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!config.has("headers")) {
            return out;
        }
        Config headers = config.getConfig("headers");
        for (String name : headers.keys()) {
            String value = headers.getString(name);
            String lower = name.toLowerCase(Locale.ROOT);
            if (!TOKEN.matcher(name).matches() || ProxyHeaders.isNeverForwarded(lower) || ProxyHeaders.CLIENT_MANAGED.contains(lower)) {
                throw headers.error(name, "cannot be set on proxied requests (hop-by-hop, cookie, Host or Content-Length headers are managed "
                        + "by the proxy; use changeOrigin for Host)");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw headers.error(name, "must be one line");
            }
            out.put(name, value);
        }
        return out;
    }

    private static Set<String> methods(Config config) {
        Set<String> out = new LinkedHashSet<>();
        for (String method : config.getOptionalStringList("allowedMethods").orElse(List.of())) {
            if (!TOKEN.matcher(method).matches()) {
                throw config.error("allowedMethods", "'" + method + "' is not an HTTP method; use names such as GET, POST");
            }
            out.add(method.toUpperCase(Locale.ROOT));
        }
        return out;
    }

    private static Set<String> allowedHeaders(Config config, CredentialsPolicy credentials) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : config.getOptionalStringList("allowedHeaders").orElse(List.of())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (ProxyHeaders.isNeverForwarded(lower)) {
                throw config.error("allowedHeaders", "'" + name + "' never crosses the proxy: hop-by-hop headers belong to one connection, "
                        + "and cookies would carry the portal's session to the target or let the target set cookies on the portal");
            }
            if (lower.equals("authorization") && credentials != CredentialsPolicy.FORWARD) {
                throw config.error("allowedHeaders", "'Authorization' carries the caller's Kerberus token; set credentials: forward "
                        + "to pass it on, or send the target's credential with 'headers'");
            }
            out.add(lower);
        }
        return out;
    }

    /** Names the endpoint and its target; never the configured header values, which are secrets. */
    @Override
    public String toString() {
        return "ProxyEndpoint[" + path + " -> " + origin() + ", credentials=" + credentials.configValue()
                + ", headers=" + headers.keySet() + "]";
    }

    /** The target's scheme, host and port, safe to show in messages (no path, which may hold a key). */
    String origin() {
        return target.getScheme() + "://" + target.getRawAuthority();
    }
}
