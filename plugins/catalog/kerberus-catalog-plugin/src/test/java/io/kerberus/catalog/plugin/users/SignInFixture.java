package io.kerberus.catalog.plugin.users;

import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.test.TestBackend;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A backend with the catalog (Users jane, octocat, ann; groups team-a in engineering), a real OIDC
 * server (mock-oauth2-server, issuers {@code default} and {@code kc}) and a GitHub replay server,
 * with providers {@code oidc} (e-mail resolver), {@code keycloak} (e-mail local part) and
 * {@code github} (user name).
 */
final class SignInFixture implements AutoCloseable {

    static final String CATALOG = """
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: jane}
            spec: {profile: {email: jane@acme.org, displayName: Jane Doe}, memberOf: [team-a]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: octocat}
            spec: {profile: {email: octocat@github.com}, memberOf: [team-a]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: ann}
            spec: {profile: {email: ann@elsewhere.org}, memberOf: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team-a}
            spec: {type: team, parent: engineering, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: engineering}
            spec: {type: department, children: [team-a]}
            """;

    /** Users the tests remove from the catalog, in a file of their own. */
    static final String LEAVERS = """
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: leaver-a}
            spec: {profile: {email: leaver-a@acme.org}, memberOf: [team-a]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: leaver-b}
            spec: {profile: {email: leaver-b@acme.org}, memberOf: [team-a]}
            """;

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    final MockOAuth2Server oidc = new MockOAuth2Server();
    final GithubReplayServer github;
    final Path catalogDir;
    final TestBackend backend;

    /** What the callback answered. */
    record Answer(int status, String body, String sessionCookie, java.util.List<String> setCookies) {
    }

    SignInFixture() {
        try {
            oidc.start();
            github = new GithubReplayServer();
            catalogDir = Files.createTempDirectory("signin-catalog");
            Files.writeString(catalogDir.resolve("org.yaml"), CATALOG);
            Files.writeString(catalogDir.resolve("leavers.yaml"), LEAVERS);
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            backend = TestBackend.builder().plugins(new CatalogPlugin()).config("""
                    backend: {baseUrl: 'http://localhost:%d', listen: {port: %d}}
                    catalog:
                      rules: [{allow: [User, Group, Location]}]
                      fileRoots: ['%s']
                      locations: [{type: file, target: '%s'}, {type: file, target: '%s'}]
                    auth:
                      environment: development
                      session: {revalidateAfter: 0s}
                      providers:
                        oidc:
                          development:
                            metadataUrl: %s
                            clientId: kerberus
                            clientSecret: oidc-client-secret
                            signIn: {resolvers: [{resolver: emailMatchingUserEntityProfileEmail}]}
                          production: {metadataUrl: 'https://idp.example.com/.well-known/openid-configuration'}
                        keycloak:
                          development:
                            metadataUrl: %s
                            clientId: kerberus
                            clientSecret: kc-client-secret
                            signIn: {resolvers: [{resolver: emailLocalPartMatchingUserEntityName, allowedDomains: [elsewhere.org, acme.org]}]}
                        github:
                          development:
                            clientId: %s
                            clientSecret: %s
                            enterpriseInstanceUrl: %s
                            signIn: {resolvers: [{resolver: usernameMatchingUserEntityName}]}
                    """.formatted(port, port, catalogDir, catalogDir.resolve("org.yaml"), catalogDir.resolve("leavers.yaml"), oidc.wellKnownUrl("default"),
                    oidc.wellKnownUrl("kc"), GithubReplayServer.CLIENT_ID, GithubReplayServer.CLIENT_SECRET, github.url())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Signs in over plain HTTP: {@code start}, the provider's authorize step, the callback. The
     * flow cookie and the callback URL can be tampered with on the way.
     */
    Answer signIn(String provider, UnaryOperator<Map<String, Object>> flowCookie, UnaryOperator<String> callback) {
        HttpResponse<String> start = get(backend.url() + "/api/auth/" + provider + "/start?returnTo=/settings", null);
        String cookie = start.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String name = cookie.substring(0, cookie.indexOf('='));
        String value = encode(flowCookie.apply(decode(cookie.substring(name.length() + 1))));
        HttpResponse<String> authorize = get(start.headers().firstValue("Location").orElseThrow(), null);
        String callbackUrl = callback.apply(authorize.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> answer = get(callbackUrl, name + "=" + value);
        String session = answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kerberus_session="))
                .map(c -> c.split(";")[0]).findFirst().orElse(null);
        return new Answer(answer.statusCode(), answer.body(), session, answer.headers().allValues("Set-Cookie"));
    }

    Answer signIn(String provider) {
        return signIn(provider, UnaryOperator.identity(), UnaryOperator.identity());
    }

    static HttpResponse<String> get(String url, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decode(String value) {
        return new LinkedHashMap<>(JsonMapper.shared().readValue(Base64.getUrlDecoder().decode(value), Map.class));
    }

    private static String encode(Map<String, Object> flow) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JsonMapper.shared().writeValueAsString(flow).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        backend.close();
        github.close();
        oidc.shutdown();
    }
}
