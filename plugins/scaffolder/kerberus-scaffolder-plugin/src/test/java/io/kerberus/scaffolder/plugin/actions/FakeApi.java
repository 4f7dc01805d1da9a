package io.kerberus.scaffolder.plugin.actions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server replaying a provider's documented responses: {@code "METHOD /raw/path?query"} to a status
 * and JSON body (exact match first, then the path without the query), 404 otherwise. Records every request.
 */
final class FakeApi implements AutoCloseable {

    /** One request as the server saw it. */
    record Request(String method, String target, Map<String, String> headers, String body) {

        String line() {
            return method + " " + target;
        }
    }

    private record Reply(int status, String json) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> replies = new LinkedHashMap<>();
    private final HttpServer server;

    FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    FakeApi on(String methodAndTarget, int status, String json) {
        replies.put(methodAndTarget, new Reply(status, json));
        return this;
    }

    URI base(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Request> matching(String prefix) {
        return requests.stream().filter(r -> r.line().startsWith(prefix)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        Request request = new Request(exchange.getRequestMethod(), target, headers, body);
        requests.add(request);
        Reply reply = replies.getOrDefault(request.line(), replies.getOrDefault(request.method() + " " + uri.getRawPath(),
                new Reply(404, "{\"message\":\"Not Found\"}")));
        byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
