package io.kerberus.scaffolder.plugin.template;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Backstage's own templates from {@code backstage-reference}, beside the repository. */
final class BackstageSamples {

    private BackstageSamples() {
    }

    static Path reference() {
        Path reference = Path.of("../../../../shared/backstage-reference");
        if (!Files.isDirectory(reference)) {
            reference = Path.of("/work/shared/backstage-reference");
        }
        if (!Files.isDirectory(reference)) {
            // a missing reference is a broken checkout layout, not a reason to skip these tests
            throw new IllegalStateException("backstage-reference is neither at ../shared beside the repository nor at /work/shared");
        }
        return reference;
    }

    static Path softwareTemplate(String name) {
        return reference().resolve("software-templates/scaffolder-templates").resolve(name);
    }

    static Path sampleTemplate(String name) {
        return reference().resolve("plugins/scaffolder-backend/sample-templates").resolve(name);
    }

    static JsonNode yaml(Path file) {
        try {
            Object loaded = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            return TemplateValues.toJson(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first step of {@code template.yaml} whose action is {@code action}. */
    static JsonNode step(JsonNode template, String action) {
        for (JsonNode step : template.path("spec").path("steps").values()) {
            if (action.equals(step.path("action").asString())) {
                return step;
            }
        }
        throw new AssertionError("no " + action + " step");
    }
}
