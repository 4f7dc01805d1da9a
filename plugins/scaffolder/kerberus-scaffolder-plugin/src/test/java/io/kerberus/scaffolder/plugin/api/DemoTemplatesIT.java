package io.kerberus.scaffolder.plugin.api;

import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.scaffolder.plugin.ScaffolderPlugin;
import io.kerberus.test.Eventually;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's three demo templates (app/kerberus-app/src/main/resources/demo/catalog/templates) run for real:
 * rendered, pushed with publish:git to a new local bare repository under the data folder, and registered
 * in the catalog through the catalog's local git reader. On both databases.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
public class DemoTemplatesIT {

    static final Path DEMO = Path.of("../../../app/kerberus-app/src/main/resources/demo/catalog");

    static Path data;
    static TestBackend backend;
    static TestHttp ada;

    @Parameter
    TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws IOException {
        data = Files.createTempDirectory("demo-templates").toRealPath();
        Path catalog = Files.createDirectories(data.resolve("demo-catalog"));
        copyTree(DEMO.resolve("templates"), catalog.resolve("templates"));
        Files.writeString(catalog.resolve("all.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: web-team}
                spec: {type: team, children: []}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: demo-templates}
                spec:
                  targets: [./templates/java-service/template.yaml, ./templates/docs-site/template.yaml, ./templates/java-library/template.yaml]
                """);
        backend = TestBackend.builder().plugins(new CatalogPlugin(), new ScaffolderPlugin()).database(database).config("""
                catalog:
                  processingInterval: 1h
                  fileRoots: ['%s', '%s']
                  rules: [{allow: [Component, Group, Location, Template]}]
                  locations: [{type: file, target: '%s'}]
                scaffolder:
                  enabled: true
                  pollInterval: 100ms
                """.formatted(catalog, data.resolve("demo-git"), catalog.resolve("all.yaml"))).start();
        ada = backend.http().withToken(backend.userToken("user:default/ada"));
        for (String name : List.of("java-service", "docs-site", "java-library")) {
            Eventually.until(() -> ada.get("/api/scaffolder/v2/templates/default/template/" + name + "/parameter-schema").status() == 200,
                    () -> "the demo template " + name + " in the catalog: " + ada.get("/api/catalog/entities?filter=kind=location").body(), Eventually.LIMIT);
        }
    }

    @AfterParameterizedClassInvocation
    static void stop() throws IOException {
        backend.close();
        try (Stream<Path> walk = Files.walk(data)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Copies a folder tree, for tests that serve the demo templates. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "java-service, orders-service, 'pom.xml,src/main/java/com/acme/ordersservice/Main.java', 'javaVersion=21;port=8080;lifecycle=production'",
            "docs-site, handbook, 'docs/guides/getting-started.md', 'includeGuides=true;lifecycle=experimental'",
            "java-library, money-utils, 'pom.xml,src/test/java/com/acme/moneyutils/GreetingTest.java', 'javaVersion=25;withTests=true;lifecycle=production'"})
    void publishesTheRenderedSkeletonToALocalRepositoryAndRegistersIt(String template, String name, String files, String extra) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("name", name, "description", "Made by " + template + ": a demo",
                "owner", "group:default/web-team", "tags", List.of("demo", "java")));
        for (String pair : extra.split(";")) {
            String[] option = pair.split("=");
            values.put(option[0], option[1].equals("true") ? (Object) true : option[1].matches("\\d{4}") ? (Object) Integer.parseInt(option[1]) : option[1]);
        }

        TestHttp.Result created = ada.postJson("/api/scaffolder/v2/tasks", Map.of("templateRef", "template:default/" + template, "values", values));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        Eventually.until(() -> List.of("completed", "failed").contains(ada.get("/api/scaffolder/v2/tasks/" + id).json().path("status").asString()),
                "task " + id + " to end");
        JsonNode events = ada.get("/api/scaffolder/v2/tasks/" + id + "/events").json();
        assertThat(ada.get("/api/scaffolder/v2/tasks/" + id).json().path("status").asString())
                .as(String.join("\n", events.findValuesAsString("message"))).isEqualTo("completed");

        Path bare = data.resolve("demo-git/" + name + ".git");
        Map<String, String> pushed = pushedFiles(bare);
        assertThat(pushed).containsKeys("catalog-info.yaml", "mkdocs.yml", "docs/index.md", "README.md").containsKeys(files.split(","));
        assertThat(pushed.get("catalog-info.yaml")).contains("name: " + name, "description: \"Made by " + template + ": a demo\"",
                "owner: group:default/web-team", "- demo", "backstage.io/techdocs-ref: dir:.").doesNotContain("${{");
        assertThat(pushed.get("mkdocs.yml")).contains("site_name: " + name).doesNotContain("${{");

        Eventually.until(() -> ada.get("/api/catalog/entities/by-name/component/default/" + name).status() == 200,
                () -> "the new component " + name + " in the catalog; the task said " + events.findValuesAsString("message")
                        + "; it pushed " + pushed.get("catalog-info.yaml"), Eventually.LIMIT);
        JsonNode entity = ada.get("/api/catalog/entities/by-name/component/default/" + name).json();
        assertThat(entity.path("metadata").path("annotations").path("backstage.io/managed-by-location").asString())
                .isEqualTo("url:file://" + data.resolve("demo-git/" + name) + "/blob/main/catalog-info.yaml");
        JsonNode output = events.path(events.size() - 1).path("body").path("output");
        assertThat(output.path("links").findValuesAsString("entityRef")).containsExactly("component:default/" + name);
        assertThat(output.path("links").findValuesAsString("url")).containsExactly("file://" + data.resolve("demo-git/" + name) + "/blob/main");
        assertThat(output.path("text").path(0).path("content").asString()).contains("git clone file://" + bare);
    }

    static Map<String, String> pushedFiles(Path bare) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(repo.resolve("refs/heads/main")).getTree());
            tree.setRecursive(true);
            List<String> paths = new ArrayList<>();
            while (tree.next()) {
                paths.add(tree.getPathString());
                files.put(tree.getPathString(), new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
