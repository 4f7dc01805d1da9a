package io.kerberus.test;

import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class HttpIT {

    /** Routes that exercise the platform's HTTP behaviour. */
    static final class ProbePlugin implements Plugin {
        @Override
        public String id() {
            return "probe";
        }

        @Override
        public void init(PluginContext context) {
            context.routes().get("/big", request -> Map.of("text", "kerberus ".repeat(5_000)));
            context.routes().post("/echo", request -> request.bodyAs(Map.class));
            context.routes().get("/fail", request -> {
                throw new IllegalStateException("secret internal detail");
            });
            context.routes().get("/bad", request -> {
                throw new InputException("limit: expected a number");
            });
            context.routes().get("/slow", request -> {
                Thread.sleep(1_500);
                return Map.of("done", true);
            }).unauthenticated();
            context.routes().sse("/events", (request, events) -> {
                for (int i = 1; i <= 3; i++) {
                    events.send("tick", Map.of("n", i));
                }
            });
        }
    }

    static TestBackend backend;

    @BeforeAll
    static void start() {
        backend = TestBackend.builder().plugins(new ProbePlugin()).config("backend:\n  maxRequestSize: 2000\n").start();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void answersHealthChecksWithoutCredentials() {
        assertThat(backend.http().get("/healthcheck").body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(backend.http().get("/.backstage/health/v1/liveness").status()).isEqualTo(200);
        assertThat(backend.http().get("/.backstage/health/v1/readiness").json().path("status").asString()).isEqualTo("ok");
    }

    @Test
    void servesPrometheusMetricsToCallersWithACredential() {
        backend.http().asStaticClient().get("/api/probe/big");

        assertThat(backend.http().get("/metrics").status()).isEqualTo(401);
        TestHttp.Result metrics = backend.http().asStaticClient().get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/api/probe/big\"}");
    }

    @Test
    void answersUnknownApiPathsWithBackstagesErrorShape() {
        TestHttp.Result result = backend.http().asStaticClient().get("/api/nothing/here");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.json().path("error").path("name").asString()).isEqualTo("NotFoundError");
        assertThat(result.json().path("request").path("method").asString()).isEqualTo("GET");
    }

    @Test
    void answersUnknownPagesWithAnErrorPage() {
        TestHttp.Result result = backend.http().send(backend.http().request("/no/such/page").header("Accept", "text/html").GET().build());

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(result.body()).contains("Page not found");
    }

    @Test
    void mapsPlatformExceptionsAndHidesInternalErrors() {
        TestHttp client = backend.http().asStaticClient();

        TestHttp.Result bad = client.get("/api/probe/bad");
        TestHttp.Result fail = client.get("/api/probe/fail");
        TestHttp.Result notJson = client.post("/api/probe/echo", "{not json");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").path("name").asString()).isEqualTo("InputError");
        assertThat(bad.json().path("error").path("message").asString()).isEqualTo("limit: expected a number");
        assertThat(fail.status()).isEqualTo(500);
        assertThat(fail.body()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("error").path("message").asString()).contains("not valid JSON");
    }

    @Test
    void refusesBodiesOverTheLimit() {
        TestHttp.Result result = backend.http().asStaticClient().post("/api/probe/echo", "{\"x\":\"" + "a".repeat(5_000) + "\"}");

        assertThat(result.status()).isEqualTo(413);
    }

    @Test
    void compressesLargeResponsesWithGzip() throws Exception {
        HttpRequest request = backend.http().asStaticClient().request("/api/probe/big").header("Accept-Encoding", "gzip").GET().build();

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(response.body().length).isLessThan(5_000);
        String body = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes());
        assertThat(body).startsWith("{\"text\":\"kerberus kerberus");
    }

    @Test
    void sendsSecurityHeaders() {
        TestHttp.Result result = backend.http().get("/healthcheck");

        assertThat(result.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(result.header("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'self'"));
    }

    @Test
    void streamsServerSentEvents() {
        TestHttp client = backend.http().asStaticClient();
        TestHttp.Result result = client.send(client.request("/api/probe/events").header("Accept", "text/event-stream").GET().build());

        assertThat(result.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(result.body()).contains("event: tick").contains("data: {\"n\":1}").contains("data: {\"n\":3}");
    }

    @Test
    void finishesRunningRequestsOnShutdown() throws Exception {
        TestBackend stopping = TestBackend.builder().plugins(new ProbePlugin()).start();
        CompletableFuture<TestHttp.Result> slow = CompletableFuture.supplyAsync(() -> stopping.http().get("/api/probe/slow"));
        Thread.sleep(300);

        stopping.close();

        TestHttp.Result result = slow.get(10, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains("\"done\":true");
    }
}
