package io.kerberus.scaffolder.plugin.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TemplateRendererTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final TemplateRenderer renderer = TemplateRenderer.create(ScmIntegrationTypes.publicHosts());

    private final TemplateContext context = TemplateContext.empty()
            .withParameters(json("""
                    {"name": "svc", "count": 3, "ratio": 0.5, "enabled": true, "tags": ["a", "b"],
                     "owner": {"kind": "group", "name": "team"}, "empty": "", "repoUrl": "github.com?owner=o&repo=r"}
                    """))
            .withStepOutput("fetch-base", json("{\"path\": \"out\"}"))
            .withStepOutput("publish", json("{\"remoteUrl\": \"https://github.com/o/r\", \"repoContentsUrl\": \"https://github.com/o/r/blob/main\"}"))
            .withUser(json("{\"metadata\": {\"name\": \"jane\"}, \"spec\": {\"profile\": {\"email\": \"jane@example.com\"}}}"), "user:default/jane")
            .withSecrets(Map.of("USER_OAUTH_TOKEN", "s3cr3t"));

    @Test
    void singleExpressionKeepsNumberBooleanArrayAndObjectTypes() {
        JsonNode input = json("""
                {"count": "${{ parameters.count }}", "ratio": "${{ parameters.ratio }}", "enabled": "${{ parameters.enabled }}",
                 "tags": "${{ parameters.tags }}", "owner": "${{ parameters.owner }}", "sum": "${{ parameters.count + 1 }}"}
                """);

        JsonNode rendered = renderer.renderValue(input, context, "steps.log.input");

        assertThat(rendered).isEqualTo(json("""
                {"count": 3, "ratio": 0.5, "enabled": true, "tags": ["a", "b"], "owner": {"kind": "group", "name": "team"}, "sum": 4}
                """));
    }

    @Test
    void mixedStringsRenderToStrings() {
        JsonNode input = json("""
                {"description": "This is ${{ parameters.name }}", "count": "n=${{ parameters.count }}",
                 "text": "# New project: ${{ parameters.name }}\\n\\n${{ parameters.description if parameters.description }}\\n"}
                """);

        JsonNode rendered = renderer.renderValue(input, context, "steps.publish.input");

        assertThat(rendered.get("description").stringValue()).isEqualTo("This is svc");
        assertThat(rendered.get("count").stringValue()).isEqualTo("n=3");
        assertThat(rendered.get("text").stringValue()).isEqualTo("# New project: svc\n\n\n");
    }

    @Test
    void readsStepOutputsByDotAndBracketUserAndSecrets() {
        JsonNode input = json("""
                ["${{ steps.publish.output.remoteUrl }}", "${{ steps['fetch-base'].output.path }}",
                 "${{ user.entity.metadata.name }}", "${{ user.ref }}", "${{ user.entity.spec.profile.email }}",
                 "${{ secrets.USER_OAUTH_TOKEN }}"]
                """);

        JsonNode rendered = renderer.renderValue(input, context, "steps.x.input");

        assertThat(rendered).isEqualTo(json("""
                ["https://github.com/o/r", "out", "jane", "user:default/jane", "jane@example.com", "s3cr3t"]
                """));
    }

    @Test
    void undefinedValuesRenderEmptyAndAreDroppedFromInputs() {
        JsonNode input = json("""
                {"missing": "${{ parameters.nope }}", "deep": "${{ parameters.nope.deeper.still }}",
                 "mixed": "[${{ parameters.nope }}]", "kept": "x"}
                """);

        JsonNode rendered = renderer.renderValue(input, context, "steps.x.input");

        assertThat(rendered).isEqualTo(json("{\"mixed\": \"[]\", \"kept\": \"x\"}"));
    }

    @Test
    void eachExposesKeyAndValue() {
        TemplateContext iteration = context.withEach("0", json("{\"name\": \"first\"}"));

        JsonNode rendered = renderer.renderValue(json("\"${{ each.key }}-${{ each.value.name }}\""), iteration, "steps.x.input");

        assertThat(rendered.stringValue()).isEqualTo("0-first");
    }

    @Test
    void plainDoubleBracesAreText() {
        String rendered = renderer.render("run: echo ${{ parameters.name }} {{ github.sha }}\n", context, "ci.yaml");

        assertThat(rendered).isEqualTo("run: echo svc {{ github.sha }}\n");
    }

    @Test
    void supportsNunjucksStrictEqualityAndConditionalExpressions() {
        String rendered = renderer.render(
                "${{ 'yes' if parameters.name === 'svc' else 'no' }} ${{ parameters.count !== 3 }} ${{ '===' }}",
                context, "t");

        assertThat(rendered).isEqualTo("yes false ===");
    }

    @Test
    void renderedValuesAreNeverEvaluatedAgain() {
        TemplateContext hostile = context.withParameters(json("{\"name\": \"${{ secrets.USER_OAUTH_TOKEN }}{% if true %}x{% endif %}\"}"));

        String rendered = renderer.render("name: ${{ parameters.name }}", hostile, "t");

        assertThat(rendered).isEqualTo("name: ${{ secrets.USER_OAUTH_TOKEN }}{% if true %}x{% endif %}");
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        assertThatThrownBy(() -> renderer.render("line one\nline two ${{ parameters.name ( }}\n", context, "docs/index.md"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("docs/index.md:2: ");
    }

    @Test
    void unknownFilterIsAnErrorNamingTheInput() {
        assertThatThrownBy(() -> renderer.renderValue(json("{\"a\": {\"b\": \"${{ parameters.name | nosuch }}\"}}"), context, "steps.log.input"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("steps.log.input.a.b:1: unknown filter 'nosuch'");
    }

    @Test
    void includesAreRefused() {
        assertThatThrownBy(() -> renderer.render("{% include 'logback.xml' %}", context, "t"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("t:1");
    }

    @Test
    void keepsTrailingNewlineAndWhitespaceControlOfTheSampleSkeletons() {
        String template = "metadata:\n  name: ${{ parameters.name | dump }}\n  {%- if parameters.description %}\n  description: x\n  {%- endif %}\nspec: {}\n";

        String rendered = renderer.render(template, context, "catalog-info.yaml");

        assertThat(rendered).isEqualTo("metadata:\n  name: \"svc\"\nspec: {}\n");
    }

    @Test
    void rawBlocksAreLeftAsWritten() {
        String rendered = renderer.render("{% raw %}${{ a === b }}{% endraw %}", context, "t");

        assertThat(rendered).isEqualTo("${{ a === b }}");
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
