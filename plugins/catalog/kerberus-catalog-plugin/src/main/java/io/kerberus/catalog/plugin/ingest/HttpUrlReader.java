package io.kerberus.catalog.plugin.ingest;

import io.kerberus.catalog.UrlReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads plain http(s) URLs from the hosts in {@code backend.reading.allow} ({@code host: example.com}
 * or {@code host: '*.example.com'}, optional {@code paths: [/docs/]}), and nothing else: the catalog
 * never fetches a URL the integrator did not allow. Bodies over {@link DescriptorParser#MAX_BYTES} are cut off with an error.
 */
public final class HttpUrlReader implements UrlReader {

    /**
     * One allowed host.
     *
     * @param host  a host name, or {@code *.example.com} for its subdomains
     * @param paths path prefixes, empty for all
     */
    public record Allow(String host, List<String> paths) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final List<Allow> allowed;

    public HttpUrlReader(List<Allow> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    @Override
    public boolean canRead(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT) + (url.getPort() > 0 ? ":" + url.getPort() : "");
        String path = url.getPath() == null ? "/" : url.getPath();
        return allowed.stream().anyMatch(allow -> hostMatches(allow.host().toLowerCase(Locale.ROOT), host)
                && (allow.paths().isEmpty() || allow.paths().stream().anyMatch(path::startsWith)));
    }

    private static boolean hostMatches(String pattern, String host) {
        String bare = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        if (pattern.startsWith("*.")) {
            return bare.endsWith(pattern.substring(1)) || host.endsWith(pattern.substring(1));
        }
        return pattern.equals(host) || pattern.equals(bare);
    }

    @Override
    public Response read(URI url, String etag) throws IOException {
        if (!canRead(url)) {
            throw new IOException(url + " is not allowed: add its host to backend.reading.allow");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 304) {
                    return new Response(new byte[0], Optional.ofNullable(etag), true);
                }
                if (response.statusCode() == 404) {
                    throw new java.io.FileNotFoundException(url + " was not found (404)");
                }
                if (response.statusCode() != 200) {
                    throw new IOException(url + " answered " + response.statusCode());
                }
                byte[] content = body.readNBytes(DescriptorParser.MAX_BYTES + 1);
                if (content.length > DescriptorParser.MAX_BYTES) {
                    throw new IOException(url + " is larger than " + DescriptorParser.MAX_BYTES / 1024 / 1024 + " MB");
                }
                return new Response(content, response.headers().firstValue("ETag"), false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading " + url, e);
        }
    }
}
