package io.kerberus.scaffolder.plugin.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class TemplateFormTest {

    static final JsonMapper JSON = JsonMapper.shared();

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static ObjectNode values(String text) {
        return (ObjectNode) JSON.readTree(text);
    }

    private static final TemplateForm FORM = TemplateForm.of(json("""
            [{"title": "Basics", "description": "About the service", "required": ["name", "port"],
              "properties": {
                "name": {"title": "Name", "type": "string", "description": "Unique name", "ui:autofocus": true,
                         "ui:help": "Lower case", "ui:placeholder": "my-service", "pattern": "^[a-z-]+$", "maxLength": 20},
                "notes": {"title": "Notes", "type": "string", "ui:widget": "textarea", "ui:options": {"rows": 4}},
                "token": {"title": "Token", "type": "string", "ui:widget": "password"},
                "port": {"title": "Port", "type": "integer", "minimum": 1024, "maximum": 65535, "default": 8080},
                "ratio": {"title": "Ratio", "type": "number"},
                "public": {"title": "Public", "type": "boolean", "default": true},
                "lang": {"title": "Language", "type": "string", "enum": ["java", "go"], "enumNames": ["Java", "Go"], "default": "java"},
                "size": {"title": "Size", "type": "string", "enum": ["s", "m"], "ui:widget": "radio"},
                "features": {"title": "Features", "type": "array", "uniqueItems": true,
                             "items": {"type": "string", "enum": ["db", "cache", "queue"]}, "ui:widget": "checkboxes"},
                "aliases": {"title": "Aliases", "type": "array", "items": {"type": "string"}},
                "secret-id": {"title": "Kept", "type": "string", "ui:widget": "hidden", "default": "x1"},
                "fixed": {"title": "Fixed", "type": "string", "ui:readonly": true, "default": "v1"},
                "app": {"title": "App", "type": "object", "properties": {
                    "replicas": {"title": "Replicas", "type": "integer", "default": 2},
                    "image": {"title": "Image", "type": "string"}}}
              }},
             {"properties": {"owner": {"type": "string", "title": "Owner"}}}]
            """));

    @Test
    void hasOneStepPerParametersPage() {
        assertThat(FORM.stepCount()).isEqualTo(2);
        assertThat(FORM.stepTitle(0)).isEqualTo("Basics");
        assertThat(FORM.stepDescription(0)).contains("About the service");
        assertThat(FORM.stepTitle(1)).isEqualTo("Please enter the following information");
        assertThat(FORM.stepDescription(1)).isEmpty();
    }

    @Test
    void acceptsOneSchemaObjectOrNothing() {
        assertThat(TemplateForm.of(json("{\"properties\": {\"a\": {\"type\": \"string\"}}}")).stepCount()).isEqualTo(1);
        assertThat(TemplateForm.of(json("null")).stepCount()).isZero();
        assertThat(TemplateForm.of(JSON.missingNode()).stepCount()).isZero();
        assertThat(TemplateForm.of(null).stepCount()).isZero();
    }

    @Test
    void rendersATextInputWithItsAttributesHintsAndRequiredMarker() {
        String html = FORM.fields(0, values("{}"), Map.of(), PickerSource.NONE).toString();

        FormHtml.Tag name = FormHtml.byId(html, "f-name");
        assertThat(name.name()).isEqualTo("input");
        assertThat(name.attrs()).containsEntry("name", "v.name").containsEntry("type", "text").containsEntry("pattern", "^[a-z-]+$")
                .containsEntry("maxlength", "20").containsEntry("placeholder", "my-service")
                .containsEntry("aria-describedby", "f-name-hint f-name-help").containsKeys("required", "autofocus");
        assertThat(html).contains("<label for=\"f-name\">Name <span class=\"required\" aria-hidden=\"true\">*</span></label>")
                .contains("<p class=\"hint\" id=\"f-name-hint\">Unique name</p>").contains("<p class=\"hint\" id=\"f-name-help\">Lower case</p>");
        assertThat(FormHtml.byId(html, "f-notes").name()).isEqualTo("textarea");
        assertThat(FormHtml.byId(html, "f-notes").attr("rows")).isEqualTo("4");
        assertThat(FormHtml.byId(html, "f-notes").has("required")).isFalse();
        assertThat(FormHtml.byId(html, "f-token").attr("type")).isEqualTo("password");
        assertThat(FormHtml.byId(html, "f-port").attrs()).containsEntry("type", "number").containsEntry("min", "1024")
                .containsEntry("max", "65535").containsEntry("step", "1");
        assertThat(FormHtml.byId(html, "f-ratio").attr("step")).isEqualTo("any");
        assertThat(FormHtml.byId(html, "f-secret-id").attr("type")).isEqualTo("hidden");
        assertThat(FormHtml.byId(html, "f-fixed").has("readonly")).isTrue();
    }

    @Test
    void rendersChoicesAsSelectRadiosAndCheckboxes() {
        String html = FORM.fields(0, values("{\"lang\": \"go\", \"size\": \"m\", \"features\": [\"cache\"], \"public\": true}"),
                Map.of(), PickerSource.NONE).toString();

        assertThat(FormHtml.byId(html, "f-lang").name()).isEqualTo("select");
        assertThat(html).contains("<option value=\"go\" selected>Go</option>").contains("<option value=\"java\">Java</option>");
        assertThat(FormHtml.byId(html, "f-size-1").attrs()).containsEntry("type", "radio").containsEntry("name", "v.size").containsKey("checked");
        assertThat(FormHtml.byId(html, "f-size-0").has("checked")).isFalse();
        assertThat(FormHtml.byId(html, "f-features-1").attrs()).containsEntry("type", "checkbox").containsEntry("value", "cache").containsKey("checked");
        assertThat(FormHtml.byId(html, "f-public").attrs()).containsEntry("type", "checkbox").containsKey("checked");
        assertThat(FormHtml.byId(html, "f-size").name()).isEqualTo("fieldset");
    }

    @Test
    void rendersNestedObjectsAsFieldsetsWithDottedNames() {
        String html = FORM.fields(0, values("{\"app\": {\"replicas\": 3}}"), Map.of(), PickerSource.NONE).toString();

        assertThat(FormHtml.byId(html, "f-app").name()).isEqualTo("fieldset");
        assertThat(html).contains("<legend>App</legend>");
        assertThat(FormHtml.byId(html, "f-app-replicas").attrs()).containsEntry("name", "v.app.replicas").containsEntry("value", "3");
    }

    @Test
    void fillsInDefaultsOfEveryStepForUnansweredFieldsOnly() {
        ObjectNode filled = FORM.withDefaults(values("{\"port\": 9000}"));

        assertThat(filled.get("port").asInt()).isEqualTo(9000);
        assertThat(filled.get("public").asBoolean()).isTrue();
        assertThat(filled.get("lang").asString()).isEqualTo("java");
        assertThat(filled.get("secret-id").asString()).isEqualTo("x1");
        assertThat(filled.at("/app/replicas").asInt()).isEqualTo(2);
        assertThat(filled.has("name")).isFalse();
    }

    @Test
    void readsWhatItRendered() {
        ObjectNode answers = values("""
                {"name": "orders", "notes": "line one\\nline two", "token": "s3cr3t", "port": 8081, "ratio": 0.5,
                 "public": true, "lang": "go", "size": "s", "features": ["db", "queue"], "aliases": ["a", "b"],
                 "secret-id": "x1", "fixed": "v1", "app": {"replicas": 3, "image": "nginx"}}
                """);
        String html = FORM.fields(0, answers, Map.of(), PickerSource.NONE).toString();

        ObjectNode read = FORM.read(0, FormHtml.post(html), values("{\"owner\": \"kept\"}"));

        ObjectNode expected = answers.deepCopy().put("owner", "kept");
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void readsAbsentCheckboxesAsFalseNumbersAsNumbersAndDropsBlanks() {
        Map<String, List<String>> params = Map.of("v.name", List.of("  svc "), "v.port", List.of("8080"), "v.ratio", List.of("1.25"),
                "v.notes", List.of(""), "v.aliases", List.of("x\n\n y \n"), "v.app.image", List.of(""));

        ObjectNode read = FORM.read(0, params, values("{\"notes\": \"old\", \"public\": true, \"app\": {\"image\": \"old\"}}"));

        assertThat(read.get("name").asString()).isEqualTo("svc");
        assertThat(read.get("port").isInt()).isTrue();
        assertThat(read.get("port").asInt()).isEqualTo(8080);
        assertThat(read.get("ratio").asDouble()).isEqualTo(1.25);
        assertThat(read.get("public").asBoolean()).isFalse();
        assertThat(read.has("notes")).isFalse();
        assertThat(read.has("app")).isFalse();
        assertThat(read.get("aliases")).isEqualTo(json("[\"x\", \"y\"]"));
    }

    @Test
    void keepsTextThatIsNotANumberSoTheProblemCanBeShown() {
        ObjectNode read = FORM.read(0, Map.of("v.port", List.of("eighty")), values("{}"));

        assertThat(read.get("port").asString()).isEqualTo("eighty");
        assertThat(FORM.problems(0, read)).containsEntry("port", "Must be a whole number");
    }

    @Test
    void escapesHostileValuesEverywhere() {
        String hostile = "\"><script>alert(1)</script>";
        ObjectNode answers = values("{}").put("name", hostile).put("notes", hostile).put("lang", hostile);
        answers.putArray("aliases").add(hostile);

        String html = FORM.fields(0, answers, Map.of("name", hostile), PickerSource.NONE).toString();
        String review = FORM.review(answers).toString();

        assertThat(html).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
        assertThat(review).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void showsProblemsUnderTheirFieldsWithAriaAttributes() {
        String html = FORM.fields(0, values("{\"name\": \"A\"}"), Map.of("name", "Must match ^[a-z-]+$", "features[0]", "Bad"),
                PickerSource.NONE).toString();

        FormHtml.Tag name = FormHtml.byId(html, "f-name");
        assertThat(name.attrs()).containsEntry("aria-invalid", "true").containsEntry("aria-describedby", "f-name-hint f-name-help f-name-error");
        assertThat(html).contains("<p class=\"field-error\" id=\"f-name-error\">Must match ^[a-z-]+$</p>")
                .contains("<p class=\"field-error\" id=\"f-features-error\">Bad</p>");
        assertThat(FormHtml.byId(html, "f-port").has("aria-invalid")).isFalse();
    }

    @Test
    void reviewsAnsweredFieldsWithTitlesAndMasksPasswords() {
        ObjectNode answers = values("""
                {"name": "orders", "token": "s3cr3t", "public": false, "lang": "go", "features": ["db", "cache"],
                 "app": {"replicas": 3}, "secret-id": "x1", "owner": "me"}
                """);

        String review = FORM.review(answers).toString();

        assertThat(review).contains("<h3>Basics</h3>").contains("<dt>Name</dt><dd>orders</dd>").contains("<dt>Token</dt><dd>••••••</dd>")
                .contains("<dt>Public</dt><dd>No</dd>").contains("<dt>Language</dt><dd>Go</dd>").contains("<dt>Features</dt><dd>db, cache</dd>")
                .contains("<dt>App › Replicas</dt><dd>3</dd>").contains("<h3>Please enter the following information</h3>")
                .contains("<dt>Owner</dt><dd>me</dd>").doesNotContain("s3cr3t").doesNotContain("Kept").doesNotContain("Notes");
    }
}
