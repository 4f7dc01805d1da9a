package io.kerberus.scaffolder.plugin.api;

import com.sun.net.httpserver.HttpServer;
import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.notifications.plugin.NotificationsPlugin;
import io.kerberus.scaffolder.plugin.ScaffolderPlugin;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template of backstage-reference dry-run through {@code POST /api/scaffolder/v2/dry-run} with its
 * folder's files as {@code directoryContents} and values built from its parameters. GitHub's API is a
 * local server (for the pull-request template's fetch:plain of a GitHub tree). Where the reference keeps
 * only a template.yaml (create-react-app's ./skeleton, gitlab-merge-request's ./template), a one-file
 * stand-in folder is sent so that the run reaches its later steps.
 */
class ReferenceDryRunIT {

    /** What each template must do: completed, or failed with this text in its log. */
    static final Map<String, String> EXPECTED = Map.of(
            "packages/create-app/templates/default-app/examples/template", "completed",
            "plugins/scaffolder-backend/sample-templates/conditional-output-demo", "completed",
            "plugins/scaffolder-backend/sample-templates/conditional-parameters-demo", "completed",
            "plugins/scaffolder-backend/sample-templates/notifications-demo", "completed",
            "software-templates/scaffolder-templates/create-react-app", "completed",
            "software-templates/scaffolder-templates/docs-template", "completed",
            "software-templates/scaffolder-templates/gitlab-merge-request", "completed",
            "software-templates/scaffolder-templates/pull-request", "completed",
            "software-templates/scaffolder-templates/springboot-grpc-template", "completed");

    static TestBackend backend;
    static TestHttp jane;
    static HttpServer github;

    static Path reference() {
        Path reference = Path.of("../../../../shared/backstage-reference");
        return Files.isDirectory(reference) ? reference : Path.of("/work/shared/backstage-reference");
    }

    static List<String> templates() throws IOException {
        try (Stream<Path> walk = Files.walk(reference())) {
            return walk.filter(p -> p.getFileName().toString().matches("template.*\\.yaml"))
                    .filter(p -> yaml(p).path("kind").asString().equals("Template"))
                    .map(p -> reference().relativize(p.getParent()).toString()).sorted().toList();
        }
    }

    @BeforeAll
    static void start() throws IOException {
        github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        github.createContext("/", exchange -> {
            boolean raw = "application/vnd.github.raw".equals(exchange.getRequestHeaders().getFirst("Accept"));
            byte[] body = (raw ? "# Sessions\n" : "[{\"type\":\"file\",\"name\":\"README.md\",\"path\":\"backstage-community-sessions/README.md\"}]")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        github.start();
        backend = TestBackend.builder().plugins(new CatalogPlugin(), new NotificationsPlugin(), new ScaffolderPlugin()).config("""
                catalog:
                  processingInterval: 1h
                scaffolder:
                  enabled: true
                integrations:
                  github:
                    - {host: github.com, apiBaseUrl: 'http://127.0.0.1:%d', token: ghp_test}
                """.formatted(github.getAddress().getPort())).start();
        jane = backend.http().withToken(backend.userToken("user:default/jane"));
    }

    @AfterAll
    static void stop() {
        backend.close();
        github.stop(0);
    }

    @Test
    void findsExactlyTheTemplatesThisTestExpects() throws IOException {
        assertThat(templates()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void dryRunsTheTemplate(String folder) throws IOException {
        Path dir = reference().resolve(folder);
        JsonNode template = yaml(dir.resolve("template.yaml"));

        TestHttp.Result result = jane.postJson("/api/scaffolder/v2/dry-run", Map.of("template", template, "values", values(template),
                "directoryContents", files(dir, template)));

        assertThat(result.status()).as(result.body()).isEqualTo(200);
        JsonNode body = result.json();
        String log = String.join("\n", body.path("log").findValuesAsString("message"));
        String expected = EXPECTED.get(folder);
        if (expected.equals("completed")) {
            assertThat(body.path("status").asString()).as(log).isEqualTo("completed");
        } else {
            assertThat(body.path("status").asString()).as(log).isEqualTo("failed");
            assertThat(log).contains(expected);
        }
    }

    /** Plausible values: defaults, first enum values, and names, owners and repositories for the fields templates use. */
    static Map<String, Object> values(JsonNode template) {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode parameters = template.path("spec").path("parameters");
        for (JsonNode page : parameters.isArray() ? parameters.values() : List.of(parameters)) {
            page.path("properties").properties().forEach(field -> values.put(field.getKey(), value(field.getKey(), field.getValue())));
        }
        return values;
    }

    static Object value(String name, JsonNode schema) {
        if (schema.has("default")) {
            return JsonMapper.shared().treeToValue(schema.get("default"), Object.class);
        }
        if (schema.path("enum").isArray()) {
            return JsonMapper.shared().treeToValue(schema.path("enum").get(0), Object.class);
        }
        return switch (schema.path("type").asString("string")) {
            case "boolean" -> true;
            case "integer", "number" -> 1;
            case "array" -> List.of("component:default/demo");
            default -> switch (schema.path("ui:field").asString(name)) {
                case "RepoUrlPicker" -> "github.com?owner=acme&repo=demo";
                case "OwnerPicker" -> "group:default/team-a";
                case "java_package_name" -> "io.acme.demo";
                default -> name.toLowerCase().contains("email") ? "team@acme.example" : "demo-" + name.toLowerCase().replace('_', '-');
            };
        };
    }

    static List<Map<String, Object>> files(Path dir, JsonNode template) throws IOException {
        List<Map<String, Object>> files = new ArrayList<>();
        for (JsonNode step : template.path("spec").path("steps").values()) {
            String url = step.path("input").path("url").asString("");
            if (step.path("action").asString().startsWith("fetch:") && url.startsWith("./") && !Files.exists(dir.resolve(url))) {
                files.add(Map.of("path", url.substring(2) + "/README.md", "base64Content", Base64.getEncoder().encodeToString("# stand-in\n".getBytes())));
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(p -> !p.equals(dir.resolve("template.yaml"))).sorted().toList()) {
                files.add(Map.of("path", dir.relativize(file).toString(), "base64Content", Base64.getEncoder().encodeToString(Files.readAllBytes(file))));
            }
        }
        return files;
    }

    static JsonNode yaml(Path file) {
        try {
            return JsonMapper.shared().valueToTree(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
