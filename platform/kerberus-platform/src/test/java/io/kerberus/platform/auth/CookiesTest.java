package io.kerberus.platform.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CookiesTest {

    @Test
    void underHttpsTheSessionAndFlowCookiesTakeTheHostPrefixOnPathSlash() {
        Cookies cookies = new Cookies(true);

        assertThat(cookies.setSession("v", Duration.ofDays(1))).startsWith("__Host-kerberus_session=v; Path=/;").contains("; Secure");
        assertThat(cookies.flowName("my-idp")).isEqualTo("__Host-kerberus_oauth_my_idp");
        assertThat(cookies.flowPath("my-idp")).isEqualTo("/");
        assertThat(cookies.clearSession()).containsExactly(
                "__Host-kerberus_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure",
                "kerberus_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure");
    }

    @Test
    void underHttpsTheUnprefixedSessionCookieOfOlderSessionsIsStillRead() {
        Cookies cookies = new Cookies(true);

        assertThat(cookies.session(Map.of("kerberus_session", "old")::get)).contains("old");
        assertThat(cookies.session(Map.of("kerberus_session", "old", "__Host-kerberus_session", "new")::get)).contains("new");
        assertThat(cookies.session(Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void overHttpTheNamesStayPlain() {
        Cookies cookies = new Cookies(false);

        assertThat(cookies.sessionName()).isEqualTo("kerberus_session");
        assertThat(cookies.flowName("oidc")).isEqualTo("kerberus_oauth_oidc");
        assertThat(cookies.flowPath("oidc")).isEqualTo("/api/auth/oidc");
        assertThat(cookies.session(Map.of("__Host-kerberus_session", "x")::get)).isEmpty();
    }
}
