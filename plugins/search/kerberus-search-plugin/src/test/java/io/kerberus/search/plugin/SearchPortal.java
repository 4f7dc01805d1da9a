package io.kerberus.search.plugin;

import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.techdocs.plugin.TechDocsPlugin;
import io.kerberus.test.Eventually;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A portal with the catalog, TechDocs and search for the tests: teams, services, an API, a
 * documented component whose docs mention "reconciliation", and a second file to register later.
 */
final class SearchPortal implements AutoCloseable {

    final Path dir;
    final TestBackend backend;
    final TestHttp api;

    private SearchPortal(Path dir, TestBackend backend) {
        this.dir = dir;
        this.backend = backend;
        this.api = backend.http().asStaticClient();
    }

    static SearchPortal start(TestDatabase database, String extraConfig) {
        return start(database, extraConfig, new io.kerberus.plugin.Plugin[0]);
    }

    static SearchPortal start(TestDatabase database, String extraConfig, io.kerberus.plugin.Plugin... more) {
        try {
            Path dir = Files.createTempDirectory("kerberus-search-portal");
            Files.createDirectories(dir.resolve("ledger/docs"));
            Files.writeString(dir.resolve("ledger/mkdocs.yml"), "site_name: Ledger handbook\nnav:\n  - Home: index.md\n  - Runbook: runbook.md\n");
            Files.writeString(dir.resolve("ledger/docs/index.md"), "# Ledger handbook\n\nThe ledger keeps every booking.\n");
            Files.writeString(dir.resolve("ledger/docs/runbook.md"), "# Runbook\n\n## Reconciliation\n\nNightly reconciliation compares bookings with the bank.\n");
            StringBuilder yaml = new StringBuilder("""
                    apiVersion: backstage.io/v1alpha1
                    kind: Group
                    metadata: {name: team-a, title: Team Alpha}
                    spec: {type: team, children: []}
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Group
                    metadata: {name: team-platform}
                    spec: {type: team, children: []}
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata: {name: orders, description: Takes orders from the shop, tags: [java, commerce]}
                    spec: {type: service, lifecycle: production, owner: team-a}
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata: {name: orders-api-gateway, description: Routes calls to the orders service}
                    spec: {type: service, lifecycle: experimental, owner: team-platform}
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata: {name: tech-radar, description: Which technologies we adopt}
                    spec: {type: website, lifecycle: production, owner: team-platform}
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata: {name: deploy-bot, description: Deploying services on merge}
                    spec: {type: service, lifecycle: production, owner: team-platform}
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata:
                      name: ledger
                      description: Bookkeeping of payments
                      annotations: {backstage.io/techdocs-ref: 'dir:./ledger'}
                    spec: {type: service, lifecycle: production, owner: team-a}
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: API
                    metadata: {name: orders-events, description: Events about orders}
                    spec: {type: asyncapi, lifecycle: production, owner: team-a, definition: 'asyncapi: 2.6.0'}
                    """);
            for (int i = 1; i <= 30; i++) {
                yaml.append("""
                        ---
                        apiVersion: backstage.io/v1alpha1
                        kind: Component
                        metadata: {name: widget-%02d, description: Widget number %d}
                        spec: {type: library, lifecycle: production, owner: team-a}
                        """.formatted(i, i));
            }
            Files.writeString(dir.resolve("all.yaml"), yaml);
            Files.writeString(dir.resolve("later.yaml"), """
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata: {name: quasar-billing, description: Registered while the portal runs}
                    spec: {type: service, lifecycle: production, owner: team-a}
                    """);
            TestBackend backend = TestBackend.builder().plugins(new CatalogPlugin(), new TechDocsPlugin(), new SearchPlugin()).plugins(more).database(database).config("""
                    auth:
                      providers:
                        guest:
                          userEntityRef: user:default/jane
                          ownershipEntityRefs: [user:default/jane, group:default/team-a]
                    catalog:
                      processingInterval: 1h
                      fileRoots: ['%s']
                      locations:
                        - {type: file, target: '%s'}
                    """.formatted(dir, dir.resolve("all.yaml"))).config(extraConfig).start();
            SearchPortal portal = new SearchPortal(dir, backend);
            Eventually.until(() -> portal.api.get("/api/search/query?term=widget&pageLimit=1").json().path("numberOfResults").asInt() == 30,
                    "the catalog in the search index");
            return portal;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        backend.close();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }
}
