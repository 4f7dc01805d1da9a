package io.kerberus.scaffolder.plugin.form;

import static io.kerberus.scaffolder.plugin.form.TemplateFormTest.json;
import static io.kerberus.scaffolder.plugin.form.TemplateFormTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class FormDependenciesTest {

    private static final TemplateForm FORM = TemplateForm.of(json("""
            [{"required": ["kind"],
              "properties": {
                "kind": {"title": "Kind", "type": "string", "enum": ["library", "service"], "default": "library"},
                "card": {"title": "Card", "type": "string"},
                "billing": {"title": "Billing", "type": "string"}
              },
              "dependencies": {
                "card": ["billing"],
                "kind": {"oneOf": [
                  {"properties": {"kind": {"enum": ["library"]}, "registry": {"title": "Registry", "type": "string", "default": "npm"}}},
                  {"properties": {"kind": {"enum": ["service"]}, "port": {"title": "Port", "type": "integer", "default": 8080}},
                   "required": ["port"]}
                ]}
              }},
             {"properties": {"cloud": {"type": "string", "enum": ["aws", "gcp"]}},
              "allOf": [{"if": {"properties": {"cloud": {"const": "aws"}}, "required": ["cloud"]},
                         "then": {"properties": {"region": {"type": "string"}}, "required": ["region"]},
                         "else": {"properties": {"project": {"type": "string"}}}}]}]
            """));

    @Test
    void rendersTheBranchOfTheCurrentValueAndMarksTheControllingInput() {
        String library = FORM.fields(0, values("{\"kind\": \"library\"}"), Map.of(), PickerSource.NONE).toString();
        String service = FORM.fields(0, values("{\"kind\": \"service\"}"), Map.of(), PickerSource.NONE).toString();
        String none = FORM.fields(0, values("{}"), Map.of(), PickerSource.NONE).toString();

        assertThat(FormHtml.names(library)).containsExactly("v.kind", "v.card", "v.billing", "v.registry");
        assertThat(FormHtml.names(service)).containsExactly("v.kind", "v.card", "v.billing", "v.port");
        assertThat(FormHtml.names(none)).containsExactly("v.kind", "v.card", "v.billing");
        assertThat(FormHtml.byId(service, "f-kind").has("data-form-refresh")).isTrue();
        assertThat(FormHtml.byId(service, "f-port").has("required")).isTrue();
        assertThat(FormHtml.byId(service, "f-billing").has("data-form-refresh")).isFalse();
    }

    @Test
    void switchesBranchOnReadDroppingTheOldBranchesAnswers() {
        ObjectNode before = values("{\"kind\": \"library\", \"registry\": \"maven\"}");

        ObjectNode after = FORM.read(0, Map.of("v.kind", List.of("service"), "v.registry", List.of("maven")), before);
        ObjectNode filled = FORM.withDefaults(after);

        assertThat(after.has("registry")).isFalse();
        assertThat(filled.get("port").asInt()).isEqualTo(8080);
        assertThat(FORM.problems(0, after)).containsExactly(Map.entry("port", "Required"));
    }

    @Test
    void fillsDefaultsOfTheBranchTheDefaultSelects() {
        ObjectNode filled = FORM.withDefaults(values("{}"));

        assertThat(filled.get("kind").asString()).isEqualTo("library");
        assertThat(filled.get("registry").asString()).isEqualTo("npm");
        assertThat(filled.has("port")).isFalse();
    }

    @Test
    void requiresPropertyDependenciesOnlyWhenTheirPropertyIsAnswered() {
        assertThat(FORM.problems(0, values("{\"kind\": \"library\"}"))).isEmpty();
        assertThat(FORM.problems(0, values("{\"kind\": \"library\", \"card\": \"1234\"}"))).containsExactly(Map.entry("billing", "Required"));
    }

    @Test
    void followsIfThenElseInAllOf() {
        String aws = FORM.fields(1, values("{\"cloud\": \"aws\"}"), Map.of(), PickerSource.NONE).toString();
        String gcp = FORM.fields(1, values("{\"cloud\": \"gcp\"}"), Map.of(), PickerSource.NONE).toString();

        assertThat(FormHtml.names(aws)).containsExactly("v.cloud", "v.region");
        assertThat(FormHtml.names(gcp)).containsExactly("v.cloud", "v.project");
        assertThat(FormHtml.byId(aws, "f-cloud").has("data-form-refresh")).isTrue();
        assertThat(FORM.problems(1, values("{\"cloud\": \"aws\"}"))).containsExactly(Map.entry("region", "Required"));
    }

    @Test
    void skipsStepsWhoseWhenConditionDoesNotHold() {
        TemplateForm form = TemplateForm.of(json("""
                [{"properties": {"cloud": {"type": "string", "enum": ["AWS", "GCP"]}, "secretKey": {"type": "string", "ui:field": "Secret"}}},
                 {"title": "AWS", "when": "${{ parameters.cloud === 'AWS' }}", "properties": {"awsRegion": {"type": "string", "title": "AWS Region"}}},
                 {"title": "GCP", "when": "${{ parameters.cloud === 'GCP' }}", "properties": {"gcpRegion": {"type": "string", "default": "us-central1"}}}]
                """));
        ObjectNode answers = form.withDefaults(values("{\"cloud\": \"AWS\", \"awsRegion\": \"eu-west-1\", \"secretKey\": \"k\"}"));

        TemplateForm.Split split = form.split(answers);

        assertThat(form.applies(1, answers)).isTrue();
        assertThat(form.applies(2, answers)).isFalse();
        assertThat(form.review(answers).toString()).contains("<h3>AWS</h3>").doesNotContain("<h3>GCP</h3>");
        assertThat(split.values()).isEqualTo(json("{\"cloud\": \"AWS\", \"awsRegion\": \"eu-west-1\", \"secretKey\": \"*\"}"));
        assertThat(split.secrets()).containsExactly(Map.entry("secretKey", "k"));
    }
}
