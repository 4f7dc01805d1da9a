package io.kerberus.catalog.plugin.model;

import io.kerberus.catalog.plugin.ingest.DescriptorParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EntityValidatorTest {

    static final EntityValidator VALIDATOR = new EntityValidator(new EntitySchemas(List.of()));

    static Path examples() throws URISyntaxException {
        return Path.of(EntityValidatorTest.class.getResource("/backstage/examples").toURI());
    }

    private static Map<String, Object> component(String name) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("apiVersion", "backstage.io/v1alpha1");
        entity.put("kind", "Component");
        entity.put("metadata", new LinkedHashMap<>(Map.of("name", name)));
        entity.put("spec", new LinkedHashMap<>(Map.of("type", "service", "lifecycle", "production", "owner", "team-a")));
        return entity;
    }

    @Test
    void acceptsEveryBackstageExampleEntity() throws Exception {
        List<String> problems = new ArrayList<>();
        int count = 0;
        try (Stream<Path> files = Files.walk(examples())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (DescriptorParser.Document document : DescriptorParser.parse(Files.readAllBytes(file), false)) {
                    if (document.data() == null || !document.data().containsKey("kind")) {
                        continue;
                    }
                    count++;
                    VALIDATOR.validate(withoutPlaceholders(document.data())).forEach(v -> problems.add(file.getFileName() + ":" + document.lineOf(v.field()) + ": " + v.message()));
                }
            }
        }

        assertThat(count).isGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    /** The placeholders ({@code $text: ./api.yaml}) as the ingestion would resolve them: to text. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutPlaceholders(Map<String, Object> data) {
        Map<String, Object> copy = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && map.size() == 1 && map.keySet().iterator().next().toString().startsWith("$")) {
                copy.put(key, "resolved " + map.values().iterator().next());
            } else if (value instanceof Map<?, ?> map) {
                copy.put(key, withoutPlaceholders((Map<String, Object>) map));
            } else {
                copy.put(key, value);
            }
        });
        return copy;
    }

    @Test
    void rejectsInvalidNamesWithBackstagesWording() {
        List<FieldRules.Violation> violations = VALIDATOR.validate(component("Invalid Name"));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("metadata.name");
            assertThat(v.message()).startsWith("\"metadata.name\" is not valid; expected a string that is sequences of [a-zA-Z0-9] "
                    + "separated by any of [-_.], at most 63 characters in total but found \"Invalid Name\"");
        });
    }

    @Test
    void rejectsMissingRequiredSpecFields() {
        Map<String, Object> entity = component("ok");
        ((Map<?, ?>) entity.get("spec")).remove("owner");

        assertThat(VALIDATOR.validate(entity)).extracting(FieldRules.Violation::field).contains("spec.owner");
    }

    @Test
    void rejectsBadNamespacesTagsLabelsAndAnnotations() throws IOException {
        Map<String, Object> entity = component("ok");
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) entity.get("metadata");
        metadata.put("namespace", "Not_Valid");
        metadata.put("tags", List.of("Java"));
        metadata.put("labels", Map.of("bad key!", "x"));
        metadata.put("annotations", Map.of("ok.example.com/name", "fine", "-bad", "x"));

        assertThat(VALIDATOR.validate(entity)).extracting(FieldRules.Violation::field)
                .containsExactlyInAnyOrder("metadata.namespace", "metadata.tags[0]", "metadata.labels", "metadata.annotations");
    }

    @Test
    void unknownKindsAreAnErrorNotACrash() {
        Map<String, Object> entity = component("ok");
        entity.put("kind", "Spaceship");

        assertThat(VALIDATOR.validate(entity)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("kind");
            assertThat(v.message()).contains("No processor recognized the entity spaceship:default/ok");
        });
    }

    @Test
    void reportsMissingEnvelopeFields() {
        assertThat(VALIDATOR.validate(new LinkedHashMap<>(Map.of("kind", "Component"))))
                .extracting(FieldRules.Violation::field).containsExactly("apiVersion", "metadata");
    }
}
