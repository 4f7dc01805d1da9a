package io.kerberus.plugin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseTest {

    @Test
    void carriesSeveralCookiesInOrder() {
        Response response = Response.redirect("/settings")
                .cookie("a=1; Path=/")
                .header("Set-Cookie", "b=; Path=/x; Max-Age=0")
                .header("Cache-Control", "no-store");

        assertThat(response.cookies()).containsExactly("a=1; Path=/", "b=; Path=/x; Max-Age=0");
        assertThat(response.headers()).containsOnlyKeys("Location", "Cache-Control");
    }

    @Test
    void aSetCookieInTheHeadersMapBecomesACookie() {
        Response response = new Response(200, "text/plain", "x", Map.of("set-cookie", "a=1", "X-Other", "y"));

        assertThat(response.cookies()).isEqualTo(List.of("a=1"));
        assertThat(response.headers()).isEqualTo(Map.of("X-Other", "y"));
    }
}
