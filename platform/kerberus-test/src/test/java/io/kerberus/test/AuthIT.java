package io.kerberus.test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthIT {

    /** A plugin with one route that answers who called. */
    static final class WhoAmIPlugin implements Plugin {
        @Override
        public String id() {
            return "whoami";
        }

        @Override
        public void init(PluginContext context) {
            context.routes().get("/", request -> Map.of("subject", request.requirePrincipal().subject(),
                    "ownership", request.requirePrincipal().ownershipRefs()));
            context.routes().post("/echo", request -> request.bodyAs(Map.class));
            context.routes().get("/public", request -> Map.of("signedIn", request.principal().isPresent())).unauthenticated();
        }
    }

    static TestBackend backend;

    @BeforeAll
    static void start() {
        backend = TestBackend.builder().plugins(new WhoAmIPlugin()).start();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void refusesRequestsWithoutACredential() {
        TestHttp.Result result = backend.http().get("/api/whoami");

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.json().path("error").path("name").asString()).isEqualTo("AuthenticationError");
        assertThat(result.json().path("response").path("statusCode").asInt()).isEqualTo(401);
        assertThat(result.json().path("request").path("url").asString()).isEqualTo("/api/whoami");
    }

    @Test
    void acceptsGuestUserTokensShapedLikeBackstages() throws Exception {
        TestHttp guest = backend.http().asGuest();
        String token = guest.request("/").build().headers().firstValue("Authorization").orElseThrow().substring(7);
        SignedJWT jwt = SignedJWT.parse(token);

        JsonNode me = guest.get("/api/whoami").json();

        assertThat(me.path("subject").asString()).isEqualTo("user:development/guest");
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("vnd.backstage.user");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("backstage");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("user:development/guest");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("ent")).containsExactly("user:development/guest");
        long lifetime = jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime();
        assertThat(Duration.ofMillis(lifetime)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
    }

    @Test
    void acceptsServiceAndStaticTokens() {
        assertThat(backend.http().withToken(backend.serviceToken("catalog")).get("/api/whoami").json().path("subject").asString())
                .isEqualTo("plugin:catalog");
        assertThat(backend.http().asStaticClient().get("/api/whoami").json().path("subject").asString())
                .isEqualTo("external:test-client");
    }

    @Test
    void refusesTokensWithAWrongSignature() throws Exception {
        String token = backend.userToken("user:default/jane");
        String[] parts = token.split("\\.");
        String otherSignature = backend.userToken("user:default/john").split("\\.")[2];

        assertThat(backend.http().withToken(parts[0] + "." + parts[1] + "." + otherSignature).get("/api/whoami").status()).isEqualTo(401);
        ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID(SignedJWT.parse(token).getHeader().getKeyID()).generate();
        assertThat(backend.http().withToken(sign(foreign, "vnd.backstage.user", claims("backstage", Duration.ofHours(1))))
                .get("/api/whoami").status()).isEqualTo(401);
    }

    @Test
    void refusesUnsignedTokens() {
        String none = new PlainJWT(claims("backstage", Duration.ofHours(1))).serialize();
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"vnd.backstage.user\"}".getBytes());
        String forged = header + "." + none.split("\\.")[1] + ".";

        assertThat(backend.http().withToken(none).get("/api/whoami").status()).isEqualTo(401);
        assertThat(backend.http().withToken(forged).get("/api/whoami").status()).isEqualTo(401);
    }

    @Test
    void refusesExpiredTokens() {
        TestClock clock = new TestClock();
        try (TestBackend timed = TestBackend.builder().plugins(new WhoAmIPlugin()).clock(clock).start()) {
            String token = timed.userToken("user:default/jane");
            assertThat(timed.http().withToken(token).get("/api/whoami").status()).isEqualTo(200);

            clock.advance(Duration.ofMinutes(61));

            assertThat(timed.http().withToken(token).get("/api/whoami").status()).isEqualTo(401);
        }
    }

    @Test
    void refusesTokensForAnotherAudienceOrFromAnotherKey() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("unknown").generate();

        assertThat(backend.http().withToken(sign(key, "vnd.backstage.user", claims("backstage", Duration.ofHours(1)))).get("/api/whoami").status())
                .isEqualTo(401);
        assertThat(backend.http().withToken(sign(key, "vnd.backstage.user", claims("other-audience", Duration.ofHours(1)))).get("/api/whoami").status())
                .isEqualTo(401);
        assertThat(backend.http().withToken("not-a-token").get("/api/whoami").status()).isEqualTo(401);
        assertThat(backend.http().send(backend.http().request("/api/whoami").header("Authorization", "Basic dXNlcjpwdw==").GET().build()).status())
                .isEqualTo(401);
    }

    @Test
    void refusesAnInvalidTokenEvenOnPublicRoutes() {
        assertThat(backend.http().get("/api/whoami/public").json().path("signedIn").asBoolean()).isFalse();
        assertThat(backend.http().withToken("garbage").get("/api/whoami/public").status()).isEqualTo(401);
    }

    @Test
    void publishesTheSigningKeysAsJwks() {
        JsonNode jwks = backend.http().get("/api/auth/.well-known/jwks.json").json();

        assertThat(jwks.path("keys").size()).isGreaterThanOrEqualTo(1);
        assertThat(jwks.path("keys").get(0).path("kty").asString()).isEqualTo("EC");
        assertThat(jwks.path("keys").get(0).has("d")).isFalse();
    }

    @Test
    void answersUserInfoForUserTokens() {
        JsonNode info = backend.http().asGuest().get("/api/auth/v1/userinfo").json();

        assertThat(info.path("claims").path("sub").asString()).isEqualTo("user:development/guest");
        assertThat(backend.http().asStaticClient().get("/api/auth/v1/userinfo").status()).isEqualTo(403);
    }

    @Test
    void tokensSignedByOneReplicaAreAcceptedByAnother() {
        String schema = TestDatabase.newSchema();
        try (TestBackend first = TestBackend.builder().plugins(new WhoAmIPlugin()).postgresSchema(schema).start();
             TestBackend second = TestBackend.builder().plugins(new WhoAmIPlugin()).postgresSchema(schema).start()) {
            String token = first.userToken("user:default/jane");

            assertThat(second.http().withToken(token).get("/api/whoami").json().path("subject").asString()).isEqualTo("user:default/jane");
        } finally {
            TestDatabase.dropSchema(schema);
        }
    }

    @Test
    void sessionCookieRequestsNeedTheCsrfTokenToChangeAnything() throws Exception {
        TestHttp.Result signIn = backend.http().get("/sign-in");
        String csrfCookie = signIn.header("Set-Cookie").orElseThrow().split(";")[0];
        String formToken = csrfCookie.substring(csrfCookie.indexOf('=') + 1);
        TestHttp.Result signedIn = backend.http().send(backend.http().request("/auth/guest/sign-in")
                .header("Cookie", csrfCookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + formToken + "&returnTo=/settings")).build());
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Location")).contains("/settings");
        String session = signedIn.header("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(signedIn.header("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Lax");

        TestHttp.Result page = backend.http().send(backend.http().request("/settings").header("Cookie", session).GET().build());
        String csrf = page.body().replaceAll("(?s).*<meta name=\"csrf-token\" content=\"([^\"]+)\".*", "$1");
        java.net.http.HttpRequest.Builder post = backend.http().request("/api/whoami/echo").header("Cookie", session)
                .header("Content-Type", "application/json");

        assertThat(backend.http().send(backend.http().request("/api/whoami").header("Cookie", session).GET().build()).status()).isEqualTo(200);
        assertThat(backend.http().send(post.copy().POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()).status()).isEqualTo(403);
        assertThat(backend.http().send(post.copy().header("X-CSRF-Token", csrf).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()).status())
                .isEqualTo(200);
    }

    @Test
    void refusesGuestSignInWithoutTheFormsCookie() {
        TestHttp.Result result = backend.http().send(backend.http().request("/auth/guest/sign-in")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=guess&returnTo=/")).build());

        assertThat(result.status()).isEqualTo(403);
        assertThat(result.header("Set-Cookie")).isEmpty();
    }

    private static JWTClaimsSet claims(String audience, Duration lifetime) {
        return new JWTClaimsSet.Builder().issuer("http://localhost/api/auth").subject("user:default/mallory").audience(audience)
                .claim("ent", List.of("group:default/admins")).issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + lifetime.toMillis())).build();
    }

    private static String sign(ECKey key, String type, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(new JOSEObjectType(type)).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
