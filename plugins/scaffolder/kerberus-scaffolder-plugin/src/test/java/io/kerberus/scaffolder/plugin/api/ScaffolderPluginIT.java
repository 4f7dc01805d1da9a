package io.kerberus.scaffolder.plugin.api;

import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.scaffolder.plugin.ScaffolderPlugin;
import io.kerberus.test.Eventually;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The scaffolder API in a running portal with the catalog, on both databases, with test actions. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class ScaffolderPluginIT {

    static final String TEMPLATE = """
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata:
              name: hello
              title: Hello service
              description: Says hello
            spec:
              owner: team-a
              type: service
              parameters:
                - title: Name it
                  required: [name]
                  properties:
                    name: {type: string, pattern: '^[a-z-]+$', ui:autofocus: true}
              steps:
                - id: greet
                  name: Greet
                  action: test:echo
                  input: {message: 'hello ${{ parameters.name }} from ${{ user.ref }}'}
                - id: file
                  name: Write
                  action: test:write
                  input: {path: 'out/${{ parameters.name }}.txt', content: '${{ steps.greet.output.echoed }}'}
              output:
                links:
                  - {title: Repository, url: 'https://example.com/${{ parameters.name }}'}
                text:
                  - {title: Said, content: '${{ steps.greet.output.echoed }}'}
            """;

    static TestBackend backend;
    static TestHttp jane;
    static Path dir;

    @Parameter
    TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws IOException {
        dir = Files.createTempDirectory("scaffolder-it");
        Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
        backend = TestBackend.builder().plugins(new CatalogPlugin(), new ScaffolderPlugin()).modules(new TestActionsModule())
                .database(database).config("""
                        catalog:
                          processingInterval: 1h
                          fileRoots: ['%s']
                          rules: [{allow: [Component, API, Location, Template]}]
                          locations:
                            - {type: file, target: '%s'}
                        scaffolder:
                          enabled: true
                          pollInterval: 100ms
                          heartbeatInterval: 200ms
                          heartbeatTimeout: 2s
                        """.formatted(dir, dir.resolve("template.yaml"))).start();
        jane = backend.http().withToken(backend.userToken("user:default/jane"));
        Eventually.until(() -> jane.get("/api/scaffolder/v2/templates/default/template/hello/parameter-schema").status() == 200, "the template in the catalog");
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        backend.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String awaitEnd(String id) {
        String[] status = {""};
        Eventually.until(() -> {
            status[0] = jane.get("/api/scaffolder/v2/tasks/" + id).json().path("status").asString();
            return List.of("completed", "failed", "cancelled").contains(status[0]);
        }, () -> "task " + id + " to end, it is " + status[0], Eventually.LIMIT);
        return status[0];
    }

    @Test
    void servesTheTemplatesParameterSchema() {
        JsonNode schema = jane.get("/api/scaffolder/v2/templates/default/template/hello/parameter-schema").json();

        assertThat(schema.path("title").asString()).isEqualTo("Hello service");
        assertThat(schema.path("description").asString()).isEqualTo("Says hello");
        assertThat(schema.path("steps").path(0).path("title").asString()).isEqualTo("Name it");
        assertThat(schema.path("steps").path(0).path("schema").path("required").path(0).asString()).isEqualTo("name");
        assertThat(jane.get("/api/scaffolder/v2/templates/default/template/nope/parameter-schema").status()).isEqualTo(404);
    }

    @Test
    void listsTheInstalledActionsWithTheirSchemas() {
        JsonNode actions = jane.get("/api/scaffolder/v2/actions").json();

        assertThat(actions.findValuesAsString("id")).contains("test:echo", "test:write");
        assertThat(actions.path(0).path("schema").path("input").path("type").asString()).isEqualTo("object");
    }

    @Test
    void runsATaskAndStreamsItsEvents() {
        TestHttp.Result created = jane.postJson("/api/scaffolder/v2/tasks",
                Map.of("templateRef", "template:default/hello", "values", Map.of("name", "orders"), "secrets", Map.of("token", "p4ss-w0rd")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();

        assertThat(awaitEnd(id)).isEqualTo("completed");
        JsonNode events = jane.get("/api/scaffolder/v2/tasks/" + id + "/events").json();
        assertThat(events.findValuesAsString("message")).contains("Beginning step Greet", "echo hello orders from user:default/jane");
        JsonNode last = events.path(events.size() - 1);
        assertThat(last.path("type").asString()).isEqualTo("completion");
        assertThat(last.path("body").path("output").path("links").path(0).path("url").asString()).isEqualTo("https://example.com/orders");
        long firstId = events.path(0).path("id").asLong();
        assertThat(jane.get("/api/scaffolder/v2/tasks/" + id + "/events?after=" + firstId).json().size()).isEqualTo(events.size() - 1);

        TestHttp.Result stream = jane.send(jane.request("/api/scaffolder/v2/tasks/" + id + "/eventstream")
                .header("Accept", "text/event-stream").GET().build());
        assertThat(stream.body()).contains("event: log").contains("event: completion").contains("Run completed with status: completed");

        JsonNode task = jane.get("/api/scaffolder/v2/tasks/" + id).json();
        assertThat(task.path("createdBy").asString()).isEqualTo("user:default/jane");
        assertThat(task.path("spec").path("templateInfo").path("entityRef").asString()).isEqualTo("template:default/hello");
        assertThat(task.path("spec").path("templateInfo").path("baseUrl").asString()).startsWith("file:").endsWith("template.yaml");
        assertThat(task.toString()).doesNotContain("p4ss-w0rd");
        JsonNode mine = jane.get("/api/scaffolder/v2/tasks?createdBy=user:default/jane&status=completed").json();
        assertThat(mine.path("tasks").findValuesAsString("id")).contains(id);
    }

    @Test
    void refusesToRetryOrCancelACompletedTask() {
        String id = jane.postJson("/api/scaffolder/v2/tasks", Map.of("templateRef", "template:default/hello", "values", Map.of("name", "x")))
                .json().path("id").asString();
        awaitEnd(id);

        TestHttp.Result retried = jane.post("/api/scaffolder/v2/tasks/" + id + "/retry", "{}");
        TestHttp.Result cancelled = jane.post("/api/scaffolder/v2/tasks/" + id + "/cancel", "{}");

        assertThat(retried.status()).as("retry of a completed task").isEqualTo(409);
        assertThat(cancelled.status()).as("cancel of a completed task").isEqualTo(409);
    }

    @Test
    void rejectsValuesThatBreakTheParametersNamingTheField() {
        TestHttp.Result rejected = jane.postJson("/api/scaffolder/v2/tasks", Map.of("templateRef", "template:default/hello", "values", Map.of("name", "Not Valid")));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().path("error").path("message").asString()).contains("values.name");
    }

    @Test
    void dryRunsATemplateReturningLogOutputAndFiles() {
        Map<String, Object> template = Map.of("apiVersion", "scaffolder.backstage.io/v1beta3", "kind", "Template",
                "metadata", Map.of("name", "dry"), "spec", Map.of("steps", List.of(
                        Map.of("id", "greet", "action", "test:echo", "input", Map.of("message", "hi ${{ parameters.name }} ${{ secrets.key }}")),
                        Map.of("id", "file", "action", "test:write", "input", Map.of("path", "${{ parameters.name }}.txt", "content", "body"))),
                        "output", Map.of("text", List.of(Map.of("title", "t", "content", "${{ steps.greet.output.echoed }}")))));

        TestHttp.Result result = jane.postJson("/api/scaffolder/v2/dry-run", Map.of("template", template, "values", Map.of("name", "dry"),
                "secrets", Map.of("key", "hush-hush"), "directoryContents", List.of(Map.of("path", "skeleton/a.txt",
                        "base64Content", Base64.getEncoder().encodeToString("x".getBytes())))));

        assertThat(result.status()).as(result.body()).isEqualTo(200);
        JsonNode body = result.json();
        assertThat(body.path("log").findValuesAsString("message")).contains("echo hi dry ***");
        assertThat(body.path("directoryContents").path(0).path("path").asString()).isEqualTo("dry.txt");
        assertThat(new String(Base64.getDecoder().decode(body.path("directoryContents").path(0).path("base64Content").asString()))).isEqualTo("body");
        assertThat(body.path("output").path("text").path(0).path("content").asString()).isEqualTo("hi dry ***");
        assertThat(body.path("steps").findValuesAsString("action")).containsExactly("test:echo", "test:write");
        assertThat(result.body()).doesNotContain("hush-hush");
    }
}
