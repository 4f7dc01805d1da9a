package io.kerberus.platform.auth;

import com.sun.net.httpserver.HttpServer;
import io.kerberus.plugin.auth.SignInException;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OAuthHttpTest {

    @Test
    void refusesAnAnswerLargerThanOneMegabyte() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/big", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                out.write('{');
                for (int i = 0; i < 40; i++) {
                    out.write(chunk);
                }
                out.write('}');
            } catch (java.io.IOException ignored) {
                // the client stops reading
            }
        });
        server.createContext("/small", exchange -> {
            byte[] body = "{\"issuer\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            OAuthHttp http = new OAuthHttp("oidc");

            assertThat(http.getJson(base + "/small", Map.of()).path("issuer").asString()).isEqualTo("x");
            assertThatThrownBy(() -> http.getJson(base + "/big", Map.of())).isInstanceOf(SignInException.class)
                    .hasMessageContaining("with more than 1024 KB");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void providerTextIsCutTo200CharactersWithoutControlCharacters() {
        assertThat(ProviderRoutes.clip("a\nb")).isEqualTo("a b");
        assertThat(ProviderRoutes.clip("x".repeat(5000))).hasSize(201).endsWith("…");
    }
}
