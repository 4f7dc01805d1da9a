package io.kerberus.scaffolder.plugin.api;

import io.kerberus.catalog.Entity;
import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.plugin.form.TemplateForm;
import io.kerberus.scaffolder.plugin.tasks.InputValidator;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the form hands to a task is accepted by the task's parameter check: a required
 * {@code ui:field: Secret} (masked in the values, the real value in the secrets, as Backstage's
 * SecretWidget does) and a required field on a page whose {@code when:} does not hold.
 */
class TemplateSpecsTest {

    static final String TEMPLATE = """
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata: {name: t, namespace: default}
            spec:
              owner: team-a
              type: service
              parameters:
                - title: Basics
                  required: [name, token, cloud]
                  properties:
                    name: {type: string}
                    token: {title: Token, type: string, ui:field: Secret}
                    cloud: {type: string, enum: [aws, gcp]}
                - title: AWS
                  when: ${{ parameters.cloud === 'aws' }}
                  required: [region]
                  properties:
                    region: {type: string}
              steps: []
            """;

    final TemplateSpecs specs = new TemplateSpecs(() -> null, new InputValidator());

    @SuppressWarnings("unchecked")
    static Entity template() {
        return Entity.of((Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(TEMPLATE));
    }

    static ObjectNode json(String text) {
        return (ObjectNode) TemplateSpecs.JSON.readTree(text);
    }

    static TemplateForm form(Entity template) {
        return TemplateForm.of(TemplateSpecs.JSON.valueToTree(template.data()).path("spec").path("parameters"));
    }

    @Test
    void aRequiredSecretIsMaskedInTheValuesAndTheTaskStarts() {
        Entity template = template();
        TemplateForm.Split split = form(template).split(json("{\"name\": \"x\", \"token\": \"s3cr3t\", \"cloud\": \"gcp\"}"));

        ObjectNode spec = specs.taskSpec(template, split.values(), "user:default/jane");

        assertThat(split.secrets()).containsEntry("token", "s3cr3t");
        assertThat(spec.path("parameters").path("token").asString()).isEqualTo("******");
        assertThat(spec.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void requiredFieldsOfPagesWhoseWhenDoesNotHoldAreNotRequired() {
        Entity template = template();

        ObjectNode spec = specs.taskSpec(template, json("{\"name\": \"x\", \"token\": \"***\", \"cloud\": \"gcp\"}"), null);

        assertThat(spec.path("parameters").path("cloud").asString()).isEqualTo("gcp");
        assertThatThrownBy(() -> specs.taskSpec(template, json("{\"name\": \"x\", \"token\": \"***\", \"cloud\": \"aws\"}"), null))
                .isInstanceOf(InputException.class).hasMessageContaining("region");
        assertThatThrownBy(() -> specs.taskSpec(template, json("{\"name\": \"x\", \"cloud\": \"gcp\"}"), null))
                .isInstanceOf(InputException.class).hasMessageContaining("token");
    }
}
