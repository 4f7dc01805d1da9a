package io.kerberus.techdocs.plugin.publish;

import io.kerberus.catalog.EntityRef;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where built docs sites live: a folder ({@link LocalPublisher}, the default) or S3-compatible
 * object storage ({@link S3Publisher}). Each entity's site sits under
 * {@code <namespace>/<kind>/<name>/} in lower case, as in Backstage, with
 * {@code techdocs_metadata.json} at its root.
 */
public interface Publisher {

    /** The file whose presence marks a published site; written last on publish. */
    String METADATA = "techdocs_metadata.json";

    /**
     * Publishes every file under {@code siteDir} as the entity's site. Files of an older site that
     * the new one no longer has are removed afterwards, and the metadata file is written after all
     * pages, so that a reader sees the old site or the new one, not a mix without metadata.
     */
    void publish(EntityRef entity, Path siteDir) throws IOException;

    /**
     * One file of an entity's site, such as {@code index.html}, {@code guide/setup/index.html} or
     * {@link #METADATA}; empty when the site or the file does not exist.
     *
     * @throws IllegalArgumentException when {@code path} is absolute or leaves the site ({@code ..})
     */
    Optional<byte[]> read(EntityRef entity, String path) throws IOException;

    /** Removes an entity's site; does nothing when there is none. */
    void delete(EntityRef entity) throws IOException;

    /** The entities that have a published site (a metadata file). */
    List<EntityRef> sites() throws IOException;

    /** Where sites go, for logs and errors: {@code folder /var/techdocs}, {@code S3 bucket docs at http://...}. */
    String describe();

    /** The site's folder or key prefix: {@code namespace/kind/name}, lower case. */
    static String sitePath(EntityRef entity) {
        return (entity.namespace() + "/" + entity.kind() + "/" + entity.name()).toLowerCase(Locale.ROOT);
    }

    /**
     * A relative path inside a site, checked: no leading slash, no {@code ..}, no backslashes or
     * empty segments; an empty path or one ending in {@code /} means its {@code index.html}.
     */
    static String checkPath(String path) {
        String p = path == null ? "" : path;
        if (p.isEmpty() || p.endsWith("/")) {
            p = p + "index.html";
        }
        if (p.startsWith("/") || p.contains("\\") || p.contains("\0")) {
            throw new IllegalArgumentException("Not a path inside a docs site: " + path);
        }
        for (String segment : p.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("Not a path inside a docs site: " + path);
            }
        }
        return p;
    }
}
