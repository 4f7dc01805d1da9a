package io.kerberus.catalog.plugin;

import com.sun.net.httpserver.HttpServer;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** URL locations read through the URL reader, from allowed hosts only, with Backstage's URL annotations. */
class UrlLocationIT {

    static HttpServer server(Map<String, String> files) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = files.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            if (body != null) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void readsUrlLocationsWithPlaceholdersRelativeToTheUrl() throws Exception {
        HttpServer git = server(Map.of(
                "/org/repo/blob/main/catalog-info.yaml", """
                        apiVersion: backstage.io/v1alpha1
                        kind: API
                        metadata: {name: orders}
                        spec:
                          type: openapi
                          lifecycle: production
                          owner: team-a
                          definition:
                            $text: ./openapi.yaml
                        """,
                "/org/repo/blob/main/openapi.yaml", "openapi: 3.0.0\n"));
        String base = "http://127.0.0.1:" + git.getAddress().getPort();
        try (TestBackend backend = TestBackend.builder().plugins(new CatalogPlugin())
                .config("backend:\n  reading:\n    allow: [{host: '127.0.0.1:" + git.getAddress().getPort() + "'}]\n").start()) {
            TestHttp http = backend.http().asStaticClient();

            TestHttp.Result created = http.postJson("/api/catalog/locations", Map.of("type", "url", "target", base + "/org/repo/blob/main/catalog-info.yaml"));
            assertThat(created.status()).isEqualTo(201);
            CatalogTestSupport.await(() -> CatalogTestSupport.entity(http, "api", "default", "orders") != null, "the API");

            JsonNode api = CatalogTestSupport.entity(http, "api", "default", "orders");
            JsonNode annotations = api.path("metadata").path("annotations");
            assertThat(api.path("spec").path("definition").asString()).isEqualTo("openapi: 3.0.0\n");
            assertThat(annotations.path("backstage.io/managed-by-location").asString()).isEqualTo("url:" + base + "/org/repo/blob/main/catalog-info.yaml");
            assertThat(annotations.path("backstage.io/view-url").asString()).isEqualTo(base + "/org/repo/blob/main/catalog-info.yaml");
            assertThat(annotations.path("backstage.io/source-location").asString()).isEqualTo("url:" + base + "/org/repo/blob/main/");

            JsonNode analysis = http.postJson("/api/catalog/analyze-location", Map.of("location", Map.of("type", "url", "target", base + "/org/repo/blob/main/"))).json();
            assertThat(analysis.path("existingEntityFiles").get(0).path("entity").path("metadata").path("name").asString()).isEqualTo("orders");
            assertThat(analysis.path("existingEntityFiles").get(0).path("isRegistered").asBoolean()).isTrue();
            assertThat(http.postJson("/api/catalog/locations", Map.of("type", "url", "target", "http://localhost:1/other.yaml")).status()).isEqualTo(400);
        } finally {
            git.stop(0);
        }
    }
}
