package io.kerberus.catalog.plugin;

import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backstage's own {@code @backstage/catalog-client} (installed from the npm registry with the
 * pinned lock file in src/test/node) against a Kerberus backend: the compatibility promise of issue #3.
 */
@DisplayName("@backstage/catalog-client works against the catalog API (issue #3)")
class CatalogClientCompatIT {

    static TestBackend backend;
    static Path dir;
    static Path node;

    @BeforeAll
    static void start() throws Exception {
        node = installClient();
        dir = Files.createTempDirectory("catalog-client");
        Files.writeString(dir.resolve("c.yaml"), CatalogApiIT.CATALOG);
        backend = CatalogTestSupport.backend(TestDatabase.H2, "    - {type: file, target: '" + dir.resolve("c.yaml") + "'}\n", dir);
        TestHttp http = backend.http().asStaticClient();
        CatalogTestSupport.await(() -> http.get("/api/catalog/entities/by-query?limit=0").json().path("totalItems").asInt() == 9, "the catalog");
    }

    @AfterAll
    static void stop() throws IOException {
        backend.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** npm ci into target/, once per build. */
    static Path installClient() throws Exception {
        Path source = Path.of("src/test/node").toAbsolutePath();
        Path target = Path.of("target/node-client").toAbsolutePath();
        if (!Files.isDirectory(target.resolve("node_modules/@backstage/catalog-client"))) {
            Files.createDirectories(target);
            for (String file : List.of("package.json", "package-lock.json", "client-check.mjs")) {
                Files.copy(source.resolve(file), target.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            run(target, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 180);
        }
        Files.copy(source.resolve("client-check.mjs"), target.resolve("client-check.mjs"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    static String run(Path dir, List<String> command, int seconds) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("This test needs Node.js and npm (" + command.getFirst() + " was not found): install them, e.g. apt-get install nodejs npm", e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(seconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    @Test
    void everyClientCallWorks() throws Exception {
        String output = run(node, List.of("node", "client-check.mjs", backend.url(), TestBackend.STATIC_TOKEN), 60);
        String json = output.lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(output));
        JsonNode result = JsonMapper.shared().readTree(json);

        assertThat(result.path("getEntities").toString()).isEqualTo("[\"Billing-Worker\",\"checkout\",\"web\"]");
        assertThat(result.path("getEntityByRef").asString()).isEqualTo("checkout");
        assertThat(result.path("getEntityByRefMissing").asString()).isEqualTo("undefined");
        assertThat(result.path("getEntitiesByRefs").toString()).isEqualTo("[\"checkout\",null]");
        assertThat(result.path("queryEntities").path("first").toString()).isEqualTo("[\"Billing-Worker\",\"checkout\"]");
        assertThat(result.path("queryEntities").path("second").toString()).isEqualTo("[\"web\"]");
        assertThat(result.path("queryEntities").path("total").asInt()).isEqualTo(3);
        assertThat(result.path("queryEntities").path("hasPrev").asBoolean()).isTrue();
        assertThat(result.path("getEntityFacets").findValuesAsString("value")).containsExactly("service", "website", "worker");
        assertThat(result.path("getLocations").asInt()).isEqualTo(1);
        assertThat(result.path("queryLocations").asInt()).isEqualTo(1);
        assertThat(result.path("predicateQuery").toString()).isEqualTo("[\"checkout\",\"web\"]");
        assertThat(result.path("predicateFacets").get(0).path("value").asString()).isEqualTo("Component");
        assertThat(result.path("predicateFacets").get(0).path("count").asInt()).isEqualTo(3);
        assertThat(result.path("getEntityAncestors").path("kinds").toString()).isEqualTo("[\"Component\",\"Location\"]");
        assertThat(result.path("getLocationByEntity").asString()).isEqualTo("file");
        assertThat(result.path("validateEntity").path("valid").asBoolean()).isFalse();
        assertThat(result.path("validateEntity").path("errors").get(0).path("message").asString()).contains("\"metadata.name\" is not valid");
        assertThat(result.path("refreshEntity").asString()).isEqualTo("ok");
        assertThat(result.path("unauthorized").asString()).isEqualTo("ResponseError");
    }
}
