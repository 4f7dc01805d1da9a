package io.kerberus.catalog.plugin.cli;

import io.kerberus.catalog.plugin.CatalogTestAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new ValidateCommand().run(List.of(args), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void acceptsEveryBackstageExample() throws Exception {
        Run run = run(CatalogTestAccess.examples().toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("OK: ");
    }

    @Test
    void printsFileLineFieldAndMessageForEachProblem() throws IOException {
        Files.writeString(dir.resolve("catalog-info.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: Invalid Name
                spec:
                  type: service
                  lifecycle: production
                  owner: team-a
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: no-owner
                spec:
                  type: service
                  lifecycle: production
                  dependsOn: [checkout]
                """);
        Files.writeString(dir.resolve("broken.yaml"), "kind: [unclosed\n");

        Run run = run(dir.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(dir.resolve("catalog-info.yaml") + ":4: metadata.name: \"metadata.name\" is not valid")
                .contains(dir.resolve("catalog-info.yaml") + ":14: spec.owner:")
                .contains(dir.resolve("broken.yaml") + ":");
        assertThat(run.out()).contains("problems in");
    }

    @Test
    void reportsMissingPlaceholderFiles() throws IOException {
        Files.writeString(dir.resolve("api.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata: {name: petstore}
                spec:
                  type: openapi
                  lifecycle: production
                  owner: team-a
                  definition:
                    $text: ./missing-openapi.yaml
                """);

        Run run = run(dir.resolve("api.yaml").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(":8: spec.definition:").contains("missing-openapi.yaml");
    }

    @Test
    void needsAPath() throws IOException {
        assertThat(run().code()).isEqualTo(2);
        assertThat(run(dir.resolve("nope").toString()).err()).contains("no such file or folder");
    }
}
