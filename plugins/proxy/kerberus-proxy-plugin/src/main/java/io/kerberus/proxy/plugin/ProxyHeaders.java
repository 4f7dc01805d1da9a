package io.kerberus.proxy.plugin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which headers cross the proxy. Requests carry only Backstage's safe headers, the endpoint's
 * configured {@code headers} and its {@code allowedHeaders}; responses carry the safe headers, a few
 * more a download or cache needs, and {@code allowedHeaders}, plus the proxy's own protections (a
 * sandbox policy, {@code nosniff}, downloads for active content). Hop-by-hop headers, cookies and
 * {@code Set-Cookie} never cross, whatever the config says.
 */
final class ProxyHeaders {

    /** Backstage's request headers that are always forwarded (the CORS-safelisted ones and a few more). */
    static final Set<String> SAFE = Set.of("cache-control", "content-language", "content-length", "content-type",
            "expires", "last-modified", "pragma", "host", "accept", "accept-language", "user-agent");

    /**
     * Response headers Kerberus passes on beyond Backstage's list, so that compressed bodies,
     * downloads and caching work; none of them carries a credential. {@code Location} passes too,
     * but only rewritten onto the proxy (see {@link #location}).
     */
    static final Set<String> SAFE_RESPONSE_EXTRA = Set.of("content-encoding", "content-disposition", "content-range",
            "accept-ranges", "etag", "retry-after", "vary");

    /**
     * The policy of every proxied answer, in place of the portal's own: the answer is its own
     * sandboxed origin (no scripts, forms or plugins) and loads nothing.
     */
    static final String SANDBOX_CSP = "sandbox; default-src 'none'";

    /** Response headers the proxy sets itself, whatever the target or {@code allowedHeaders} say. */
    private static final Set<String> PROXY_MANAGED = Set.of("content-type", ":status", "location", "content-security-policy",
            "content-security-policy-report-only", "x-content-type-options");

    /**
     * Content types a browser shows without running anything; every other type, and an answer
     * without one, could run script or be sniffed, so it is sent as a download.
     */
    private static final Set<String> PASSIVE_TYPES = Set.of("application/json", "application/x-ndjson", "application/octet-stream",
            "text/plain", "text/csv", "text/event-stream");

    /** Headers about one connection (RFC 9110 section 7.6.1), never forwarded either way. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade");

    /** Cookies of the portal must not reach a target, and a target must not set cookies on the portal's origin. */
    static final Set<String> COOKIES = Set.of("cookie", "set-cookie", "cookie2", "set-cookie2");

    /** Headers the JDK client sets itself: its own framing and, unless changeOrigin is false, the target's Host. */
    static final Set<String> CLIENT_MANAGED = Set.of("content-length", "expect", "host");

    private ProxyHeaders() {
    }

    /** Whether a header name may never be allowed through, whatever the config says. */
    static boolean isNeverForwarded(String lowerName) {
        return HOP_BY_HOP.contains(lowerName) || COOKIES.contains(lowerName) || lowerName.startsWith("proxy-");
    }

    /**
     * The caller's headers that go to the target, then the endpoint's configured headers over them.
     * The caller's {@code Authorization} goes on only for {@code credentials: forward}.
     */
    static Map<String, List<String>> request(ProxyEndpoint endpoint, Map<String, List<String>> incoming) {
        Set<String> dropped = connectionNamed(incoming);
        Map<String, List<String>> out = new LinkedHashMap<>();
        incoming.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean allowed = SAFE.contains(lower) || endpoint.allowedHeaders().contains(lower)
                    || lower.equals("authorization") && endpoint.credentials() == CredentialsPolicy.FORWARD;
            if (allowed && !isNeverForwarded(lower) && !dropped.contains(lower) && !CLIENT_MANAGED.contains(lower)) {
                out.put(name, values);
            }
        });
        endpoint.headers().forEach((name, value) -> {
            out.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            out.put(name, List.of(value));
        });
        return out;
    }

    /**
     * The target's headers that go back to the caller, repeated values joined with {@code ", "}, with
     * the proxy's protections: the sandbox policy and {@code nosniff} on every answer, active content
     * as a download unless the endpoint allows it, {@code Location} only onto the proxy, and
     * {@code Cache-Control: private} when the endpoint needs a credential.
     *
     * @param sent the URI the request went to, which a relative {@code Location} is resolved against
     */
    static Map<String, String> response(ProxyEndpoint endpoint, URI sent, Map<String, List<String>> upstream) {
        Set<String> dropped = connectionNamed(upstream);
        Map<String, String> out = new LinkedHashMap<>();
        upstream.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean allowed = SAFE.contains(lower) || SAFE_RESPONSE_EXTRA.contains(lower) || endpoint.allowedHeaders().contains(lower);
            if (allowed && !isNeverForwarded(lower) && !dropped.contains(lower) && !PROXY_MANAGED.contains(lower) && !values.isEmpty()) {
                out.put(name, String.join(", ", values));
            }
        });
        first(upstream, "location").flatMap(value -> location(endpoint, sent, value)).ifPresent(value -> out.put("Location", value));
        if (endpoint.credentials().needsCredential()) {
            // the answer was made for one caller: no shared cache may keep it or hand it to another
            set(out, "Cache-Control", privateCacheControl(get(out, "Cache-Control")));
            set(out, "Vary", varyOnCredentials(get(out, "Vary")));
        }
        if (!endpoint.allowActiveContent() && !isPassive(first(upstream, "content-type").orElse(null))) {
            set(out, "Content-Disposition", attachment(get(out, "Content-Disposition")));
        }
        out.put("Content-Security-Policy", SANDBOX_CSP);
        out.put("X-Content-Type-Options", "nosniff");
        return out;
    }

    /**
     * A target's {@code Location} as a path of the proxy, when it points at the target's own origin
     * below the target's path ({@code https://target/base/x?y} or {@code x?y} becomes
     * {@code /api/proxy/<endpoint>/x?y}); empty for anything else, which is dropped, so the portal's
     * origin never redirects to a host nobody configured.
     */
    static Optional<String> location(ProxyEndpoint endpoint, URI sent, String value) {
        URI resolved;
        try {
            resolved = sent.resolve(new URI(value.strip())).normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        URI target = endpoint.target();
        if (resolved.getScheme() == null || !resolved.getScheme().equalsIgnoreCase(target.getScheme()) || resolved.getHost() == null
                || !resolved.getHost().equalsIgnoreCase(target.getHost()) || port(resolved) != port(target)
                || resolved.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String base = target.getRawPath() == null ? "" : target.getRawPath();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String path = resolved.getRawPath() == null || resolved.getRawPath().isEmpty() ? "/" : resolved.getRawPath();
        if (!path.equals(base) && !path.startsWith(base + "/") || PathRewrite.hasDotSegment(path)) {
            return Optional.empty();
        }
        return Optional.of(ProxyEndpoint.PREFIX + endpoint.path() + path.substring(base.length())
                + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery())
                + (resolved.getRawFragment() == null ? "" : "#" + resolved.getRawFragment()));
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /**
     * The content type the caller gets: the target's, except that a script type becomes
     * {@code text/plain} unless the endpoint allows active content. With {@code nosniff}, browsers then
     * refuse to run it, so no page of the portal's origin can load a proxied file as a script, even if
     * an HTML injection elsewhere tried ({@code script-src 'self'} would allow the path).
     */
    static String contentType(ProxyEndpoint endpoint, String contentType) {
        if (endpoint.allowActiveContent() || contentType == null) {
            return contentType;
        }
        String[] parts = contentType.split(";", 2);
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean script = type.contains("javascript") || type.contains("ecmascript") || type.equals("text/jscript")
                || type.equals("application/wasm");
        return script ? "text/plain" + (parts.length > 1 ? ";" + parts[1] : "") : contentType;
    }

    /** Whether a browser shows this content type without running script or sniffing it as something else. */
    static boolean isPassive(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (PASSIVE_TYPES.contains(type) || type.startsWith("application/") && type.endsWith("+json")) {
            return true;
        }
        boolean media = type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/") || type.startsWith("font/");
        return media && !type.contains("xml") && !type.contains("html");
    }

    private static String attachment(String disposition) {
        if (disposition == null) {
            return "attachment";
        }
        String lower = disposition.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("attachment")) {
            return disposition.strip();
        }
        int semicolon = disposition.indexOf(';');
        return semicolon < 0 ? "attachment" : "attachment" + disposition.substring(semicolon);
    }

    /** The target's caching rules without {@code public} and {@code s-maxage}, with {@code private}. */
    private static String privateCacheControl(String cacheControl) {
        List<String> directives = new ArrayList<>();
        if (cacheControl != null) {
            for (String directive : cacheControl.split(",")) {
                String lower = directive.strip().toLowerCase(Locale.ROOT);
                if (!lower.isEmpty() && !lower.equals("public") && !lower.startsWith("s-maxage") && !lower.startsWith("private")) {
                    directives.add(directive.strip());
                }
            }
        }
        directives.addFirst("private");
        return String.join(", ", directives);
    }

    private static String varyOnCredentials(String vary) {
        if (vary != null && vary.strip().equals("*")) {
            return vary;
        }
        List<String> names = new ArrayList<>();
        if (vary != null) {
            for (String name : vary.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        for (String needed : List.of("Authorization", "Cookie")) {
            if (names.stream().noneMatch(needed::equalsIgnoreCase)) {
                names.add(needed);
            }
        }
        return String.join(", ", names);
    }

    private static String get(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static void set(Map<String, String> headers, String name, String value) {
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        headers.put(name, value);
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    /** Header names listed in {@code Connection}, which are hop-by-hop too. */
    private static Set<String> connectionNamed(Map<String, List<String>> headers) {
        Set<String> names = new TreeSet<>();
        headers.forEach((name, values) -> {
            if (name.equalsIgnoreCase("connection")) {
                values.forEach(v -> List.of(v.split(",")).forEach(n -> names.add(n.strip().toLowerCase(Locale.ROOT))));
            }
        });
        return names;
    }
}
