package io.kerberus.catalog.plugin.users;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * GitHub's OAuth web flow and user API replayed on localhost, with the response shapes of GitHub's
 * documentation ("Authorizing OAuth apps", "Get the authenticated user", "List email addresses for
 * the authenticated user"), laid out like GitHub Enterprise ({@code /login/oauth/...}, {@code /api/v3/...}).
 * The authorize step consents at once, as a user who already approved the app.
 */
final class GithubReplayServer implements AutoCloseable {

    static final String CLIENT_ID = "Iv1.8a61f9b3a7aba766";
    static final String CLIENT_SECRET = "gh-client-secret-value";
    private static final String ACCESS_TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";

    private final HttpServer server;
    private final Map<String, String> codes = new HashMap<>();
    volatile String login = "octocat";
    volatile String email = "octocat@github.com";

    GithubReplayServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/login/oauth/authorize", this::authorize);
        server.createContext("/login/oauth/access_token", this::accessToken);
        server.createContext("/api/v3/user", this::user);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id"))) {
            send(exchange, 404, "text/html", "<h1>404</h1>");
            return;
        }
        String code = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        synchronized (codes) {
            codes.put(code, query.get("redirect_uri"));
        }
        String location = query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void accessToken(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String redirect;
        synchronized (codes) {
            redirect = codes.remove(body.get("code"));
        }
        if (!CLIENT_ID.equals(body.get("client_id")) || !CLIENT_SECRET.equals(body.get("client_secret"))) {
            send(exchange, 200, "application/json", """
                    {"error":"incorrect_client_credentials","error_description":"The client_id and/or client_secret passed are incorrect.",\
                    "error_uri":"https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#incorrect-client-credentials"}""");
        } else if (redirect == null || !redirect.equals(body.get("redirect_uri"))) {
            send(exchange, 200, "application/json", """
                    {"error":"bad_verification_code","error_description":"The code passed is incorrect or expired.",\
                    "error_uri":"https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code"}""");
        } else {
            send(exchange, 200, "application/json", "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"scope\":\"read:user,user:email\",\"token_type\":\"bearer\"}");
        }
    }

    private void user(HttpExchange exchange) throws IOException {
        if (!("Bearer " + ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "application/json", "{\"message\":\"Requires authentication\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
            return;
        }
        if (exchange.getRequestURI().getPath().endsWith("/emails")) {
            send(exchange, 200, "application/json", "[{\"email\":\"" + email + "\",\"verified\":true,\"primary\":true,\"visibility\":\"public\"}]");
            return;
        }
        send(exchange, 200, "application/json", """
                {"login":"%s","id":1,"node_id":"MDQ6VXNlcjE=","avatar_url":"https://github.com/images/error/octocat_happy.gif",\
                "gravatar_id":"","url":"https://api.github.com/users/%s","html_url":"https://github.com/%s","type":"User",\
                "site_admin":false,"name":"monalisa octocat","company":"GitHub","blog":"https://github.com/blog","location":"San Francisco",\
                "email":null,"hireable":false,"bio":"There once was...","public_repos":2,"public_gists":1,"followers":20,"following":0,\
                "created_at":"2008-01-14T04:33:35Z","updated_at":"2008-01-14T04:33:35Z"}""".formatted(login, login, login));
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
