package io.kerberus.test;

import io.kerberus.plugin.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Provider settings, the sign-in page, guest sign-in outside development and signing out everywhere. */
class SignInSessionsIT {

    static final String OIDC = """
            auth:
              providers:
                oidc:
                  development:
                    metadataUrl: http://127.0.0.1:9/.well-known/openid-configuration
                    clientId: kerberus
                    clientSecret: very-secret-value
                    signIn: {resolvers: [{resolver: emailMatchingUserEntityProfileEmail}]}
            """;

    @Test
    void refusesGuestSignInInProductionNamingTheKey() {
        assertThatThrownBy(() -> TestBackend.builder().config("app: {environment: production}").start())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auth.providers.guest")
                .hasMessageContaining("dangerouslyAllowOutsideDevelopment: true");
    }

    @Test
    void allowsGuestSignInInProductionWhenDangerouslyAllowed() {
        try (TestBackend backend = TestBackend.builder()
                .config("app: {environment: production}\nauth: {providers: {guest: {dangerouslyAllowOutsideDevelopment: true}}}").start()) {
            assertThat(TestSession.signInAsGuest(backend).get("/settings").body()).contains("user:development/guest");
        }
    }

    @Test
    void signOutEverywhereEndsTheUsersOtherSessions() {
        try (TestBackend backend = TestBackend.builder().start()) {
            TestSession laptop = TestSession.signInAsGuest(backend);
            TestSession phone = TestSession.signInAsGuest(backend);
            assertThat(phone.get("/settings").status()).isEqualTo(200);

            TestHttp.Result signedOut = laptop.postForm("/auth/sign-out-everywhere", Map.of());

            assertThat(signedOut.status()).isEqualTo(303);
            assertThat(signedOut.header("Location")).contains("/sign-in");
            assertThat(laptop.get("/settings").status()).isEqualTo(303);
            assertThat(phone.get("/settings").status()).isEqualTo(303);
            assertThat(phone.get("/settings").header("Location").orElse("")).startsWith("/sign-in");
        }
    }

    @Test
    void signInPageListsTheProvidersAndKeepsReturnTo() {
        try (TestBackend backend = TestBackend.builder().config(OIDC).start()) {
            TestHttp.Result page = backend.http().get("/sign-in?returnTo=/catalog%3Fkind%3Dcomponent");

            assertThat(page.body()).contains("href=\"/api/auth/oidc/start?returnTo=%2Fcatalog%3Fkind%3Dcomponent\"",
                    "Sign in with OpenID Connect", "Enter as guest", "name=\"returnTo\" value=\"/catalog?kind=component\"");
            assertThat(page.body()).doesNotContain("very-secret-value");
        }
    }

    @Test
    void providerWithoutResolversFailsStartUpNamingTheKey() {
        assertThatThrownBy(() -> TestBackend.builder().config(OIDC.replaceAll(" *signIn: .*\n", "")).start())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auth.providers.oidc.development.signIn")
                .hasMessageContaining("emailMatchingUserEntityProfileEmail");
    }

    @Test
    void unknownResolverFailsStartUpListingTheKnownOnes() {
        assertThatThrownBy(() -> TestBackend.builder().config(OIDC.replace("emailMatchingUserEntityProfileEmail", "byMagic")).start())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("resolver")
                .hasMessageContaining("unknown sign-in resolver \"byMagic\"")
                .hasMessageContaining("usernameMatchingUserEntityName");
    }

    @Test
    void usernameResolverForOidcFailsStartUpUnlessDangerouslyAllowed() {
        String username = OIDC.replace("emailMatchingUserEntityProfileEmail", "usernameMatchingUserEntityName");

        assertThatThrownBy(() -> TestBackend.builder().config(username).start())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auth.providers.oidc.development.signIn.resolvers")
                .hasMessageContaining("preferred_username")
                .hasMessageContaining("dangerouslyAllowPreferredUsername: true");
        try (TestBackend backend = TestBackend.builder().config(username.replace("resolver: usernameMatchingUserEntityName",
                "resolver: usernameMatchingUserEntityName, dangerouslyAllowPreferredUsername: true")).start()) {
            assertThat(backend.http().get("/sign-in").body()).contains("Sign in with OpenID Connect");
        }
    }

    @Test
    void emailLocalPartResolverWithoutAllowedDomainsFailsStartUpInProduction() {
        String production = OIDC.replace("auth:\n", "auth:\n  environment: production\n").replace("development:", "production:")
                .replace("emailMatchingUserEntityProfileEmail", "emailLocalPartMatchingUserEntityName");

        assertThatThrownBy(() -> TestBackend.builder().config(production).start())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("allowedDomains")
                .hasMessageContaining("is required in production");
        try (TestBackend backend = TestBackend.builder().config(production.replace("resolver: emailLocalPartMatchingUserEntityName",
                "resolver: emailLocalPartMatchingUserEntityName, allowedDomains: [acme.org]")).start()) {
            assertThat(backend.http().get("/sign-in").body()).contains("Sign in with OpenID Connect");
        }
        // outside production it only warns
        try (TestBackend backend = TestBackend.builder().config(OIDC.replace("emailMatchingUserEntityProfileEmail",
                "emailLocalPartMatchingUserEntityName")).start()) {
            assertThat(backend.http().get("/sign-in").status()).isEqualTo(200);
        }
    }

    @Test
    void plainHttpMetadataUrlFailsStartUpExceptOnThisMachine() {
        assertThatThrownBy(() -> TestBackend.builder().config(OIDC.replace("http://127.0.0.1:9", "http://sso.example.com")).start())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("metadataUrl")
                .hasMessageContaining("must be an https URL");
        try (TestBackend backend = TestBackend.builder().config(OIDC.replace("http://127.0.0.1:9", "http://localhost:9")).start()) {
            assertThat(backend.http().get("/sign-in").status()).isEqualTo(200);
        }
    }

    @Test
    void underHttpsTheSessionCookieTakesTheHostPrefixAndTheOldNameStillWorks() {
        try (TestBackend backend = TestBackend.builder().config("backend: {baseUrl: 'https://portal.example.com'}").start()) {
            TestSession session = TestSession.signInAsGuest(backend);

            assertThat(session.cookie()).startsWith("__Host-kerberus_session=");
            assertThat(session.get("/settings").status()).isEqualTo(200);
            TestSession old = new TestSession(backend, session.cookie().substring("__Host-".length()), session.csrfToken());
            assertThat(old.get("/settings").status()).isEqualTo(200);
            TestHttp.Result signedOut = session.postForm("/auth/sign-out", Map.of());
            assertThat(signedOut.headerValues("Set-Cookie")).anyMatch(c -> c.startsWith("__Host-kerberus_session=;"))
                    .anyMatch(c -> c.startsWith("kerberus_session=;"));
        }
    }

    @Test
    void guestRefreshNeedsAGuestSessionAndIsAudited() {
        try (TestBackend backend = TestBackend.builder().start()) {
            TestHttp http = backend.http();

            assertThat(http.post("/api/auth/guest/refresh", "").status()).isEqualTo(401);
            assertThat(http.send(http.request("/api/auth/guest/refresh").header("X-Requested-With", "XMLHttpRequest").GET().build())
                    .status()).isEqualTo(401);
            TestSession guest = TestSession.signInAsGuest(backend);
            TestHttp.Result refreshed = http.send(http.request("/api/auth/guest/refresh").header("Cookie", guest.cookie())
                    .header("X-Requested-With", "XMLHttpRequest").GET().build());

            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.json().path("backstageIdentity").path("identity").path("userEntityRef").asString())
                    .isEqualTo("user:development/guest");
            assertThat(http.asStaticClient().get("/api/permission/audit?action=auth.refresh").body())
                    .contains("user:development/guest", "guest");
        }
    }

    @Test
    void adminsEndAnotherUsersSessionsThroughTheApi() {
        try (TestBackend backend = TestBackend.builder().start()) {
            TestSession guest = TestSession.signInAsGuest(backend);
            assertThat(guest.get("/settings").status()).isEqualTo(200);

            TestHttp.Result refused = backend.http().asGuest().postJson("/api/auth/sessions/revoke", Map.of("userEntityRef", "user:development/guest"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(guest.get("/settings").status()).isEqualTo(200);

            TestHttp.Result revoked = backend.http().asStaticClient().postJson("/api/auth/sessions/revoke",
                    Map.of("userEntityRef", "user:development/guest"));

            assertThat(revoked.status()).isEqualTo(200);
            assertThat(revoked.json().path("sessionsEnded").asInt()).isGreaterThanOrEqualTo(1);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (guest.get("/settings").status() != 303) {
                assertThat(System.nanoTime()).as("waiting for the session cache").isLessThan(deadline);
                java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
            }
            assertThat(backend.http().asStaticClient().get("/api/permission/audit?action=auth.sessions-ended").body())
                    .contains("user:development/guest", "revoked by an admin (api)");
            assertThat(backend.http().asStaticClient().postJson("/api/auth/sessions/revoke", Map.of("userEntityRef", "jane")).status())
                    .isEqualTo(400);
        }
    }
}
