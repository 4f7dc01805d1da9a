package io.kerberus.scaffolder.plugin.form;

import static io.kerberus.scaffolder.plugin.form.TemplateFormTest.json;
import static io.kerberus.scaffolder.plugin.form.TemplateFormTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormValidationTest {

    private static final TemplateForm FORM = TemplateForm.of(json("""
            [{"required": ["name", "port", "app"],
              "properties": {
                "name": {"title": "Name", "type": "string", "pattern": "^[a-z]+$", "minLength": 3, "maxLength": 8},
                "port": {"type": "integer", "minimum": 1024, "maximum": 65535},
                "email": {"type": "string", "format": "email"},
                "lang": {"type": "string", "enum": ["java", "go"], "enumNames": ["Java", "Go"]},
                "features": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}, "minItems": 1, "maxItems": 1},
                "app": {"type": "object", "required": ["image"], "properties": {"image": {"type": "string"}, "cpu": {"type": "number"}}}
              }},
             {"properties": {"x": {"type": "string"}}, "additionalProperties": false}]
            """));

    @Test
    void isValidWhenEveryRuleHolds() {
        assertThat(FORM.problems(0, values("""
                {"name": "orders", "port": 8080, "email": "a@example.com", "lang": "go", "features": ["a"], "app": {"image": "x"}, "x": "other step"}
                """))).isEmpty();
    }

    @Test
    void namesEachMissingRequiredFieldInFieldOrder() {
        assertThat(FORM.problems(0, values("{}"))).containsExactly(
                java.util.Map.entry("name", "Required"), java.util.Map.entry("port", "Required"), java.util.Map.entry("app", "Required"));
        assertThat(FORM.problems(0, values("{\"name\": \"abc\", \"port\": 2000, \"app\": {}}"))).containsExactly(
                java.util.Map.entry("app.image", "Required"));
    }

    @Test
    void saysWhatIsWrongInWords() {
        assertThat(FORM.problems(0, values("{\"name\": \"ab\", \"port\": 80, \"app\": {\"image\": \"x\", \"cpu\": \"lots\"}}")))
                .containsEntry("name", "Must be at least 3 characters").containsEntry("port", "Must be at least 1024")
                .containsEntry("app.cpu", "Must be a number");
        assertThat(FORM.problems(0, values("{\"name\": \"abcdefghij\", \"port\": 70000, \"app\": {\"image\": \"x\"}}")))
                .containsEntry("name", "Must be at most 8 characters").containsEntry("port", "Must be at most 65535");
        assertThat(FORM.problems(0, values("{\"name\": \"ABC\", \"port\": 2000.5, \"app\": {\"image\": \"x\"}}")))
                .containsEntry("name", "Must match ^[a-z]+$").containsEntry("port", "Must be a whole number");
        assertThat(FORM.problems(0, values("""
                {"name": "abc", "port": 2000, "app": {"image": "x"}, "email": "nope", "lang": "rust", "features": []}
                """))).containsEntry("email", "Must be an email address").containsEntry("lang", "Must be one of: Java, Go")
                .containsEntry("features", "Choose at least 1");
        assertThat(FORM.problems(0, values("{\"name\": \"abc\", \"port\": 2000, \"app\": {\"image\": \"x\"}, \"features\": [\"a\", \"c\"]}")))
                .containsEntry("features", "Choose at most 1").containsEntry("features[1]", "Must be one of: a, b");
    }

    @Test
    void checksOnlyTheStepsOwnFields() {
        assertThat(FORM.problems(1, values("{\"name\": \"x\", \"x\": \"y\"}"))).isEmpty();
    }

    @Test
    void showsTheProblemsOfAListOnItsControl() {
        var answers = values("{\"features\": [\"z\"]}");

        String html = FORM.fields(0, answers, FORM.problems(0, answers), PickerSource.NONE).toString();

        assertThat(html).contains("id=\"f-features-error\">Must be one of: a, b</p>").contains("id=\"f-name-error\">Required</p>");
    }
}
