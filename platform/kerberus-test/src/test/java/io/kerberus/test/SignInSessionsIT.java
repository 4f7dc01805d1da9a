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
}
