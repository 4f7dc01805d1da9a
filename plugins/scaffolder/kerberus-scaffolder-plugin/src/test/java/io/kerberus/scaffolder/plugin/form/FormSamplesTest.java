package io.kerberus.scaffolder.plugin.form;

import static io.kerberus.scaffolder.plugin.form.TemplateFormTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every parameters page of every v1beta3 template in {@code backstage-reference} through the form engine. */
class FormSamplesTest {

    private final FakePickers pickers = new FakePickers();

    /** The reference data beside the repository, as the template package's samples find it. */
    static Path reference() {
        Path reference = Path.of("../../../../shared/backstage-reference");
        if (!Files.isDirectory(reference)) {
            reference = Path.of("/work/shared/backstage-reference");
        }
        if (!Files.isDirectory(reference)) {
            throw new IllegalStateException("backstage-reference is neither at ../shared beside the repository nor at /work/shared");
        }
        return reference;
    }

    static List<JsonNode> templates() {
        try (Stream<Path> files = Files.walk(reference())) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .flatMap(f -> documents(f).stream())
                    .filter(d -> d.path("apiVersion").asString("").equals("scaffolder.backstage.io/v1beta3")
                            && d.path("kind").asString("").equals("Template"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> documents(Path file) {
        try {
            String text = Files.readString(file);
            if (!text.contains("scaffolder.backstage.io/v1beta3")) {
                return List.of();
            }
            Iterable<Object> loaded = new Load(LoadSettings.builder().build()).loadAllFromString(text);
            List<JsonNode> out = new java.util.ArrayList<>();
            loaded.forEach(d -> out.add(JsonMapper.shared().valueToTree(d)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // YAML with Handlebars placeholders is not a template; it cannot hold one either
            return List.of();
        }
    }

    @Test
    void everyPageOfEverySampleRendersReadsAndChecks() {
        List<JsonNode> templates = templates();
        assertThat(templates).hasSizeGreaterThanOrEqualTo(9);
        int pages = 0;
        for (JsonNode template : templates) {
            TemplateForm form = TemplateForm.of(template.path("spec").path("parameters"));
            ObjectNode answers = form.withDefaults(values("{}"));
            for (int step = 0; step < form.stepCount(); step++) {
                String html = form.fields(step, answers, form.problems(step, answers), pickers).toString();
                assertThat(html).as(template.at("/metadata/name").asString() + " step " + step).contains("class=\"field");
                ObjectNode read = form.read(step, FormHtml.post(html), answers);
                assertThat(read).as("read inverts fields for %s step %d", template.at("/metadata/name").asString(), step).isEqualTo(answers);
                assertThat(form.stepTitle(step)).isNotBlank();
                pages++;
            }
            assertThat(form.review(answers).toString()).doesNotContain("<script");
            assertThat(form.split(answers).values()).isNotNull();
        }
        assertThat(pages).isGreaterThanOrEqualTo(20);
    }

    @Test
    void theDocsTemplateAcceptsPlausibleAnswersThroughItsPickers() {
        TemplateForm form = form("software-templates/scaffolder-templates/docs-template/template.yaml");

        ObjectNode answers = form.read(0, Map.of("v.name", List.of("payments-docs"), "v.description", List.of("How payments work"),
                "v.owner", List.of("team-a")), values("{}"));
        answers = form.read(1, Map.of("v.repoUrl:host", List.of("github.com"), "v.repoUrl:owner", List.of("acme"),
                "v.repoUrl:repo", List.of("payments-docs")), answers);

        assertThat(form.problems(0, answers)).isEmpty();
        assertThat(form.problems(1, answers)).isEmpty();
        assertThat(answers).isEqualTo(TemplateFormTest.json("""
                {"name": "payments-docs", "description": "How payments work", "owner": "group:default/team-a",
                 "repoUrl": "github.com?owner=acme&repo=payments-docs"}
                """));
        assertThat(form.problems(0, values("{\"name\": \"Bad Name!\", \"description\": \"x\", \"owner\": \"user:jdoe\"}")))
                .containsOnlyKeys("name", "owner");
    }

    @Test
    void theConditionalParametersDemoShowsOnlyTheChosenCloudsStep() {
        TemplateForm form = form("plugins/scaffolder-backend/sample-templates/conditional-parameters-demo/template.yaml");
        ObjectNode answers = form.withDefaults(values("{\"name\": \"svc\", \"cloudProvider\": \"GCP\", \"gcpProjectId\": \"p1\"}"));

        assertThat(java.util.stream.IntStream.range(0, form.stepCount()).filter(s -> form.applies(s, answers)).mapToObj(form::stepTitle))
                .containsExactly("Choose Cloud Provider", "GCP Configuration", "Advanced Options");
        assertThat(form.split(answers).values()).isEqualTo(TemplateFormTest.json("""
                {"name": "svc", "cloudProvider": "GCP", "gcpProjectId": "p1", "gcpRegion": "us-central1", "enableMonitoring": false}
                """));
        assertThat(form.problems(5, values("{\"alertEmail\": \"nope\", \"alertThreshold\": 20}")))
                .containsExactly(Map.entry("alertEmail", "Must be an email address"), Map.entry("alertThreshold", "Must be at least 50"));
    }

    private static TemplateForm form(String path) {
        JsonNode template = documents(reference().resolve(path)).getFirst();
        return TemplateForm.of(template.path("spec").path("parameters"));
    }
}
