package io.kerberus.proxy.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which headers cross the proxy. Requests carry only Backstage's safe headers, the endpoint's
 * configured {@code headers} and its {@code allowedHeaders}; responses carry the safe headers, a few
 * more a download or redirect needs, and {@code allowedHeaders}. Hop-by-hop headers, cookies and
 * {@code Set-Cookie} never cross, whatever the config says.
 */
final class ProxyHeaders {

    /** Backstage's request headers that are always forwarded (the CORS-safelisted ones and a few more). */
    static final Set<String> SAFE = Set.of("cache-control", "content-language", "content-length", "content-type",
            "expires", "last-modified", "pragma", "host", "accept", "accept-language", "user-agent");

    /**
     * Response headers Kerberus passes on beyond Backstage's list, so that compressed bodies,
     * downloads, caching and redirects work; none of them carries a credential.
     */
    static final Set<String> SAFE_RESPONSE_EXTRA = Set.of("content-encoding", "content-disposition", "content-range",
            "accept-ranges", "etag", "location", "retry-after", "vary", "www-authenticate");

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

    /** The target's headers that go back to the caller, repeated values joined with {@code ", "}. */
    static Map<String, String> response(ProxyEndpoint endpoint, Map<String, List<String>> upstream) {
        Set<String> dropped = connectionNamed(upstream);
        Map<String, String> out = new LinkedHashMap<>();
        upstream.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean allowed = SAFE.contains(lower) || SAFE_RESPONSE_EXTRA.contains(lower) || endpoint.allowedHeaders().contains(lower);
            if (allowed && !isNeverForwarded(lower) && !dropped.contains(lower) && !lower.equals("content-type")
                    && !lower.equals(":status") && !values.isEmpty()) {
                out.put(name, String.join(", ", values));
            }
        });
        return out;
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
