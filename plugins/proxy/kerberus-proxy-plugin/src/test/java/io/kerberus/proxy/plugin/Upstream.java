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
 * {@code /status/<code>}, {@code /slow}, {@code /big}, {@code /redirect}, {@code /upload}, else an echo.
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
        } else if (path.endsWith("/redirect")) {
            exchange.getResponseHeaders().add("Location", "http://elsewhere.invalid/landing");
            answer(exchange, 302, "");
        } else {
            exchange.getResponseHeaders().add("Set-Cookie", "upstream=1; Path=/");
            exchange.getResponseHeaders().add("X-Internal-Secret", "not for browsers");
            exchange.getResponseHeaders().add("X-Allowed-Back", "yes");
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            answer(exchange, 200, exchange.getRequestMethod() + " " + path + " " + body);
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
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
