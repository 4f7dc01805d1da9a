package io.kerberus.catalog.plugin;

import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How processing treats changes and bad input: last good versions, errors with file and line, orphans, conflicts. */
class ProcessingIT {

    Path dir;
    TestBackend backend;
    TestHttp http;

    @BeforeEach
    void createDir() throws IOException {
        dir = Files.createTempDirectory("catalog-processing");
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (backend != null) {
            backend.close();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static String component(String name, String type) {
        return """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                spec:
                  type: %s
                  lifecycle: production
                  owner: team-a
                """.formatted(name, type);
    }

    private void start(TestDatabase database, String extraConfig, String... files) throws IOException {
        StringBuilder locations = new StringBuilder();
        for (String file : files) {
            locations.append("    - {type: file, target: '").append(dir.resolve(file)).append("'}\n");
        }
        backend = TestBackend.builder().plugins(new CatalogPlugin()).database(database).config(CatalogTestSupport.ALLOW_ALL)
                .config("catalog:\n  fileRoots: ['" + dir + "']\n" + (files.length > 0 ? "  locations:\n" + locations : "") + extraConfig).start();
        http = backend.http().asStaticClient();
    }

    private JsonNode entity(String kind, String name) {
        return CatalogTestSupport.entity(http, kind, "default", name);
    }

    private JsonNode location(String file) {
        JsonNode found = null;
        for (JsonNode item : http.get("/api/catalog/entities?filter=kind%3Dlocation").json()) {
            if (item.path("spec").path("target").asString().equals(dir.resolve(file).toString())) {
                found = item;
            }
        }
        return found;
    }

    private static List<String> statusMessages(JsonNode entity) {
        List<String> messages = new ArrayList<>();
        if (entity != null) {
            entity.path("status").path("items").forEach(item -> messages.add(item.path("message").asString()));
        }
        return messages;
    }

    private void refresh(String ref) {
        assertThat(http.postJson("/api/catalog/refresh", Map.of("entityRef", ref)).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsTheLastGoodVersionWhenAnEntityBreaks(TestDatabase database) throws IOException {
        Files.writeString(dir.resolve("c.yaml"), component("svc", "service"));
        start(database, "", "c.yaml");
        CatalogTestSupport.await(() -> entity("component", "svc") != null, "svc");

        Files.writeString(dir.resolve("c.yaml"), component("svc", "service").replace("  lifecycle: production\n", ""));
        refresh("component:default/svc");

        CatalogTestSupport.await(() -> !statusMessages(entity("component", "svc")).isEmpty(), "the error on svc");
        JsonNode svc = entity("component", "svc");
        assertThat(svc.path("spec").path("lifecycle").asString()).isEqualTo("production");
        assertThat(statusMessages(svc)).anySatisfy(message -> assertThat(message).contains("spec.lifecycle"));
        assertThat(svc.path("status").path("items").get(0).path("type").asString()).isEqualTo("backstage.io/catalog-processing");
        assertThat(svc.path("status").path("items").get(0).path("level").asString()).isEqualTo("error");

        Files.writeString(dir.resolve("c.yaml"), component("svc", "website"));
        refresh("component:default/svc");
        CatalogTestSupport.await(() -> entity("component", "svc").path("spec").path("type").asString().equals("website")
                && statusMessages(entity("component", "svc")).isEmpty(), "the fixed version");
    }

    @Test
    void malformedYamlIsReportedWithFileAndLineAndLosesNothing() throws IOException {
        Files.writeString(dir.resolve("c.yaml"), component("svc", "service") + "---\n" + component("other", "service"));
        start(TestDatabase.H2, "", "c.yaml");
        CatalogTestSupport.await(() -> entity("component", "other") != null, "both entities");

        Files.writeString(dir.resolve("c.yaml"), component("svc", "service") + "---\nkind: [unclosed\n");
        refresh("component:default/svc");

        CatalogTestSupport.await(() -> statusMessages(location("c.yaml")).stream().anyMatch(m -> m.contains("invalid YAML")), "the YAML error");
        assertThat(statusMessages(location("c.yaml"))).anySatisfy(message -> assertThat(message).matches(".*c\\.yaml:1[0-9]: invalid YAML.*"));
        assertThat(entity("component", "other")).isNotNull();
        assertThat(entity("component", "other").path("metadata").path("annotations").has("backstage.io/orphan")).isFalse();
    }

    @Test
    @DisplayName("A missing or unreadable target is an error on its location and keeps what was ingested (issue #3)")
    void missingAndUnreadableTargetsKeepTheirEntities() throws IOException {
        Files.writeString(dir.resolve("c.yaml"), component("svc", "service"));
        Files.createDirectories(dir.resolve("folder.yaml"));
        start(TestDatabase.H2, "", "c.yaml", "never-there.yaml", "folder.yaml");
        CatalogTestSupport.await(() -> entity("component", "svc") != null && !statusMessages(location("never-there.yaml")).isEmpty()
                && !statusMessages(location("folder.yaml")).isEmpty(), "svc and the errors");
        assertThat(statusMessages(location("never-there.yaml"))).anySatisfy(m -> assertThat(m).contains("never-there.yaml").contains("not found"));
        assertThat(statusMessages(location("folder.yaml"))).anySatisfy(m -> assertThat(m).contains("is a folder"));

        Files.delete(dir.resolve("c.yaml"));
        refresh("location:default/" + location("c.yaml").path("metadata").path("name").asString());
        CatalogTestSupport.await(() -> !statusMessages(location("c.yaml")).isEmpty(), "the error on c.yaml");
        assertThat(statusMessages(location("c.yaml"))).anySatisfy(m -> assertThat(m).contains("c.yaml").contains("not found"));
        JsonNode svc = entity("component", "svc");
        assertThat(svc).isNotNull();
        assertThat(svc.path("metadata").path("annotations").has("backstage.io/orphan")).isFalse();
        assertThat(http.get("/healthcheck").status()).isEqualTo(200);
    }

    @Test
    void invalidAndUnknownEntitiesAreErrorsOnTheirLocation() throws IOException {
        Files.writeString(dir.resolve("c.yaml"), component("Bad Name", "service") + "---\n"
                + component("ship", "service").replace("kind: Component", "kind: Spaceship") + "---\n" + component("good", "service"));
        start(TestDatabase.H2, "  rules: [{allow: ['*']}]\n", "c.yaml");

        CatalogTestSupport.await(() -> entity("component", "good") != null && statusMessages(location("c.yaml")).size() >= 2, "the errors");
        assertThat(statusMessages(location("c.yaml"))).anySatisfy(m -> assertThat(m).contains("\"metadata.name\" is not valid"))
                .anySatisfy(m -> assertThat(m).contains("No processor recognized the entity spaceship:default/ship"));
        assertThat(http.get("/healthcheck").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void entitiesGoneFromTheirFileBecomeOrphans(TestDatabase database) throws IOException {
        Files.writeString(dir.resolve("c.yaml"), component("stay", "service") + "---\n" + component("leave", "service"));
        start(database, "", "c.yaml");
        CatalogTestSupport.await(() -> entity("component", "leave") != null, "both");

        Files.writeString(dir.resolve("c.yaml"), component("stay", "service"));
        refresh("component:default/stay");

        CatalogTestSupport.await(() -> "true".equals(entity("component", "leave").path("metadata").path("annotations").path("backstage.io/orphan").asString()),
                "the orphan annotation");
        assertThat(entity("component", "stay").path("metadata").path("annotations").has("backstage.io/orphan")).isFalse();
    }

    @Test
    void orphansAreDeletedWhenTheStrategySaysSo() throws IOException {
        Files.writeString(dir.resolve("c.yaml"), component("stay", "service") + "---\n" + component("leave", "service"));
        start(TestDatabase.H2, "  orphanStrategy: delete\n", "c.yaml");
        CatalogTestSupport.await(() -> entity("component", "leave") != null, "both");

        Files.writeString(dir.resolve("c.yaml"), component("stay", "service"));
        refresh("component:default/stay");

        CatalogTestSupport.await(() -> entity("component", "leave") == null, "the orphan to be deleted");
        assertThat(entity("component", "stay")).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSecondLocationWithTheSameEntityIsRefused(TestDatabase database) throws IOException {
        Files.writeString(dir.resolve("first.yaml"), component("shared", "service"));
        Files.writeString(dir.resolve("second.yaml"), component("shared", "website"));
        start(database, "", "first.yaml");
        CatalogTestSupport.await(() -> entity("component", "shared") != null, "the first");

        TestHttp.Result created = http.postJson("/api/catalog/locations", Map.of("type", "file", "target", dir.resolve("second.yaml").toString()));
        assertThat(created.status()).isEqualTo(201);

        CatalogTestSupport.await(() -> statusMessages(location("second.yaml")).stream().anyMatch(m -> m.contains("Conflicting entity component:default/shared")),
                "the conflict error");
        assertThat(entity("component", "shared").path("spec").path("type").asString()).isEqualTo("service");
    }

    @Test
    void resolvesPlaceholdersRelativeToTheDescriptor() throws IOException {
        Files.createDirectories(dir.resolve("apis"));
        Files.writeString(dir.resolve("apis/petstore.yaml"), "openapi: 3.0.0\ninfo: {title: Petstore, version: 1.0.0}\n");
        Files.writeString(dir.resolve("apis/extra.json"), "{\"team\": \"pets\"}");
        Files.writeString(dir.resolve("apis/api.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata:
                  name: petstore
                  labels:
                    $json: ./extra.json
                spec:
                  type: openapi
                  lifecycle: production
                  owner: team-a
                  definition:
                    $text: ./petstore.yaml
                """);
        start(TestDatabase.H2, "", "apis/api.yaml");

        CatalogTestSupport.await(() -> entity("api", "petstore") != null, "the API");
        assertThat(entity("api", "petstore").path("spec").path("definition").asString()).startsWith("openapi: 3.0.0");
        assertThat(entity("api", "petstore").path("metadata").path("labels").path("team").asString()).isEqualTo("pets");
    }

    @Test
    void followsLocationEntitiesAndGlobs() throws IOException {
        Files.createDirectories(dir.resolve("services/a"));
        Files.createDirectories(dir.resolve("services/b"));
        Files.writeString(dir.resolve("services/a/catalog-info.yaml"), component("a", "service"));
        Files.writeString(dir.resolve("services/b/catalog-info.yaml"), component("b", "service"));
        Files.writeString(dir.resolve("all.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: services}
                spec:
                  targets: ['./services/*/catalog-info.yaml']
                """);
        start(TestDatabase.H2, "", "all.yaml");

        CatalogTestSupport.await(() -> entity("component", "a") != null && entity("component", "b") != null, "both services");
        assertThat(entity("component", "a").path("metadata").path("annotations").path("backstage.io/managed-by-origin-location").asString())
                .isEqualTo("file:" + dir.resolve("all.yaml"));
    }

    @Test
    @DisplayName("Hostile files: path traversal, oversized, non-UTF-8, deeply nested and alias bombs are errors (issue #3)")
    void hostileFilesAreErrorsNotCrashes() throws IOException {
        Files.writeString(dir.resolve("big.yaml"), component("big", "service") + "  padding: '" + "x".repeat(6 * 1024 * 1024) + "'\n");
        Files.write(dir.resolve("latin1.yaml"), component("caf\u00e9", "service").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("deep.yaml"), "a: " + "[".repeat(200) + "]".repeat(200) + "\n");
        Files.writeString(dir.resolve("bomb.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: bomb}
                spec:
                  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                  e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                  type: service
                  lifecycle: production
                  owner: team-a
                """);
        Files.writeString(dir.resolve("escape.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: escape}
                spec: {target: ../../../../../../../etc/passwd}
                """);
        Files.writeString(dir.resolve("good.yaml"), component("good", "service"));
        start(TestDatabase.H2, "", "big.yaml", "latin1.yaml", "deep.yaml", "bomb.yaml", "escape.yaml", "good.yaml");

        CatalogTestSupport.await(() -> entity("component", "good") != null && entity("location", "escape") != null
                && !statusMessages(entity("location", "escape")).isEmpty(), "processing");
        assertThat(statusMessages(location("big.yaml"))).anySatisfy(m -> assertThat(m).contains("MB"));
        assertThat(statusMessages(location("latin1.yaml"))).anySatisfy(m -> assertThat(m).contains("not valid UTF-8"));
        assertThat(statusMessages(location("deep.yaml"))).anySatisfy(m -> assertThat(m).contains("deep.yaml:1:"));
        assertThat(statusMessages(entity("location", "escape"))).anySatisfy(m -> assertThat(m).contains("outside the folders the catalog may read"));
        assertThat(http.get("/api/catalog/entities?filter=" + java.net.URLEncoder.encode("metadata.name=bomb", java.nio.charset.StandardCharsets.UTF_8)).body().length())
                .isLessThan(100_000);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void registersPreviewsAndUnregistersLocationsThroughTheApi(TestDatabase database) throws IOException {
        Files.writeString(dir.resolve("new.yaml"), component("fresh", "service") + "---\n" + component("Bad Name", "service"));
        start(database, "");

        TestHttp.Result preview = http.postJson("/api/catalog/locations?dryRun=true", Map.of("type", "file", "target", dir.resolve("new.yaml").toString()));
        assertThat(preview.status()).isEqualTo(201);
        assertThat(preview.json().path("entities")).hasSize(1);
        assertThat(entity("component", "fresh")).isNull();

        TestHttp.Result created = http.postJson("/api/catalog/locations", Map.of("type", "file", "target", dir.resolve("new.yaml").toString()));
        String id = created.json().path("location").path("id").asString();
        CatalogTestSupport.await(() -> entity("component", "fresh") != null, "the registered entity");
        assertThat(http.postJson("/api/catalog/locations", Map.of("type", "file", "target", dir.resolve("new.yaml").toString())).status()).isEqualTo(409);

        assertThat(http.delete("/api/catalog/locations/" + id).status()).isEqualTo(204);
        CatalogTestSupport.await(() -> entity("component", "fresh") == null, "the entity to go with its location");
        assertThat(http.get("/api/catalog/locations/" + id).status()).isEqualTo(404);
    }

    @Test
    void refusesLocationsOutsideTheAllowedFoldersAndHosts() throws IOException {
        start(TestDatabase.H2, "");

        TestHttp.Result file = http.postJson("/api/catalog/locations", Map.of("type", "file", "target", "/etc/passwd"));
        TestHttp.Result url = http.postJson("/api/catalog/locations", Map.of("type", "url", "target", "http://169.254.169.254/latest/meta-data"));
        TestHttp.Result type = http.postJson("/api/catalog/locations", Map.of("type", "ftp", "target", "x"));

        assertThat(file.status()).isEqualTo(400);
        assertThat(file.json().path("error").path("message").asString()).contains("outside the folders");
        assertThat(url.status()).isEqualTo(400);
        assertThat(url.json().path("error").path("message").asString()).contains("backend.reading.allow");
        assertThat(type.status()).isEqualTo(400);
    }

    @Test
    void deletingAnEntityByUidRemovesIt() throws IOException {
        Files.writeString(dir.resolve("c.yaml"), component("gone", "service"));
        start(TestDatabase.H2, "", "c.yaml");
        CatalogTestSupport.await(() -> entity("component", "gone") != null, "the entity");

        String uid = entity("component", "gone").path("metadata").path("uid").asString();

        assertThat(http.delete("/api/catalog/entities/by-uid/" + uid).status()).isEqualTo(204);
        assertThat(entity("component", "gone")).isNull();
    }
}
