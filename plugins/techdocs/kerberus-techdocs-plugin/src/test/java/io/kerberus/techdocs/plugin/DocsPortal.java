package io.kerberus.techdocs.plugin;

import com.sun.net.httpserver.HttpServer;
import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.test.Eventually;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A portal with the catalog and TechDocs for the tests: entity {@code orders} documented by the test
 * corpus next to its file ({@code dir:./orders}), {@code remote} documented by a copy of the corpus
 * behind a local HTTP server ({@code url:}), {@code escape} pointing outside the catalog's folders,
 * {@code bare} with a docs folder but no mkdocs.yml, and {@code plain} without docs.
 */
final class DocsPortal implements AutoCloseable {

    final Path dir;
    final HttpServer files;
    final TestBackend backend;

    private DocsPortal(Path dir, HttpServer files, TestBackend backend) {
        this.dir = dir;
        this.files = files;
        this.backend = backend;
    }

    static DocsPortal start(TestDatabase database, String extraConfig) {
        try {
            Path dir = Files.createTempDirectory("kerberus-docs-portal");
            TestFiles.copy(TestFiles.corpus(), dir.resolve("catalog/orders"));
            Path remote = dir.resolve("remote-site");
            TestFiles.copy(TestFiles.corpus(), remote);
            Files.createDirectories(dir.resolve("catalog/bare/docs"));
            Files.writeString(dir.resolve("catalog/bare/docs/index.md"), "# Bare docs\n\nNo mkdocs.yml here.\n");
            HttpServer files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            files.createContext("/", exchange -> {
                try (exchange) {
                    Path file = remote.resolve(exchange.getRequestURI().getPath().substring("/repo/".length())).normalize();
                    if (!file.startsWith(remote) || !Files.isRegularFile(file)) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    byte[] bytes = Files.readAllBytes(file);
                    exchange.sendResponseHeaders(200, bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            });
            files.start();
            int port = files.getAddress().getPort();
            Files.writeString(dir.resolve("catalog/all.yaml"), """
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata:
                      name: orders
                      description: Takes orders
                      annotations: {backstage.io/techdocs-ref: 'dir:./orders'}
                    spec: {type: service, lifecycle: production, owner: team-a}
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata:
                      name: remote
                      annotations: {backstage.io/techdocs-ref: 'url:http://127.0.0.1:%d/repo/'}
                    spec: {type: library, lifecycle: production, owner: team-b}
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata:
                      name: escape
                      annotations: {backstage.io/techdocs-ref: 'dir:../../../../../../../etc'}
                    spec: {type: service, lifecycle: production, owner: team-a}
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata:
                      name: bare
                      annotations: {backstage.io/techdocs-ref: 'dir:bare'}
                    spec: {type: library, lifecycle: experimental, owner: team-a}
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata: {name: plain}
                    spec: {type: service, lifecycle: production, owner: team-a}
                    """.formatted(port));
            TestBackend backend = TestBackend.builder().plugins(new CatalogPlugin(), new TechDocsPlugin(), new SearchProbe()).modules(new DocsTabModule())
                    .database(database).config("""
                            auth:
                              providers:
                                guest:
                                  userEntityRef: user:default/jane
                                  ownershipEntityRefs: [user:default/jane, group:default/team-a]
                            backend:
                              reading:
                                allow: [{host: '127.0.0.1:%d'}]
                            catalog:
                              processingInterval: 1h
                              fileRoots: ['%s']
                              locations:
                                - {type: file, target: '%s'}
                            """.formatted(port, dir.resolve("catalog"), dir.resolve("catalog/all.yaml")))
                    .config(extraConfig).start();
            DocsPortal portal = new DocsPortal(dir, files, backend);
            portal.await(() -> backend.http().asStaticClient().get("/api/catalog/entities/by-query?filter=kind%3Dcomponent&limit=1")
                    .json().path("totalItems").asInt() == 5, "the catalog");
            return portal;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void await(BooleanSupplier condition, String what) {
        await(condition, () -> what);
    }

    void await(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        Eventually.until(condition, what, Eventually.LIMIT);
    }

    @Override
    public void close() {
        backend.close();
        files.stop(0);
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }
}
