package io.kerberus.catalog.plugin.users;

import com.nimbusds.jwt.SignedJWT;
import io.kerberus.test.Browser;
import io.kerberus.test.TestHttp;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in with OIDC (a real local OIDC server) and GitHub (a replay server), resolved against the catalog. */
class SignInIT {

    static SignInFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SignInFixture();
        awaitEntity("user/default/jane");
        awaitEntity("group/default/engineering");
        awaitEntity("user/default/leaver-a");
        awaitEntity("user/default/leaver-b");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static void awaitEntity(String path) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (fixture.backend.http().asStaticClient().get("/api/catalog/entities/by-name/" + path).status() != 200) {
            assertThat(System.nanoTime()).as("waiting for " + path).isLessThan(deadline);
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void nextOidcUser(String issuer, String subject, Map<String, Object> claims) {
        fixture.oidc.enqueueCallback(new DefaultOAuth2TokenCallback(issuer, subject, "JWT", null, claims, 3600));
    }

    @Test
    void oidcSignInInTheBrowserLandsSignedInWithTransitiveGroups() {
        nextOidcUser("default", "jane-sub", Map.of("email", "jane@acme.org", "name", "Jane"));
        try (Browser browser = Browser.start()) {
            browser.open(fixture.backend.url() + "/settings");
            browser.waitForPath("/sign-in");
            browser.waitFor(By.cssSelector("a[data-provider=oidc]")).click();
            browser.waitForPath("/settings");

            String page = browser.driver().getPageSource();
            assertThat(page).contains("user:default/jane", "group:default/team-a", "group:default/engineering", "Jane Doe");
        }
    }

    @Test
    void githubSignInInTheBrowserResolvesTheLogin() {
        fixture.github.login = "octocat";
        try (Browser browser = Browser.start()) {
            browser.open(fixture.backend.url() + "/sign-in?returnTo=/settings");
            assertThat(browser.driver().findElements(By.cssSelector(".sign-in-options a")))
                    .extracting(e -> e.getText()).contains("Sign in with OpenID Connect", "Sign in with Keycloak", "Sign in with GitHub");
            browser.waitFor(By.cssSelector("a[data-provider=github]")).click();
            browser.waitForPath("/settings");

            assertThat(browser.driver().getPageSource()).contains("user:default/octocat", "group:default/engineering");
        }
    }

    @Test
    void emailResolverFailureSaysWhichEmailAndWhichKey() {
        nextOidcUser("default", "x", Map.of("email", "nobody@acme.org"));

        SignInFixture.Answer answer = fixture.signIn("oidc");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.sessionCookie()).isNull();
        assertThat(answer.body()).contains("No User entity has spec.profile.email = nobody@acme.org; add one to the catalog "
                + "or change auth.providers.oidc.development.signIn.resolvers");
    }

    @Test
    void emailLocalPartResolverFindsTheUserByName() {
        nextOidcUser("kc", "ann-sub", Map.of("email", "ann@elsewhere.org"));

        SignInFixture.Answer answer = fixture.signIn("keycloak");

        assertThat(answer.status()).isEqualTo(303);
        assertThat(userInfo(answer.sessionCookie()).path("claims").path("sub").asString()).isEqualTo("user:default/ann");
    }

    @Test
    void emailLocalPartResolverFailureNamesTheName() {
        nextOidcUser("kc", "z", Map.of("email", "zed@acme.org"));

        SignInFixture.Answer answer = fixture.signIn("keycloak");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("No User entity has metadata.name = zed (the local part of zed@acme.org) in namespace default; "
                + "add one to the catalog or change auth.providers.keycloak.development.signIn.resolvers");
    }

    @Test
    void usernameResolverFailureNamesTheLogin() {
        fixture.github.login = "ghost";
        try {
            SignInFixture.Answer answer = fixture.signIn("github");

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).contains("No User entity has metadata.name = ghost (the github user name) in namespace default; "
                    + "add one to the catalog or change auth.providers.github.development.signIn.resolvers");
        } finally {
            fixture.github.login = "octocat";
        }
    }

    @Test
    void refusesACallbackWhoseStateDiffers() {
        SignInFixture.Answer answer = fixture.signIn("oidc", flow -> flow, url -> url.replaceAll("state=[^&]+", "state=forged"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.sessionCookie()).isNull();
        assertThat(answer.body()).contains("does not match the one this browser started");
    }

    @Test
    void refusesWhenThePkceVerifierDiffers() {
        nextOidcUser("default", "jane-sub", Map.of("email", "jane@acme.org"));

        SignInFixture.Answer answer = fixture.signIn("oidc", flow -> {
            flow.put("v", "a".repeat(43));
            return flow;
        }, url -> url);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.sessionCookie()).isNull();
        assertThat(answer.body()).contains("The oidc provider refused the sign-in: invalid_grant");
    }

    @Test
    void refusesAnIdTokenWithAnotherNonce() {
        nextOidcUser("default", "jane-sub", Map.of("email", "jane@acme.org"));

        SignInFixture.Answer answer = fixture.signIn("oidc", flow -> {
            flow.put("n", "another-nonce");
            return flow;
        }, url -> url);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("The ID token from the oidc provider was refused", "nonce");
    }

    @Test
    void refreshReissuesTheTokenWithOwnershipLookedUpAgain() throws Exception {
        nextOidcUser("default", "ann-sub", Map.of("email", "ann@elsewhere.org"));
        String session = fixture.signIn("oidc").sessionCookie();
        assertThat(userInfo(session).path("claims").path("ent").toString()).doesNotContain("group:default/team-a");

        Files.writeString(fixture.catalogDir.resolve("org.yaml"), SignInFixture.CATALOG.replace(
                "spec: {profile: {email: ann@elsewhere.org}, memberOf: []}", "spec: {profile: {email: ann@elsewhere.org}, memberOf: [team-a]}"));
        fixture.backend.http().asStaticClient().postJson("/api/catalog/refresh", Map.of("entityRef", "user:default/ann"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!fixture.backend.http().asStaticClient().get("/api/catalog/entities/by-name/user/default/ann").body().contains("group:default/team-a")) {
            assertThat(System.nanoTime()).as("waiting for ann's new group").isLessThan(deadline);
            sleep(100);
        }
        JsonNode refreshed = refresh(session);

        SignedJWT token = SignedJWT.parse(refreshed.path("backstageIdentity").path("token").asString());
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("user:default/ann");
        assertThat(token.getJWTClaimsSet().getStringListClaim("ent")).contains("user:default/ann", "group:default/team-a", "group:default/engineering");
        assertThat(token.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
        assertThat(userInfo(session).path("claims").path("ent").toString()).contains("group:default/engineering");
    }

    @Test
    void aUserRemovedFromTheCatalogLosesRefreshAndCookieAccess() throws Exception {
        nextOidcUser("default", "la", Map.of("email", "leaver-a@acme.org"));
        String sessionA = fixture.signIn("oidc").sessionCookie();
        nextOidcUser("default", "lb", Map.of("email", "leaver-b@acme.org"));
        String sessionB = fixture.signIn("oidc").sessionCookie();
        assertThat(refresh(sessionA).path("backstageIdentity").path("identity").path("userEntityRef").asString()).isEqualTo("user:default/leaver-a");
        assertThat(userInfo(sessionB).path("claims").path("sub").asString()).isEqualTo("user:default/leaver-b");

        Files.writeString(fixture.catalogDir.resolve("leavers.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: alumni}
                spec: {type: team, children: []}
                """);
        TestHttp admin = fixture.backend.http().asStaticClient();
        for (String name : new String[] {"leaver-a", "leaver-b"}) {
            String uid = admin.get("/api/catalog/entities/by-name/user/default/" + name).json().path("metadata").path("uid").asString();
            assertThat(admin.delete("/api/catalog/entities/by-uid/" + uid).status()).isEqualTo(204);
            assertThat(admin.get("/api/catalog/entities/by-name/user/default/" + name).status()).isEqualTo(404);
        }

        TestHttp http = fixture.backend.http();
        TestHttp.Result refreshed = http.send(http.request("/api/auth/oidc/refresh").header("Cookie", sessionA)
                .header("X-Requested-With", "XMLHttpRequest").GET().build());
        // with revalidateAfter: 0s the cookie check ends it before refresh looks; with the default 5m refresh's own look-up does
        assertThat(refreshed.status()).isEqualTo(401);
        assertThat(refreshed.body()).containsAnyOf("user:default/leaver-a is no longer in the catalog", "The session has ended");
        assertThat(http.send(http.request("/api/auth/v1/userinfo").header("Cookie", sessionA).GET().build()).status()).isEqualTo(401);
        // no refresh for B: its next cookie request looks the user up (revalidateAfter: 0s here) and ends the session
        assertThat(http.send(http.request("/api/auth/v1/userinfo").header("Cookie", sessionB).GET().build()).status()).isEqualTo(401);
        assertThat(admin.get("/api/permission/audit?action=auth.sessions-ended").body())
                .contains("user:default/leaver-a", "user:default/leaver-b", "the User entity is no longer in the catalog");
    }

    @Test
    void signInClearsTheFlowCookie() {
        nextOidcUser("default", "jane-sub", Map.of("email", "jane@acme.org"));

        SignInFixture.Answer answer = fixture.signIn("oidc");

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.setCookies()).anyMatch(c -> c.startsWith("kerberus_session="))
                .anyMatch(c -> c.startsWith("kerberus_oauth_oidc=; Path=/api/auth/oidc; Max-Age=0"));
    }

    @Test
    void aForgedCallbackWritesNoAuditRowAndProviderTextIsCut() {
        String marker = "forged-" + System.nanoTime();
        SignInFixture.Answer forged = fixture.signIn("oidc", flow -> flow, url -> url.replaceAll("state=[^&]+", "state=forged")
                .replaceAll("code=[^&]+", "error=" + marker + "&error_description=" + "x".repeat(5000)));
        assertThat(forged.status()).isEqualTo(401);

        String described = "described-" + System.nanoTime();
        SignInFixture.Answer refused = fixture.signIn("oidc", flow -> flow, url -> url.replaceAll("code=[^&]+",
                "error=access_denied&error_description=" + described + "y".repeat(5000)));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains(described).doesNotContain("y".repeat(300));
        assertThat(refused.setCookies()).anyMatch(c -> c.startsWith("kerberus_oauth_oidc=;"));

        String audit = fixture.backend.http().asStaticClient().get("/api/permission/audit?action=auth.sign-in&limit=1000").body();
        assertThat(audit).doesNotContain(marker).contains(described).doesNotContain("y".repeat(300));
    }

    @Test
    void refreshWithoutASessionIsRefused() {
        TestHttp.Result result = fixture.backend.http().send(fixture.backend.http().request("/api/auth/oidc/refresh")
                .header("X-Requested-With", "XMLHttpRequest").GET().build());

        assertThat(result.status()).isEqualTo(401);
    }

    static JsonNode userInfo(String sessionCookie) {
        TestHttp http = fixture.backend.http();
        return http.send(http.request("/api/auth/v1/userinfo").header("Cookie", sessionCookie).GET().build()).json();
    }

    static JsonNode refresh(String sessionCookie) {
        TestHttp http = fixture.backend.http();
        HttpRequest request = http.request("/api/auth/oidc/refresh").header("Cookie", sessionCookie)
                .header("X-Requested-With", "XMLHttpRequest").GET().build();
        TestHttp.Result result = http.send(request);
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        return result.json();
    }
}
