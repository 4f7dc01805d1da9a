package io.kerberus.techdocs.plugin.source;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where an entity's docs project is, from its {@code backstage.io/techdocs-ref} annotation.
 */
public sealed interface DocsSource {

    /** Where it is, for logs and errors. */
    String describe();

    /**
     * A folder on this machine: {@code dir:} next to an entity read from a {@code file} location.
     *
     * @param dir the project folder (with mkdocs.yml), absolute and inside {@code catalog.fileRoots}
     */
    record Folder(Path dir) implements DocsSource {
        @Override
        public String describe() {
            return "folder " + dir;
        }
    }

    /**
     * A folder behind a URL: {@code dir:} next to an entity read from a {@code url} location, or {@code url:}.
     *
     * @param base the project folder's URL, ending in {@code /}
     */
    record Remote(URI base) implements DocsSource {
        @Override
        public String describe() {
            return base.toString();
        }
    }
}
