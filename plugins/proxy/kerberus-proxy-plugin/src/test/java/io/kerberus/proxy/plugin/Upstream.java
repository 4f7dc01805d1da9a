package io.kerberus.proxy.plugin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a free port that records every request it gets and answers by path:
 * {@code /status/<code>}, {@code /slow}, {@code /big}, {@code /bigchunked}, {@code /redirect[?to=<location>]},
 * {@code /upload}, {@code /evil.html}, {@code /evil.js}, {@code /evil.svg}, {@code /data.json}, {@code /untyped},
 * {@code /basic}, {@code /cached}, else an echo.
 */
final class Upstream implements AutoCloseable {

    /** Size of the {@code /big} download. */
    static final int BIG = 20 * 1024 * 1024;

    /**
     * One request as the upstream saw it.
     *
     * @param method  the method
     * @param path    the raw path
     * @param query   the raw query, or null
     * @param headers the headers, names case-insensitive
     * @param body    the body as text
     */
    record Seen(String method, String path, String query, Map<String, List<String>> headers, String body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name)).map(values -> values.get(0));
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Seen> seen = new ConcurrentLinkedDeque<>();

    Upstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Every request so far, oldest first. */
    List<Seen> seen() {
        return List.copyOf(seen);
    }

    Seen last() {
        return seen.getLast();
    }

    void clear() {
        seen.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.getRequestHeaders());
        if (path.endsWith("/upload")) {
            seen.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers, ""));
            answer(exchange, 200, digest(exchange.getRequestBody()));
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers, body));
        if (path.startsWith("/status/")) {
            answer(exchange, Integer.parseInt(path.substring(8)), "upstream says " + path.substring(8));
        } else if (path.endsWith("/slow")) {
            sleep();
            answer(exchange, 200, "late");
        } else if (path.endsWith("/big")) {
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, BIG);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = bigChunk();
                for (int sent = 0; sent < BIG; sent += chunk.length) {
                    out.write(chunk);
                }
            }
        } else if (path.endsWith("/bigchunked")) {
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = bigChunk();
                for (int sent = 0; sent < BIG; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the proxy stopped reading
            }
        } else if (path.endsWith("/redirect")) {
            String query = exchange.getRequestURI().getRawQuery();
            String location = query != null && query.startsWith("to=")
                    ? java.net.URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8).replace("{self}", "http://127.0.0.1:" + port())
                    : "http://elsewhere.invalid/landing";
            exchange.getResponseHeaders().add("Location", location);
            answer(exchange, 302, "");
        } else if (path.endsWith("/evil.html")) {
            answer(exchange, 200, "text/html; charset=utf-8",
                    "<!doctype html><html><head><title>start</title><script src=\"evil.js\"></script></head><body>hello</body></html>");
        } else if (path.endsWith("/evil.js")) {
            answer(exchange, 200, "text/javascript", "document.title = 'pwned';");
        } else if (path.endsWith("/evil.svg")) {
            answer(exchange, 200, "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>document.title='pwned'</script></svg>");
        } else if (path.endsWith("/data.json")) {
            answer(exchange, 200, "application/json", "{\"ok\":true}");
        } else if (path.endsWith("/untyped")) {
            exchange.sendResponseHeaders(200, 5);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<b>x</b>".getBytes(StandardCharsets.UTF_8), 0, 5);
            }
        } else if (path.endsWith("/basic")) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"upstream\"");
            answer(exchange, 401, "who are you");
        } else if (path.endsWith("/cached")) {
            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=600, s-maxage=600");
            exchange.getResponseHeaders().add("Vary", "Accept-Encoding");
            answer(exchange, 200, "cache me");
        } else {
            exchange.getResponseHeaders().add("Set-Cookie", "upstream=1; Path=/");
            exchange.getResponseHeaders().add("X-Internal-Secret", "not for browsers");
            exchange.getResponseHeaders().add("X-Allowed-Back", "yes");
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            answer(exchange, 200, exchange.getRequestMethod() + " " + path + " " + body);
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        answer(exchange, status, "text/plain; charset=utf-8", text);
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** 64 KiB of a fixed pattern; {@code /big} is this chunk repeated. */
    static byte[] bigChunk() {
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i % 251);
        }
        return chunk;
    }

    /** The SHA-256 of what {@code /big} sends. */
    static String bigDigest() throws IOException {
        byte[] chunk = bigChunk();
        return digest(new java.io.SequenceInputStream(java.util.Collections.enumeration(
                java.util.Collections.nCopies(BIG / chunk.length, chunk).stream().map(java.io.ByteArrayInputStream::new).toList())));
    }

    /** The SHA-256 of a stream, in hex, read in pieces. */
    static String digest(InputStream in) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                sha.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
