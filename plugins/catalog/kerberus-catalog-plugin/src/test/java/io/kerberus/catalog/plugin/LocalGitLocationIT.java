package io.kerberus.catalog.plugin;

import io.kerberus.test.TestBackend;
import io.kerberus.test.TestHttp;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** url locations of local git repositories ({@code file:///<repo>/blob/<branch>/<path>}), as publish:git answers them. */
class LocalGitLocationIT {

    @TempDir
    Path temp;

    void pushRepository(Path bare) throws Exception {
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        Path work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(work.resolve("catalog-info.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: orders
                  annotations: {backstage.io/techdocs-ref: 'dir:.'}
                spec: {type: service, lifecycle: experimental, owner: team-a}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: orders-more}
                spec: {targets: [./api.yaml]}
                """);
        Files.writeString(work.resolve("api.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata: {name: orders-api}
                spec: {type: openapi, lifecycle: experimental, owner: team-a, definition: {$text: ./openapi.yaml}}
                """);
        Files.writeString(work.resolve("openapi.yaml"), "openapi: 3.0.0\n");
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").setAuthor("a", "a@example.com").setCommitter("a", "a@example.com").setSign(false).call();
            git.push().setRemote(bare.toUri().toString()).add("main").call();
        }
    }

    @Test
    void registersAndReadsALocalGitRepositoryInsideTheFileRoots() throws Exception {
        Path root = Files.createDirectories(temp.resolve("root"));
        pushRepository(root.resolve("orders.git"));
        Path outside = temp.resolve("outside.git");
        pushRepository(outside);
        String base = "file://" + root.resolve("orders") + "/blob/main/";
        try (TestBackend backend = TestBackend.builder().plugins(new CatalogPlugin())
                .config("catalog:\n  fileRoots: ['" + root + "']\n  rules: [{allow: [Component, API, Location]}]\n").start()) {
            TestHttp http = backend.http().asStaticClient();

            TestHttp.Result created = http.postJson("/api/catalog/locations", Map.of("type", "url", "target", base + "catalog-info.yaml"));

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            CatalogTestSupport.await(() -> CatalogTestSupport.entity(http, "api", "default", "orders-api") != null, "the API next to it");
            JsonNode component = CatalogTestSupport.entity(http, "component", "default", "orders");
            JsonNode annotations = component.path("metadata").path("annotations");
            assertThat(annotations.path("backstage.io/managed-by-location").asString()).isEqualTo("url:" + base + "catalog-info.yaml");
            assertThat(annotations.path("backstage.io/source-location").asString()).isEqualTo("url:" + base);
            assertThat(CatalogTestSupport.entity(http, "api", "default", "orders-api").path("spec").path("definition").asString())
                    .isEqualTo("openapi: 3.0.0\n");

            TestHttp.Result refused = http.postJson("/api/catalog/analyze-location", Map.of("location",
                    Map.of("type", "url", "target", "file://" + temp.resolve("outside") + "/blob/main/catalog-info.yaml")));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("catalog.fileRoots");
        }
    }
}
