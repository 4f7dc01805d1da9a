package io.kerberus.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The demo catalog (Acme Corp) bundled in the app jar: written to a folder on disk so that the
 * catalog reads it like any file location. The demo config points at it through
 * {@code ${KERBERUS_DEMO_CATALOG}}.
 */
final class DemoCatalog {

    static final String VARIABLE = "KERBERUS_DEMO_CATALOG";
    private static final String RESOURCES = "/demo/catalog/";

    private DemoCatalog() {
    }

    /** Writes the demo catalog's files into {@code dir} (replacing older copies) and returns the folder. */
    static Path extract(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String name : index()) {
                try (InputStream in = DemoCatalog.class.getResourceAsStream(RESOURCES + name)) {
                    if (in == null) {
                        throw new IllegalStateException("The demo catalog file " + name + " is missing from the app jar");
                    }
                    byte[] content = in.readAllBytes();
                    Path file = dir.resolve(name);
                    Files.createDirectories(file.getParent());
                    if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), content)) {
                        Files.write(file, content);
                    }
                }
            }
            return dir.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo catalog to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String[] index() throws IOException {
        try (InputStream in = DemoCatalog.class.getResourceAsStream(RESOURCES + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("The demo catalog index is missing from the app jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toArray(String[]::new);
        }
    }
}
