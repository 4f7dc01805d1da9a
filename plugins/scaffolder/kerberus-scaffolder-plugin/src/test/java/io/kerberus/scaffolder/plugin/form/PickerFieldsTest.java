package io.kerberus.scaffolder.plugin.form;

import static io.kerberus.scaffolder.plugin.form.TemplateFormTest.json;
import static io.kerberus.scaffolder.plugin.form.TemplateFormTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class PickerFieldsTest {

    private final FakePickers pickers = new FakePickers();

    private static final TemplateForm FORM = TemplateForm.of(json("""
            {"required": ["owner"], "properties": {
              "owner": {"title": "Owner", "type": "string", "ui:field": "OwnerPicker"},
              "team": {"type": "string", "ui:field": "OwnerPicker", "ui:options": {"allowedKinds": ["Group"]}},
              "system": {"type": "string", "ui:field": "EntityPicker",
                         "ui:options": {"catalogFilter": {"kind": "System", "spec.type": "product"}, "allowArbitraryValues": false}},
              "any": {"type": "string", "ui:field": "EntityPicker",
                      "ui:options": {"catalogFilter": [{"kind": ["Group", "User"]}, {"metadata.annotations.x": {"exists": true}}],
                                     "defaultKind": "Group", "defaultNamespace": "ops"}},
              "watchers": {"type": "array", "items": {"type": "string"}, "ui:field": "MultiEntityPicker",
                           "ui:options": {"catalogFilter": {"kind": "User"}}},
              "repoUrl": {"title": "Repository", "type": "string", "ui:field": "RepoUrlPicker",
                          "ui:options": {"allowedHosts": ["github.com", "dev.azure.com"], "allowedOwners": ["acme", "beta"]}},
              "name": {"type": "string", "ui:field": "EntityNamePicker"},
              "tags": {"type": "array", "items": {"type": "string"}, "ui:field": "EntityTagsPicker"},
              "token": {"title": "Token", "type": "string", "ui:field": "Secret"},
              "color": {"type": "string", "ui:field": "ColorPicker", "description": "Pick one"}
            }}
            """));

    private String render(String answers) {
        return FORM.fields(0, values(answers), Map.of(), pickers).toString();
    }

    @Test
    void ownerPickerOffersGroupsAndUsersAsSuggestions() {
        String html = render("{\"owner\": \"group:default/team-a\"}");

        FormHtml.Tag owner = FormHtml.byId(html, "f-owner");
        assertThat(owner.attrs()).containsEntry("list", "f-owner-options").containsEntry("value", "group:default/team-a").containsKey("required");
        assertThat(html).contains("<datalist id=\"f-owner-options\"><option value=\"group:default/team-a\">Team A</option>"
                + "<option value=\"group:default/team-b\">Team B</option><option value=\"user:default/jdoe\">John Doe</option></datalist>");
        assertThat(pickers.asked).contains(List.of(Map.of("kind", List.of("Group", "User"))), List.of(Map.of("kind", List.of("Group"))));
    }

    @Test
    void entityPickerHonoursCatalogFiltersAndRefusesValuesOutsideThemWhenAsked() {
        String html = render("{\"system\": \"system:default/payments\"}");

        assertThat(FormHtml.byId(html, "f-system").name()).isEqualTo("select");
        assertThat(html).contains("<option value=\"system:default/payments\" selected>Payments</option>");
        assertThat(pickers.asked).contains(List.of(Map.of("kind", List.of("System"), "spec.type", List.of("product"))),
                List.of(Map.of("kind", List.of("Group", "User")), Map.of("metadata.annotations.x", List.of())));
        assertThat(FORM.problems(0, values("{\"owner\": \"team-a\", \"system\": \"system:default/other\"}"), pickers))
                .containsExactly(Map.entry("system", "Choose one of the offered entities"));
        assertThat(FORM.problems(0, values("{\"owner\": \"team-a\", \"system\": \"system:default/payments\"}"), pickers)).isEmpty();
    }

    @Test
    void readsTypedRefsWithTheDefaultKindAndNamespace() {
        ObjectNode read = FORM.read(0, Map.of("v.owner", List.of("team-a"), "v.any", List.of("platform"), "v.team", List.of("Group:Ops/x")),
                values("{}"));

        assertThat(read.get("owner").asString()).isEqualTo("group:default/team-a");
        assertThat(read.get("any").asString()).isEqualTo("group:ops/platform");
        assertThat(read.get("team").asString()).isEqualTo("group:ops/x");
    }

    @Test
    void checksTheKindOfAnEntityRef() {
        assertThat(FORM.problems(0, values("{\"owner\": \"system:default/payments\", \"team\": \"user:jdoe\"}")))
                .containsEntry("owner", "Must be a Group or User").containsEntry("team", "Must be a Group");
    }

    @Test
    void multiEntityPickerIsAMultipleSelectThatRoundTrips() {
        ObjectNode answers = values("{\"owner\": \"group:default/team-a\", \"watchers\": [\"user:default/jdoe\", \"user:default/gone\"]}");
        String html = FORM.fields(0, answers, Map.of(), pickers).toString();

        assertThat(FormHtml.byId(html, "f-watchers").has("multiple")).isTrue();
        assertThat(FORM.read(0, FormHtml.post(html), values("{}")).get("watchers")).isEqualTo(answers.get("watchers"));
    }

    @Test
    void repoUrlPickerSplitsTheValueIntoHostOwnerAndRepository() {
        String html = render("{\"repoUrl\": \"github.com?owner=beta&repo=orders\"}");

        assertThat(FormHtml.byId(html, "f-repoUrl").name()).isEqualTo("fieldset");
        assertThat(FormHtml.byId(html, "f-repoUrl-host").attrs()).containsEntry("name", "v.repoUrl:host").containsKey("data-form-refresh");
        assertThat(html).contains("<option value=\"github.com\" selected>github.com</option>").contains("<option value=\"beta\" selected>beta</option>");
        assertThat(FormHtml.byId(html, "f-repoUrl-owner").name()).isEqualTo("select");
        assertThat(FormHtml.byId(html, "f-repoUrl-repo").attrs()).containsEntry("name", "v.repoUrl:repo").containsEntry("value", "orders");
        assertThat(FORM.read(0, FormHtml.post(html), values("{}")).get("repoUrl").asString()).isEqualTo("github.com?owner=beta&repo=orders");
    }

    @Test
    void repoUrlPickerAsksAzureForOrganizationAndProject() {
        String html = render("{\"repoUrl\": \"dev.azure.com?organization=org&project=p&repo=r\"}");

        assertThat(FormHtml.names(html)).contains("v.repoUrl:host", "v.repoUrl:organization", "v.repoUrl:project", "v.repoUrl:repo")
                .doesNotContain("v.repoUrl:owner");
        assertThat(FORM.read(0, FormHtml.post(html), values("{}")).get("repoUrl").asString())
                .isEqualTo("dev.azure.com?repo=r&organization=org&project=p");
    }

    @Test
    void repoUrlPickerChecksHostAndParts() {
        assertThat(FORM.problems(0, values("{\"owner\": \"team-a\", \"repoUrl\": \"gitlab.com?owner=acme&repo=x\"}")))
                .containsEntry("repoUrl", "Host must be one of: github.com, dev.azure.com");
        assertThat(FORM.problems(0, values("{\"owner\": \"team-a\", \"repoUrl\": \"github.com?owner=acme\"}")))
                .containsEntry("repoUrl", "Repository is required");
        assertThat(FORM.problems(0, values("{\"owner\": \"team-a\", \"repoUrl\": \"github.com?owner=evil&repo=x\"}")))
                .containsEntry("repoUrl", "Owner must be one of: acme, beta");
        assertThat(FORM.read(0, Map.of("v.repoUrl:host", List.of("github.com")), values("{}")).has("repoUrl")).isFalse();
    }

    @Test
    void entityNamePickerChecksBackstagesNameRule() {
        String html = render("{}");

        assertThat(FormHtml.byId(html, "f-name").attrs()).containsEntry("pattern", "^([a-zA-Z0-9]+[-_.])*[a-zA-Z0-9]+$").containsEntry("maxlength", "63");
        assertThat(FORM.problems(0, values("{\"owner\": \"team-a\", \"name\": \"-bad\"}"))).containsEntry("name",
                "Must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'");
        assertThat(FORM.problems(0, values("{\"owner\": \"team-a\", \"name\": \"" + "a".repeat(64) + "\"}")))
                .containsEntry("name", "Must be at most 63 characters");
        assertThat(FORM.problems(0, values("{\"owner\": \"team-a\", \"name\": \"good_name.v2\"}"))).isEmpty();
    }

    @Test
    void entityTagsPickerReadsCommaOrSpaceSeparatedTagsAndChecksEach() {
        ObjectNode read = FORM.read(0, Map.of("v.tags", List.of("java, web  Bad_Tag,,")), values("{}"));
        String html = FORM.fields(0, read, FORM.problems(0, read), pickers).toString();

        assertThat(read.get("tags")).isEqualTo(json("[\"java\", \"web\", \"Bad_Tag\"]"));
        assertThat(FORM.problems(0, read)).containsEntry("tags[2]",
                "Must be lower-case letters, digits, ':', '+' or '#', in words joined by single dashes: Bad_Tag");
        assertThat(FormHtml.byId(html, "f-tags").attrs()).containsEntry("value", "java, web, Bad_Tag").containsEntry("aria-invalid", "true");
        assertThat(html).contains("<option value=\"java\"></option>").contains("<option value=\"&lt;script&gt;\"></option>");
    }

    @Test
    void secretsAreSplitOffAndMaskedInTheReview() {
        ObjectNode answers = values("{\"owner\": \"group:default/team-a\", \"token\": \"hunter2\"}");

        TemplateForm.Split split = FORM.split(answers);
        String review = FORM.review(answers).toString();

        // the real value goes to the secrets; the values keep a mask of the same length (Backstage's SecretWidget)
        assertThat(split.values()).isEqualTo(json("{\"owner\": \"group:default/team-a\", \"token\": \"*******\"}"));
        assertThat(split.secrets()).containsExactly(Map.entry("token", "hunter2"));
        assertThat(review).contains("<dt>Token</dt><dd>••••••</dd>").contains("<dt>Owner</dt><dd>group:team-a</dd>").doesNotContain("hunter2");
        assertThat(FormHtml.byId(render("{}"), "f-token").attrs()).containsEntry("type", "password").containsEntry("autocomplete", "off");
    }

    @Test
    void unknownFieldExtensionsBecomeTextInputsWithAHint() {
        String html = render("{\"color\": \"red\"}");

        assertThat(FormHtml.byId(html, "f-color").attrs()).containsEntry("type", "text").containsEntry("value", "red")
                .containsEntry("aria-describedby", "f-color-hint f-color-note");
        assertThat(html).contains("The field extension ColorPicker is not installed here; enter the value as text.");
    }

    @Test
    void pickersWithoutACatalogStillRender() {
        String html = FORM.fields(0, values("{}"), Map.of(), PickerSource.NONE).toString();

        assertThat(FormHtml.byId(html, "f-system").name()).isEqualTo("input");
    }
}
