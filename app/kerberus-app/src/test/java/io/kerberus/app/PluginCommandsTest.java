package io.kerberus.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands that bundled plugins add to the command line. */
class PluginCommandsTest {

    @TempDir
    Path dir;

    @Test
    void runsCatalogValidateFromTheCatalogPlugin() throws IOException {
        Files.writeString(dir.resolve("catalog-info.yaml"), "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: Bad Name}\n"
                + "spec: {type: service, lifecycle: production, owner: team-a}\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"catalog", "validate", dir.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("catalog-info.yaml:3: metadata.name:");
    }

    @Test
    void listsPluginCommandsInTheHelp() {
        StringWriter out = new StringWriter();

        Main.run(new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));

        assertThat(out.toString()).contains("catalog validate").contains("start").contains("config");
    }
}
