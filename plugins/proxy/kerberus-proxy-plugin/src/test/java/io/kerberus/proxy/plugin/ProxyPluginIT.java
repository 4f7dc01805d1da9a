package io.kerberus.proxy.plugin;

import io.kerberus.test.TestBackend;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The proxy against real local upstream servers: pass-through, credentials, headers, errors, SSRF, streaming. */
class ProxyPluginIT {

    private static final HttpClient RAW = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A secret-looking part of some targets' paths (a webhook URL), which no answer may show. */
    private static final String HOOK_SECRET = "T0PSECRET-hook-4f9a";

    static Upstream upstream;
    static Upstream evil;
    static TestBackend backend;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        upstream = new Upstream();
        evil = new Upstream();
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        String target = "http://127.0.0.1:" + upstream.port();
        backend = TestBackend.builder().plugins(new ProxyPlugin()).env(Map.of("UPSTREAM_TOKEN", "s3cret-upstream")).config("""
                proxy:
                  timeout: 5s
                  endpoints:
                    /svc: %1$s/base
                    /open: {target: '%1$s', credentials: dangerously-allow-unauthenticated}
                    /fwd: {target: '%1$s', credentials: forward}
                    /ro: {target: '%1$s', allowedMethods: [GET]}
                    /hdr:
                      target: %1$s
                      headers:
                        Authorization: token ${UPSTREAM_TOKEN}
                        X-Static: fixed
                      allowedHeaders: [X-Request-Id, X-Allowed-Back]
                    /rw:
                      target: %1$s
                      pathRewrite:
                        '^/api/proxy/rw/v1/': /v2/
                    /keephost: {target: '%1$s', changeOrigin: false}
                    /down: http://127.0.0.1:%2$d
                    /slow: {target: '%1$s', timeout: 500ms}
                    /active: {target: '%1$s', credentials: dangerously-allow-unauthenticated, allowActiveContent: true}
                    /authhdr: {target: '%1$s', allowedHeaders: [WWW-Authenticate]}
                    /hook: {target: '%1$s/hooks/%3$s', credentials: dangerously-allow-unauthenticated, allowedMethods: [GET]}
                    /deadhook: {target: 'http://127.0.0.1:%2$d/hooks/%3$s', credentials: dangerously-allow-unauthenticated}
                    /slowhook: {target: '%1$s/hooks/%3$s', credentials: dangerously-allow-unauthenticated, timeout: 500ms}
                    /capped: {target: '%1$s', maxBodySize: 1048576}
                """.formatted(target, deadPort, HOOK_SECRET)).start();
        token = backend.userToken("user:default/jane");
    }

    @AfterAll
    static void stop() {
        backend.close();
        upstream.close();
        evil.close();
    }

    @BeforeEach
    void clear() {
        upstream.clear();
    }

    private static TestHttp jane() {
        return backend.http().withToken(token);
    }

    @Test
    void passesGetWithItsQueryAndPostWithItsBody() {
        TestHttp.Result get = jane().get("/api/proxy/svc/items?q=a%20b&q=c");
        TestHttp.Result post = jane().post("/api/proxy/svc/items", "{\"name\":\"x\"}");

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("GET /base/items ");
        assertThat(upstream.seen().get(0).query()).isEqualTo("q=a%20b&q=c");
        assertThat(post.status()).isEqualTo(200);
        assertThat(upstream.last().body()).isEqualTo("{\"name\":\"x\"}");
        assertThat(upstream.last().header("Content-Type")).contains("application/json");
    }

    @Test
    void refusesMethodsOutsideAllowedMethodsWith405() {
        TestHttp.Result post = jane().post("/api/proxy/ro/x", "{}");

        assertThat(post.status()).isEqualTo(405);
        assertThat(post.json().path("error").path("name").asString()).isEqualTo("MethodNotAllowedError");
        assertThat(post.header("Allow")).contains("GET");
        assertThat(upstream.seen()).isEmpty();
        assertThat(jane().get("/api/proxy/ro/x").status()).isEqualTo(200);
    }

    @Test
    void requireNeedsACredentialAndKeepsItFromTheTarget() {
        TestHttp.Result anonymous = backend.http().get("/api/proxy/svc/x");
        TestHttp.Result signedIn = jane().get("/api/proxy/svc/x");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("error").path("message").asString()).contains("/svc");
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(upstream.seen()).hasSize(1);
        assertThat(upstream.last().headers()).doesNotContainKey("Authorization");
    }

    @Test
    void forwardPassesTheCallersAuthorizationOn() {
        assertThat(backend.http().get("/api/proxy/fwd/x").status()).isEqualTo(401);

        assertThat(jane().get("/api/proxy/fwd/x").status()).isEqualTo(200);
        assertThat(upstream.last().header("Authorization")).contains("Bearer " + token);
    }

    @Test
    void dangerouslyAllowUnauthenticatedLetsAnyoneThrough() {
        TestHttp.Result result = backend.http().get("/api/proxy/open/hello");

        assertThat(result.status()).isEqualTo(200);
        assertThat(upstream.last().path()).isEqualTo("/hello");
    }

    @Test
    void addsConfiguredHeadersOverTheCallersAndLetsOnlyAllowedHeadersThrough() {
        TestHttp.Result result = jane().send(jane().request("/api/proxy/hdr/x")
                .header("X-Static", "from caller").header("X-Secret", "1").header("X-Request-Id", "r-1")
                .header("Cookie", "kerberus_session=abc").header("Accept", "text/plain").GET().build());

        Upstream.Seen seen = upstream.last();
        assertThat(seen.header("Authorization")).contains("token s3cret-upstream");
        assertThat(seen.headers().get("X-Static")).containsExactly("fixed");
        assertThat(seen.header("X-Request-Id")).contains("r-1");
        assertThat(seen.header("Accept")).contains("text/plain");
        assertThat(seen.headers()).doesNotContainKeys("X-Secret", "Cookie");
        assertThat(result.header("X-Allowed-Back")).contains("yes");
        assertThat(result.header("ETag")).contains("\"v1\"");
        assertThat(result.header("Set-Cookie")).isEmpty();
        assertThat(result.header("X-Internal-Secret")).isEmpty();
        assertThat(result.body()).doesNotContain("s3cret-upstream");
    }

    @Test
    void rewritesPathsWithTheConfiguredRules() {
        assertThat(jane().get("/api/proxy/rw/v1/users?page=2").status()).isEqualTo(200);

        assertThat(upstream.last().path()).isEqualTo("/v2/users");
        assertThat(upstream.last().query()).isEqualTo("page=2");
    }

    @Test
    void changeOriginDecidesTheHostTheTargetSees() {
        jane().get("/api/proxy/svc/x");
        String changed = upstream.last().header("Host").orElseThrow();
        jane().get("/api/proxy/keephost/x");
        String kept = upstream.last().header("Host").orElseThrow();

        assertThat(changed).isEqualTo("127.0.0.1:" + upstream.port());
        assertThat(kept).isEqualTo(URI.create(backend.url()).getAuthority());
    }

    @Test
    void anUnreachableTargetIsA502NamingTheEndpoint() {
        TestHttp.Result result = jane().get("/api/proxy/down/x");

        assertThat(result.status()).isEqualTo(502);
        assertThat(result.json().path("error").path("name").asString()).isEqualTo("BadGatewayError");
        assertThat(result.json().path("error").path("message").asString()).contains("/down", "cannot reach the target http://127.0.0.1:");
        assertThat(result.json().path("response").path("statusCode").asInt()).isEqualTo(502);
    }

    @Test
    void aSlowTargetIsA504() {
        TestHttp.Result result = jane().get("/api/proxy/slow/slow");

        assertThat(result.status()).isEqualTo(504);
        assertThat(result.json().path("error").path("message").asString()).contains("/slow", "500 ms");
    }

    @Test
    void passesTargetErrorsAndRedirectsThroughAsTheyAre() {
        TestHttp.Result notFound = jane().get("/api/proxy/open/status/404");
        TestHttp.Result failed = jane().get("/api/proxy/open/status/500");
        TestHttp.Result redirect = jane().get("/api/proxy/open/redirect");

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo("upstream says 404");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("upstream says 500");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).as("a redirect to another host is an open redirect on the portal").isEmpty();
    }

    private static String redirectTo(String location) {
        return "/redirect?to=" + java.net.URLEncoder.encode(location, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void keepsOnlyRedirectsToTheTargetItselfAndMapsThemOntoTheProxyPath() {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("/api/proxy/svc" + redirectTo("{self}/base/landing?x=1"), "/api/proxy/svc/landing?x=1");
        expected.put("/api/proxy/svc" + redirectTo("/base/abs"), "/api/proxy/svc/abs");
        expected.put("/api/proxy/svc/sub" + redirectTo("landing"), "/api/proxy/svc/sub/landing");
        expected.put("/api/proxy/svc" + redirectTo("{self}/base"), "/api/proxy/svc");
        expected.put("/api/proxy/svc" + redirectTo("http://elsewhere.invalid/base/x"), null);
        expected.put("/api/proxy/svc" + redirectTo("//elsewhere.invalid/base/x"), null);
        expected.put("/api/proxy/svc" + redirectTo("/\\elsewhere.invalid/base/x"), null);
        expected.put("/api/proxy/svc" + redirectTo("https://127.0.0.1:" + upstream.port() + "/base/x"), null);
        expected.put("/api/proxy/svc" + redirectTo("/other/x"), null);
        expected.put("/api/proxy/svc" + redirectTo("/base/../other"), null);
        expected.put("/api/proxy/svc" + redirectTo("javascript:alert(1)"), null);

        expected.forEach((request, location) -> {
            TestHttp.Result result = jane().get(request);
            assertThat(result.status()).as(request).isEqualTo(302);
            assertThat(result.header("Location").orElse(null)).as(request).isEqualTo(location);
        });
    }

    @Test
    void dropsWwwAuthenticateSoTheBrowserShowsNoPasswordPromptForTheTarget() {
        TestHttp.Result plain = jane().get("/api/proxy/svc/basic");
        TestHttp.Result allowed = jane().get("/api/proxy/authhdr/basic");

        assertThat(plain.status()).isEqualTo(401);
        assertThat(plain.header("WWW-Authenticate")).isEmpty();
        assertThat(allowed.header("WWW-Authenticate")).contains("Basic realm=\"upstream\"");
    }

    @Test
    void credentialedAnswersAreNeverPublicInSharedCaches() {
        TestHttp.Result credentialed = jane().get("/api/proxy/svc/cached");
        TestHttp.Result open = backend.http().get("/api/proxy/open/cached");

        assertThat(credentialed.header("Cache-Control")).contains("private, max-age=600");
        assertThat(String.join(", ", credentialed.headers().getOrDefault("vary", List.of())))
                .contains("Accept-Encoding", "Authorization", "Cookie");
        assertThat(open.header("Cache-Control")).contains("public, max-age=600, s-maxage=600");
    }

    @Test
    void proxiedAnswersAreSandboxedAndActiveContentIsADownload() {
        for (String path : List.of("/api/proxy/open/evil.html", "/api/proxy/open/evil.js", "/api/proxy/open/evil.svg",
                "/api/proxy/open/untyped", "/api/proxy/open/data.json", "/api/proxy/active/evil.html", "/api/proxy/open/x")) {
            TestHttp.Result result = backend.http().get(path);
            assertThat(result.status()).as(path).isEqualTo(200);
            assertThat(result.headers().get("content-security-policy")).as(path).containsExactly("sandbox; default-src 'none'");
            assertThat(result.header("X-Content-Type-Options")).as(path).contains("nosniff");
        }
        for (String path : List.of("/api/proxy/open/evil.html", "/api/proxy/open/evil.js", "/api/proxy/open/evil.svg", "/api/proxy/open/untyped")) {
            assertThat(backend.http().get(path).header("Content-Disposition")).as(path).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        }
        for (String path : List.of("/api/proxy/open/data.json", "/api/proxy/open/x", "/api/proxy/active/evil.html")) {
            assertThat(backend.http().get(path).header("Content-Disposition")).as(path).isEmpty();
        }
        assertThat(backend.http().get("/api/proxy/open/evil.html").header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(backend.http().get("/api/proxy/open/evil.js").header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(backend.http().get("/api/proxy/active/evil.js").header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
    }

    @Test
    void aPortalPageCannotLoadAProxiedFileAsAScript() {
        try (io.kerberus.test.Browser browser = io.kerberus.test.Browser.start()) {
            browser.open(backend.url() + "/sign-in");
            // as an HTML injection on a portal page would: script-src 'self' allows the path, nosniff and text/plain stop it
            browser.script("""
                    window.outcome = 'pending';
                    var s = document.createElement('script');
                    s.src = '/api/proxy/open/evil.js';
                    s.onload = function () { window.outcome = 'ran'; };
                    s.onerror = function () { window.outcome = 'refused'; };
                    document.head.appendChild(s);""");
            browser.waitUntil("window.outcome !== 'pending'");

            assertThat(browser.script("return window.outcome")).isEqualTo("refused");
            assertThat(browser.driver().getTitle()).isNotEqualTo("pwned");
        }
    }

    @Test
    void aProxiedPageCannotRunScriptsOnThePortalOriginInChromium() throws Exception {
        try (io.kerberus.test.Browser browser = io.kerberus.test.Browser.start()) {
            var driver = (org.openqa.selenium.chrome.ChromeDriver) browser.driver();
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "deny"));
            for (String path : List.of("/api/proxy/open/evil.html", "/api/proxy/open/evil.svg", "/api/proxy/active/evil.html")) {
                try {
                    browser.open(backend.url() + path);
                } catch (org.openqa.selenium.WebDriverException e) {
                    // a refused download ends the navigation
                }
                Thread.sleep(500);
                assertThat(driver.getTitle()).as(path).isNotEqualTo("pwned");
            }
            browser.open(backend.url() + "/api/proxy/active/evil.html");
            assertThat(driver.getTitle()).as("allowActiveContent shows the page, without its script").isEqualTo("start");
        }
    }

    /** Sends a request line as is (java.net.URI refuses {@code %ZZ}) and returns the whole answer. */
    private static String raw(String method, String target) throws Exception {
        URI base = URI.create(backend.url());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((method + " " + target + " HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nConnection: close\r\nAccept: application/json\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void noErrorShowsTheTargetsPath() throws Exception {
        Map<String, Integer> attempts = new java.util.LinkedHashMap<>();
        attempts.put("GET /api/proxy/hook/x?a=%ZZ", 400);
        attempts.put("GET /api/proxy/hook/x%ZZ", 400);
        attempts.put("GET /api/proxy/hook/%252e%252e/x", 400);
        attempts.put("GET /api/proxy/nohook/x", 404);
        attempts.put("POST /api/proxy/hook/x", 405);
        attempts.put("GET /api/proxy/deadhook/x", 502);
        attempts.put("GET /api/proxy/slowhook/slow", 504);

        attempts.forEach((attempt, status) -> {
            String[] parts = attempt.split(" ");
            String answer;
            try {
                answer = raw(parts[0], parts[1]);
            } catch (Exception e) {
                throw new AssertionError(attempt, e);
            }
            assertThat(answer).as(attempt).startsWith("HTTP/1.1 " + status).doesNotContain(HOOK_SECRET).doesNotContain("/hooks/");
        });
        assertThat(raw("GET", "/api/proxy/hook/x?a=%ZZ")).contains("the request path or query is not a valid URI");
    }

    @Test
    void anAnswerLargerThanMaxBodySizeIsRefusedOrCutOff() throws Exception {
        TestHttp.Result declared = jane().get("/api/proxy/capped/big");
        assertThat(declared.status()).isEqualTo(502);
        assertThat(declared.json().path("error").path("message").asString()).contains("/capped", "maxBodySize", "1048576");
        assertThat(jane().get("/api/proxy/capped/x").status()).isEqualTo(200);

        HttpResponse<InputStream> streamed = RAW.send(HttpRequest.newBuilder(URI.create(backend.url() + "/api/proxy/capped/bigchunked"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());
        long received;
        try (InputStream body = streamed.body()) {
            received = body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            received = -1;
        }
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(received).as("an answer without Content-Length stops at maxBodySize").isEqualTo(1048576);
    }

    @Test
    void noRequestPathReachesAnotherHost() {
        String evilHost = "127.0.0.1:" + evil.port();
        Map<String, Integer> attempts = new java.util.LinkedHashMap<>();
        attempts.put("/api/proxy/svc/..%2F..%2F", 400);
        attempts.put("/api/proxy/svc/%2e%2e/%2e%2e/x", 400);
        attempts.put("/api/proxy/svc/a/../../../x", 400);
        attempts.put("/api/proxy/svc/%252e%252e/%252e%252e/x", 400);
        attempts.put("/api/proxy/svc/..%3b/..%3b/x", 400);
        attempts.put("/api/proxy/svc/%252e%252e%252fx", 400);
        attempts.put("/api/proxy/svc//" + evilHost + "/", 200);
        attempts.put("/api/proxy/svc/@" + evilHost, 200);
        attempts.put("/api/proxy/svc/http://" + evilHost + "/", 200);
        attempts.put("/api/proxy/nosuch/x", 404);
        attempts.put("/api/proxy/svcx/y", 404);

        attempts.forEach((attempt, status) -> assertThat(jane().get(attempt).status()).as(attempt).isEqualTo(status));

        assertThat(evil.seen()).isEmpty();
        assertThat(upstream.seen()).extracting(Upstream.Seen::path)
                .containsExactly("/base/" + evilHost + "/", "/base/@" + evilHost, "/base/http:/" + evilHost + "/");
    }

    @Test
    void acceptsASignedInBrowserSessionAndAnswersHeadWithoutABody() throws Exception {
        assertThat(backend.guestSession().get("/api/proxy/svc/x").status()).isEqualTo(200);
        assertThat(upstream.last().headers()).doesNotContainKey("Cookie");

        HttpResponse<String> head = RAW.send(HttpRequest.newBuilder(URI.create(backend.url() + "/api/proxy/svc/big"))
                .header("Authorization", "Bearer " + token).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(upstream.last().method()).isEqualTo("HEAD");
    }

    @Test
    void streamsA20MegabyteDownloadIntact() throws Exception {
        HttpResponse<InputStream> response = RAW.send(HttpRequest.newBuilder(URI.create(backend.url() + "/api/proxy/svc/big"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(Upstream.BIG);
        try (InputStream body = response.body()) {
            assertThat(Upstream.digest(body)).isEqualTo(Upstream.bigDigest());
        }
    }

    @Test
    void streamsAnUploadLargerThanTheRequestSizeLimit() throws Exception {
        byte[] upload = new byte[8 * 1024 * 1024];
        java.util.Arrays.fill(upload, (byte) 'k');

        HttpResponse<String> response = RAW.send(HttpRequest.newBuilder(URI.create(backend.url() + "/api/proxy/svc/upload"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Upstream.digest(new java.io.ByteArrayInputStream(upload)));
    }

    @Test
    void anUnknownEndpointKeyFailsStartUpNamingItsPath() {
        assertThatThrownBy(() -> TestBackend.builder().plugins(new ProxyPlugin()).config("""
                proxy:
                  endpoints:
                    /github:
                      target: https://api.github.com
                      fooBar: 1
                """).start().close())
                .hasMessageContaining("proxy.endpoints./github.fooBar: unknown key");
    }
}
