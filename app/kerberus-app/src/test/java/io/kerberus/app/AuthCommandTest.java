package io.kerberus.app;

import io.kerberus.platform.Backend;
import io.kerberus.platform.config.ConfigLoader;
import io.kerberus.platform.config.LoadedConfig;
import io.kerberus.platform.plugins.PluginSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("kerberus auth sign-out: an admin ends another user's sessions")
class AuthCommandTest {

    @TempDir
    Path dir;

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void endsEverySessionOfTheUser() throws Exception {
        Path config = dir.resolve("app-config.yaml");
        Files.writeString(config, """
                backend:
                  dataDir: '%s'
                  database: {client: h2, connection: {directory: '%s'}}
                  logger: {level: warn}
                auth: {providers: {guest: {}}}
                """.formatted(dir.resolve("data"), dir.resolve("data")));
        LoadedConfig loaded = ConfigLoader.load(ConfigLoader.standardLayers(dir, List.of(config)), Map.of());
        String session;
        try (Backend backend = start(loaded)) {
            session = signInAsGuest(backend.localUrl());
            assertThat(get(backend.localUrl() + "/settings", session).statusCode()).isEqualTo(200);
        }

        StringWriter out = new StringWriter();
        StringWriter errors = new StringWriter();
        int code = Main.run(new String[] {"auth", "sign-out", "--config=" + config, "--user", "user:development/guest"},
                new PrintWriter(out, true), new PrintWriter(errors, true));

        assertThat(code).as(errors.toString()).isZero();
        assertThat(out.toString()).startsWith("Ended 1 session of user:development/guest.");
        try (Backend backend = start(loaded)) {
            assertThat(get(backend.localUrl() + "/settings", session).statusCode()).isEqualTo(303);
            assertThat(backend.audit().list("auth.sessions-ended", 10, 0).toString()).contains("user:development/guest", "command line");
        }
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"auth", "sign-out", "--config=" + config, "--user", "jane"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))).isEqualTo(2);
        assertThat(err.toString()).contains("--user must be a user ref");
    }

    private static Backend start(LoadedConfig loaded) {
        return Backend.start(Backend.prepare(loaded, PluginSet.discover(loaded), 0), Clock.systemUTC());
    }

    private static String signInAsGuest(String url) throws Exception {
        HttpResponse<String> page = get(url + "/sign-in", null);
        String formCookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String token = formCookie.substring(formCookie.indexOf('=') + 1);
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/auth/guest/sign-in"))
                .header("Cookie", formCookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&returnTo=/")).build(), HttpResponse.BodyHandlers.ofString());
        return signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
