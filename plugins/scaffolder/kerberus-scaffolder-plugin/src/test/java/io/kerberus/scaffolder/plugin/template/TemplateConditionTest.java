package io.kerberus.scaffolder.plugin.template;

import static io.kerberus.scaffolder.plugin.template.TemplateRendererTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateConditionTest {

    private final TemplateRenderer renderer = TemplateRenderer.create(ScmIntegrationTypes.publicHosts());

    private final TemplateContext context = TemplateContext.empty().withParameters(json("""
            {"yes": true, "no": false, "zero": 0, "one": 1, "empty": "", "text": "x", "falseText": "false",
             "none": null, "emptyList": [], "list": [1], "emptyObject": {}, "enableCI": "Yes", "cloudProvider": "AWS"}
            """));

    @ParameterizedTest(name = "if: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "${{ parameters.yes }}              | true",
        "${{ parameters.no }}               | false",
        "${{ parameters.zero }}             | false",
        "${{ parameters.one }}              | true",
        "${{ parameters.empty }}            | false",
        "${{ parameters.text }}             | true",
        "${{ parameters.falseText }}        | true",
        "${{ parameters.none }}             | false",
        "${{ parameters.undefinedThing }}   | false",
        "${{ parameters.emptyList }}        | false",
        "${{ parameters.list }}             | true",
        "${{ parameters.emptyObject }}      | true",
        "${{ not parameters.yes }}          | false",
        "${{ parameters.enableCI === \"Yes\" }} | true",
        "${{ parameters.cloudProvider === 'GCP' }} | false",
        "${{ parameters.yes and parameters.text }} | true",
    })
    void stepRunsWhenItsConditionIsTruthy(String condition, boolean runs) {
        assertThat(renderer.conditionHolds(json(TemplateValues.JSON.writeValueAsString(condition)), context, "steps.a.if"))
                .isEqualTo(runs);
    }

    @ParameterizedTest(name = "if: {0} -> {1}")
    @CsvSource({"false, false", "true, true", "0, true", "null, true"})
    void nonStringConditionsSkipOnlyOnLiteralFalse(String yaml, boolean runs) {
        assertThat(renderer.conditionHolds(json(yaml), context, "steps.a.if")).isEqualTo(runs);
    }

    @org.junit.jupiter.api.Test
    void stepWithoutConditionRuns() {
        assertThat(renderer.conditionHolds(null, context, "steps.a.if")).isTrue();
    }
}
