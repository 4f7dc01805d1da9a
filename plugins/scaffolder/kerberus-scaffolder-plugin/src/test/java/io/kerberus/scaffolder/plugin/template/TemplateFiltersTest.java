package io.kerberus.scaffolder.plugin.template;

import static io.kerberus.scaffolder.plugin.template.TemplateRendererTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Backstage's built-in filters, with the examples of its docs (templating-extensions) and sources. */
class TemplateFiltersTest {

    private final TemplateRenderer renderer = TemplateRenderer.create(ScmIntegrationTypes.publicHosts()
            .with(Map.of("gitlab.example.com:8443", "gitlab", "bitbucket.example.com", "bitbucket")));

    private JsonNode value(String expression, String parameters) {
        TemplateContext context = TemplateContext.empty().withParameters(json(parameters));
        return renderer.renderValue(json(TemplateValues.JSON.writeValueAsString(expression)), context, "steps.log.input.message");
    }

    @Test
    void parseRepoUrlGivesBackstagesDocumentedOutput() {
        JsonNode parsed = value("${{ parameters.repoUrl | parseRepoUrl }}", "{\"repoUrl\": \"github.com?repo=backstage&owner=backstage\"}");

        assertThat(parsed).isEqualTo(json("{\"host\": \"github.com\", \"owner\": \"backstage\", \"repo\": \"backstage\"}"));
    }

    @Test
    void parseRepoUrlKeepsOrganizationWorkspaceAndProjectAndPort() {
        assertThat(value("${{ parameters.u | parseRepoUrl }}", "{\"u\": \"dev.azure.com?organization=org&project=proj&repo=r\"}"))
                .isEqualTo(json("{\"host\": \"dev.azure.com\", \"repo\": \"r\", \"organization\": \"org\", \"project\": \"proj\"}"));
        assertThat(value("${{ parameters.u | parseRepoUrl }}", "{\"u\": \"bitbucket.example.com?project=P&repo=r&workspace=w\"}"))
                .isEqualTo(json("{\"host\": \"bitbucket.example.com\", \"repo\": \"r\", \"workspace\": \"w\", \"project\": \"P\"}"));
        assertThat(value("${{ parameters.u | parseRepoUrl }}", "{\"u\": \"gitlab.example.com:8443?owner=%2Fgroup%2Fsub%2F&repo=r\"}"))
                .isEqualTo(json("{\"host\": \"gitlab.example.com:8443\", \"owner\": \"group/sub\", \"repo\": \"r\"}"));
    }

    @Test
    void parseRepoUrlFeedsSkeletonStyleConcatenation() {
        JsonNode slug = value("${{ (parameters.repoUrl | parseRepoUrl).owner + \"/\" + (parameters.repoUrl | parseRepoUrl).repo }}",
                "{\"repoUrl\": \"github.com?owner=o&repo=r\"}");

        assertThat(slug.stringValue()).isEqualTo("o/r");
    }

    @Test
    void parseRepoUrlRejectsUnknownHostsAndMissingParameters() {
        assertThatThrownBy(() -> value("${{ parameters.u | parseRepoUrl }}", "{\"u\": \"git.nowhere.test?owner=o&repo=r\"}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("steps.log.input.message")
                .hasMessageContaining("No matching integration configuration for host git.nowhere.test");
        assertThatThrownBy(() -> value("${{ parameters.u | parseRepoUrl }}", "{\"u\": \"github.com?repo=r\"}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("missing owner");
    }

    @Test
    void projectSlugGivesOwnerSlashRepo() {
        assertThat(value("${{ parameters.repoUrl | projectSlug }}", "{\"repoUrl\": \"github.com?repo=backstage&owner=backstage\"}").stringValue())
                .isEqualTo("backstage/backstage");
    }

    @Test
    void parseEntityRefWithoutContext() {
        assertThat(value("${{ parameters.owner | parseEntityRef }}", "{\"owner\": \"group:techdocs\"}"))
                .isEqualTo(json("{\"kind\": \"group\", \"namespace\": \"default\", \"name\": \"techdocs\"}"));
        assertThat(value("${{ parameters.owner | parseEntityRef }}", "{\"owner\": \"Group:Ns/Team-A\"}"))
                .isEqualTo(json("{\"kind\": \"Group\", \"namespace\": \"Ns\", \"name\": \"Team-A\"}"));
    }

    @Test
    void parseEntityRefWithDefaultKindAndNamespace() {
        String expression = "${{ parameters.owner | parseEntityRef({ defaultKind:\"group\", defaultNamespace:\"another-namespace\" }) }}";

        assertThat(value(expression, "{\"owner\": \"techdocs\"}"))
                .isEqualTo(json("{\"kind\": \"group\", \"namespace\": \"another-namespace\", \"name\": \"techdocs\"}"));
        assertThat(value("${{ parameters.owner | parseEntityRef('group', 'ns') | pick('namespace') }}", "{\"owner\": \"techdocs\"}").stringValue())
                .isEqualTo("ns");
    }

    @Test
    void parseEntityRefWithoutKindIsAnError() {
        assertThatThrownBy(() -> value("${{ parameters.owner | parseEntityRef }}", "{\"owner\": \"techdocs\"}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Entity reference \"techdocs\" had missing or empty kind");
    }

    @Test
    void pickSelectsAPropertyLikeLodashGet() {
        assertThat(value("${{ parameters.owner | parseEntityRef | pick('name') }}", "{\"owner\": \"group:default/techdocs\"}").stringValue())
                .isEqualTo("techdocs");
        assertThat(value("${{ parameters.o | pick('a.b[1].c') }}", "{\"o\": {\"a\": {\"b\": [{}, {\"c\": 42}]}}}").intValue())
                .isEqualTo(42);
        assertThat(value("${{ parameters.o | pick('x.y') }}", "{\"o\": {\"a\": 1}}").isMissingNode()).isTrue();
    }

    @Test
    void dumpWritesJsonLikeJavaScript() {
        String rendered = renderer.render("${{ values.name | dump }} ${{ values.o | dump }} ${{ values.n | dump }}",
                TemplateContext.ofValues(json("{\"name\": \"a \\\"b\\\"\", \"o\": {\"k\": [1, true, null]}, \"n\": 2.0}")), "t");

        assertThat(rendered).isEqualTo("\"a \\\"b\\\"\" {\"k\":[1,true,null]} 2");
        assertThat(renderer.render("${{ values.o | dump(2) }}", TemplateContext.ofValues(json("{\"o\": {\"k\": [1]}}")), "t"))
                .isEqualTo("{\n  \"k\": [\n    1\n  ]\n}");
    }
}
