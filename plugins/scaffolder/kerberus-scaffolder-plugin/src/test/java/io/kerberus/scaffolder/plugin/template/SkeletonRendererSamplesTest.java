package io.kerberus.scaffolder.plugin.template;

import static io.kerberus.scaffolder.plugin.template.TemplateRendererTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;

/**
 * Backstage's sample templates end to end through the templating core: the {@code fetch:template}
 * step's input rendered from plausible form answers, then its skeleton rendered with it.
 */
class SkeletonRendererSamplesTest {

    private final TemplateRenderer renderer = TemplateRenderer.create(ScmIntegrationTypes.publicHosts());
    private final SkeletonRenderer skeletons = new SkeletonRenderer(ScmIntegrationTypes.publicHosts());
    private final List<String> log = new ArrayList<>();

    @TempDir
    Path workspace;

    private List<String> run(Path templateDir, String parameters) {
        JsonNode template = BackstageSamples.yaml(templateDir.resolve("template.yaml"));
        JsonNode step = BackstageSamples.step(template, "fetch:template");
        TemplateContext context = TemplateContext.empty().withParameters(json(parameters));
        JsonNode input = renderer.renderValue(step.path("input"), context, "steps." + step.path("id").asString() + ".input");
        Path skeleton = templateDir.resolve(input.path("url").asString());
        return skeletons.render(skeleton, workspace, SkeletonOptions.fromInput(input), log::add);
    }

    @Test
    void rendersTheDocsTemplate() throws IOException {
        List<String> written = run(BackstageSamples.softwareTemplate("docs-template"), """
                {"name": "payments-docs", "description": "How \\"payments\\" work", "owner": "group:default/payments",
                 "repoUrl": "github.com?owner=acme&repo=payments-docs"}
                """);

        assertThat(written).containsExactlyInAnyOrder("catalog-info.yaml", "docs", "docs/index.md", "mkdocs.yml");
        JsonNode catalogInfo = yamlAt("catalog-info.yaml");
        assertThat(catalogInfo.at("/metadata/name").asString()).isEqualTo("payments-docs");
        assertThat(catalogInfo.at("/metadata/description").asString()).isEqualTo("How \"payments\" work");
        assertThat(catalogInfo.at("/metadata/annotations/github.com~1project-slug").asString()).isEqualTo("acme/payments-docs");
        assertThat(catalogInfo.at("/spec/owner").asString()).isEqualTo("group:default/payments");
        assertThat(yamlAt("mkdocs.yml").at("/site_name").asString()).isEqualTo("payments-docs");
        assertThat(Files.readString(workspace.resolve("docs/index.md"))).startsWith("## payments-docs\n\nHow \"payments\" work\n");
    }

    @Test
    void rendersTheSpringBootTemplateWithAndWithoutItsOptionalDescription() throws IOException {
        run(BackstageSamples.softwareTemplate("springboot-grpc-template"), """
                {"component_id": "orders", "java_package_name": "io.acme.orders", "owner": "group:orders-team",
                 "repoUrl": "github.com?owner=acme&repo=orders"}
                """);

        JsonNode catalogInfo = yamlAt("catalog-info.yaml");
        assertThat(catalogInfo.at("/metadata/name").asString()).isEqualTo("orders");
        assertThat(catalogInfo.at("/metadata").has("description")).isFalse();
        assertThat(catalogInfo.at("/metadata/annotations/github.com~1project-slug").asString()).isEqualTo("acme/orders");
        assertThat(catalogInfo.at("/spec/owner").asString()).isEqualTo("group:orders-team");
        assertThat(Files.readString(workspace.resolve("catalog-info.yaml"))).contains("  name: \"orders\"\n  annotations:");
        assertThat(log).anyMatch(line -> line.contains("Template result written to"));
    }

    @Test
    void rendersTheSpringBootTemplateDescriptionWhenGiven() throws IOException {
        run(BackstageSamples.softwareTemplate("springboot-grpc-template"), """
                {"component_id": "orders", "java_package_name": "io.acme.orders", "description": "Order service",
                 "owner": "group:orders-team", "repoUrl": "github.com?owner=acme&repo=orders"}
                """);

        assertThat(yamlAt("catalog-info.yaml").at("/metadata/description").asString()).isEqualTo("Order service");
        assertThat(Files.readString(workspace.resolve("docs/index.md"))).startsWith("## orders\n\nOrder service\n");
    }

    @Test
    void rendersThePullRequestTemplate() throws IOException {
        run(BackstageSamples.softwareTemplate("pull-request"), """
                {"name": "new-site", "repoUrl": "github.com?owner=acme&repo=sites"}
                """);

        JsonNode catalogInfo = yamlAt("catalog-info.yaml");
        assertThat(catalogInfo.at("/metadata/name").asString()).isEqualTo("new-site");
        assertThat(catalogInfo.at("/spec/owner").asString()).isEqualTo("user:guest");
    }

    @Test
    void rendersEveryStepInputAndOutputOfTheSampleTemplatesWithoutErrors() {
        String parameters = """
                {"name": "demo", "component_id": "demo", "description": "d", "owner": "group:default/team",
                 "repoUrl": "github.com?owner=acme&repo=demo", "java_package_name": "io.acme", "targetPath": "sub",
                 "branchName": "b", "assignee": "me", "enableCI": "Yes", "showDetails": true, "cloudProvider": "AWS",
                 "awsRegion": "eu-west-1", "recipients": "entity", "entityRefs": ["component:default/demo"], "title": "t"}
                """;
        TemplateContext context = TemplateContext.empty().withParameters(json(parameters))
                .withStepOutput("publish", json("{\"remoteUrl\": \"https://github.com/acme/demo\", \"repoContentsUrl\": \"u\", \"mergeRequestUrl\": \"m\"}"))
                .withStepOutput("register", json("{\"entityRef\": \"component:default/demo\"}"))
                .withSecrets(java.util.Map.of("USER_OAUTH_TOKEN", "t0ken"));
        List<Path> templates = List.of(
                BackstageSamples.softwareTemplate("create-react-app"), BackstageSamples.softwareTemplate("docs-template"),
                BackstageSamples.softwareTemplate("gitlab-merge-request"), BackstageSamples.softwareTemplate("pull-request"),
                BackstageSamples.softwareTemplate("springboot-grpc-template"), BackstageSamples.sampleTemplate("conditional-output-demo"),
                BackstageSamples.sampleTemplate("notifications-demo"), BackstageSamples.sampleTemplate("conditional-parameters-demo"));

        for (Path dir : templates) {
            JsonNode spec = BackstageSamples.yaml(dir.resolve("template.yaml")).path("spec");
            for (JsonNode step : spec.path("steps").values()) {
                assertThat(renderer.renderValue(step.path("input"), context, dir.getFileName() + ".steps.input").isObject()).isTrue();
            }
            renderer.renderValue(spec.path("output"), context, dir.getFileName() + ".output");
        }

        JsonNode gitlab = BackstageSamples.step(BackstageSamples.yaml(templates.get(2).resolve("template.yaml")), "publish:gitlab:merge-request");
        JsonNode input = renderer.renderValue(gitlab.path("input"), context, "publish.input");
        assertThat(input.path("targetPath").asString()).isEqualTo("sub");
        assertThat(input.path("token").asString()).isEqualTo("t0ken");
        assertThat(input.path("removeSourceBranch").booleanValue()).isTrue();
        assertThat(input.path("description").asString()).isEqualTo("# New project: demo\nd\n");
    }

    @Test
    void evaluatesTheConditionalOutputDemosIfs() {
        JsonNode output = BackstageSamples.yaml(BackstageSamples.sampleTemplate("conditional-output-demo").resolve("template.yaml")).at("/spec/output");
        TemplateContext no = TemplateContext.empty().withParameters(json("{\"name\": \"x\", \"enableCI\": \"No\", \"showDetails\": false}"));
        TemplateContext yes = TemplateContext.empty().withParameters(json("{\"name\": \"x\", \"enableCI\": \"Yes\", \"showDetails\": true}"));

        assertThat(shownTitles(output.path("links"), no)).containsExactly("Backstage Homepage");
        assertThat(shownTitles(output.path("links"), yes)).containsExactly("Backstage Homepage", "CI Dashboard", "CI Docs");
        assertThat(shownTitles(output.path("text"), no)).containsExactly("Summary");
        assertThat(shownTitles(output.path("text"), yes)).containsExactly("Summary", "CI Details", "CI Setup Instructions");
    }

    private List<String> shownTitles(JsonNode items, TemplateContext context) {
        List<String> titles = new ArrayList<>();
        for (JsonNode item : items.values()) {
            if (renderer.conditionHolds(item.path("if"), context, "output.if")) {
                titles.add(item.path("title").asString());
            }
        }
        return titles;
    }

    private JsonNode yamlAt(String path) throws IOException {
        Object loaded = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(workspace.resolve(path)));
        return TemplateValues.toJson(loaded);
    }
}
