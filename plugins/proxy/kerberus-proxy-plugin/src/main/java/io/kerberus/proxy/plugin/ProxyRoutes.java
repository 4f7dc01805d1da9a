package io.kerberus.proxy.plugin;

import io.kerberus.plugin.InputException;
import io.kerberus.plugin.NotAuthenticatedException;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.Routes;
import org.slf4j.Logger;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/proxy/<endpoint>/...}: finds the endpoint, checks its credentials policy and methods,
 * and streams the request to its target and the answer back. Target errors pass through as they
 * are; an unreachable target is a 502 and a slow one a 504, in Backstage's error shape.
 */
final class ProxyRoutes {

    private final ProxyConfig config;
    private final HttpClient client;
    private final Logger log;

    ProxyRoutes(ProxyConfig config, HttpClient client, Logger log) {
        this.config = config;
        this.client = client;
        this.log = log;
    }

    void mount(Routes routes) {
        // each endpoint checks its own credentials policy, since some let anonymous callers through
        routes.all("/<path>", this::handle).unauthenticated();
    }

    Object handle(Request request) throws IOException {
        String path = request.path();
        String rest = path.startsWith(ProxyEndpoint.PREFIX) ? path.substring(ProxyEndpoint.PREFIX.length()) : path;
        ProxyEndpoint endpoint = match(rest).orElseThrow(() -> new NotFoundException(
                "No proxy endpoint matches " + path + "; the configured endpoints are under proxy.endpoints"));
        if (endpoint.credentials().needsCredential() && request.principal().isEmpty()) {
            throw new NotAuthenticatedException("Proxy endpoint " + endpoint.path()
                    + " needs a credential: sign in, or send 'Authorization: Bearer <token>'");
        }
        String method = request.method();
        if (!endpoint.allowedMethods().isEmpty() && !endpoint.allowedMethods().contains(method)) {
            String allow = String.join(", ", endpoint.allowedMethods().stream().sorted().toList());
            return error(405, "MethodNotAllowedError", "Proxy endpoint " + endpoint.path() + " does not allow " + method
                    + "; it allows " + allow, request).header("Allow", allow);
        }
        HttpRequest upstream = upstreamRequest(endpoint, request);
        try {
            HttpResponse<InputStream> response = client.send(upstream, HttpResponse.BodyHandlers.ofInputStream());
            String contentType = ProxyHeaders.contentType(endpoint, response.headers().firstValue("Content-Type").orElse(null));
            InputStream body = response.body();
            if (endpoint.maxBodySize() > 0) {
                long declared = declaredLength(response);
                if (declared > endpoint.maxBodySize() && !method.equals("HEAD")) {
                    body.close();
                    log.warn("Proxy endpoint {}: {} answered {} bytes, more than maxBodySize {}", endpoint.path(), endpoint.origin(),
                            declared, endpoint.maxBodySize());
                    return error(502, "BadGatewayError", "Proxy endpoint " + endpoint.path() + ": the target's answer (" + declared
                            + " bytes) is larger than the endpoint's maxBodySize of " + endpoint.maxBodySize() + " bytes", request);
                }
                body = new LimitedStream(body, endpoint.maxBodySize(), endpoint.path());
            }
            return new Response(response.statusCode(), contentType, body,
                    ProxyHeaders.response(endpoint, upstream.uri(), response.headers().map()));
        } catch (HttpTimeoutException e) {
            log.warn("Proxy endpoint {}: {} did not answer within {}", endpoint.path(), endpoint.origin(), endpoint.timeout());
            return error(504, "GatewayTimeoutError", "Proxy endpoint " + endpoint.path() + ": the target " + endpoint.origin()
                    + " did not answer within " + endpoint.timeout().toMillis() + " ms", request);
        } catch (IOException e) {
            String reason = reason(e, upstream.uri());
            log.warn("Proxy endpoint {}: cannot reach {}: {}", endpoint.path(), endpoint.origin(), reason);
            return error(502, "BadGatewayError", "Proxy endpoint " + endpoint.path() + ": cannot reach the target "
                    + endpoint.origin() + " (" + reason + ")", request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for " + endpoint.origin(), e);
        }
    }

    /** The endpoint whose path is the longest prefix of {@code rest} at a segment boundary. */
    Optional<ProxyEndpoint> match(String rest) {
        return config.endpoints().stream()
                .filter(e -> rest.equals(e.path()) || rest.startsWith(e.path() + "/"))
                .findFirst();
    }

    private HttpRequest upstreamRequest(ProxyEndpoint endpoint, Request request) {
        String pathAndQuery = request.path() + request.rawQuery().map(q -> "?" + q).orElse("");
        try {
            URI uri = PathRewrite.targetUri(endpoint.target(), PathRewrite.rewrite(endpoint.rewrites(), pathAndQuery));
            Map<String, List<String>> incoming = request.headers();
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .timeout(endpoint.timeout())
                    .method(request.method(), body(request, incoming));
            if (uri.getScheme().equals("http")) {
                // no h2c upgrade attempt: it would add Upgrade and Connection headers the caller never sent
                builder.version(HttpClient.Version.HTTP_1_1);
            }
            ProxyHeaders.request(endpoint, incoming).forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
            if (!endpoint.changeOrigin()) {
                request.header("Host").ifPresent(host -> builder.setHeader("Host", host));
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            // only the proxy's own fixed messages: the JDK's quote the target URI, whose path may hold a secret
            String why = e instanceof PathRewrite.Refused ? e.getMessage() : PathRewrite.INVALID;
            throw new InputException("Proxy endpoint " + endpoint.path() + " cannot pass this request on: " + why);
        }
    }

    /** Why the target could not be reached, without its path (which may hold a secret) should the JDK name it. */
    static String reason(IOException e, URI sent) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String path = sent.getRawPath();
        boolean namesPath = path != null && path.length() > 1 && (message.contains(path) || message.contains(sent.getPath()));
        return namesPath || message.contains(sent.toString()) ? e.getClass().getSimpleName() : message;
    }

    private static long declaredLength(HttpResponse<?> response) {
        try {
            return response.headers().firstValueAsLong("Content-Length").orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Passes at most {@code limit} bytes on, then ends and logs why. The caller cannot tell the cut
     * from a complete answer when the target declared no length (the platform ends the answer
     * normally), so the log is where a cut shows.
     */
    final class LimitedStream extends FilterInputStream {

        private final long limit;
        private final String endpoint;
        private long passed;
        private boolean cut;

        LimitedStream(InputStream in, long limit, String endpoint) {
            super(in);
            this.limit = limit;
            this.endpoint = endpoint;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (cut) {
                return -1;
            }
            // one byte more than allowed tells a body that is too large from one that is exactly the limit
            int read = in.read(buffer, offset, (int) Math.min(length, limit - passed + 1));
            if (read > 0 && passed + read > limit) {
                cut = true;
                in.close();
                log.warn("Proxy endpoint {}: the target's answer is larger than maxBodySize; cut off after {} bytes", endpoint, limit);
                int rest = (int) (limit - passed);
                passed = limit;
                return rest > 0 ? rest : -1;
            }
            if (read > 0) {
                passed += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, Math.max(0, limit - passed)));
            passed += skipped;
            return skipped;
        }
    }

    /** The body streamed as it arrives, with the caller's length when it sent one. */
    private static HttpRequest.BodyPublisher body(Request request, Map<String, List<String>> headers) {
        long length = first(headers, "Content-Length").map(ProxyRoutes::parseLength).orElse(-1L);
        boolean chunked = first(headers, "Transfer-Encoding").isPresent();
        if (length == 0 || length < 0 && !chunked) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(request::bodyStream);
        return length > 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream;
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InputException("Content-Length is not a number");
        }
    }

    /** An error in Backstage's shape, for the statuses the platform's exceptions do not cover. */
    private static Response error(int status, String name, String message, Request request) {
        return Response.json(status, Response.object(
                "error", Response.object("name", name, "message", message),
                "request", Response.object("method", request.method(), "url", request.path()),
                "response", Response.object("statusCode", status)));
    }
}
