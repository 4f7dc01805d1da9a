package io.kerberus.app;

import io.kerberus.platform.Backend;
import io.kerberus.platform.config.ConfigLoader;
import io.kerberus.platform.config.LoadedConfig;
import io.kerberus.platform.plugins.PluginSet;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code kerberus train-aot}: starts the portal once in a temporary directory, signs in as guest,
 * loads a few pages and stops. The launcher runs it with {@code -XX:AOTCacheOutput} after each build,
 * so that later starts load and link classes from the JVM's AOT cache (about half the start-up time).
 */
@Command(name = "train-aot", hidden = true, description = "Start, serve a few requests and stop (the launcher's AOT cache training run).")
final class TrainCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("kerberus-train");
        try {
            String overrides = "backend:\n  baseUrl: http://localhost\n  listen: {port: 0}\n  dataDir: '" + dir + "'\n"
                    + "  database: {client: h2, connection: {directory: '" + dir + "'}}\n  logger: {level: warn}\n";
            LoadedConfig config = ConfigLoader.load(List.of(
                    ConfigLoader.Layer.text("demo config (built in)", ConfigOptions.demoYaml(), dir),
                    ConfigLoader.Layer.text("training", overrides, dir)),
                    Map.of(DemoCatalog.VARIABLE, DemoCatalog.extract(dir.resolve("demo-catalog")).toString()));
            Backend.Prepared prepared = Backend.prepare(config, PluginSet.discover(config), null);
            prepared.settings().logging().apply();
            try (Backend backend = Backend.start(prepared, Clock.systemUTC())) {
                exercise(backend.localUrl());
            }
            return 0;
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The requests a first visitor makes: health, sign-in, home, settings, assets and the API. */
    private static void exercise(String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        get(client, url + "/healthcheck", null);
        HttpResponse<String> signIn = get(client, url + "/sign-in", null);
        String formCookie = signIn.headers().firstValue("Set-Cookie").orElse("").split(";")[0];
        String token = formCookie.substring(formCookie.indexOf('=') + 1);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(url + "/auth/guest/sign-in"))
                .header("Cookie", formCookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&returnTo=/")).build(), HttpResponse.BodyHandlers.ofString());
        String session = signedIn.headers().firstValue("Set-Cookie").orElse("").split(";")[0];
        for (String path : List.of("/", "/settings", "/example", "/nowhere", "/static/platform/kerberus.css")) {
            get(client, url + path, session);
        }
        waitForCatalog(client, url, session);
        for (String path : List.of("/api/catalog/entities/by-query?filter=kind%3Dcomponent&limit=20",
                "/api/catalog/entities/by-name/component/default/checkout-service", "/api/catalog/entity-facets?facet=spec.type")) {
            get(client, url + path, session);
        }
        client.send(HttpRequest.newBuilder(URI.create(url + "/api/auth/guest/refresh")).header("Cookie", session)
                        .header("X-Requested-With", "XMLHttpRequest").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (at most 30 s) until the demo catalog is processed, so that its code paths are trained too. */
    private static void waitForCatalog(HttpClient client, String url, String session) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (get(client, url + "/api/catalog/entities/by-name/component/default/checkout-service", session).statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip");
        if (cookie != null && !cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
