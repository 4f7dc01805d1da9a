package io.kerberus.catalog;

import java.net.URI;
import java.util.Optional;

/**
 * Reads files behind URLs for the catalog (and later TechDocs and the scaffolder). The catalog's own
 * reader fetches plain http(s) from hosts in {@code backend.reading.allow}; integrations (GitHub,
 * GitLab ...) add readers through {@link CatalogExtensions#URL_READERS} for their hosts.
 */
public interface UrlReader {

    /** Whether this reader reads {@code url}. */
    boolean canRead(URI url);

    /**
     * Reads a URL.
     *
     * @param etag the etag of the last read, to answer {@link Response#notModified()} cheaply; may be null
     * @throws java.io.IOException with the URL and the reason when it cannot be read
     */
    Response read(URI url, String etag) throws java.io.IOException;

    /**
     * What a read returned.
     *
     * @param content the bytes, empty when not modified
     * @param etag    the new etag, if the server sent one
     * @param notModified whether the content is unchanged since {@code etag}
     */
    record Response(byte[] content, Optional<String> etag, boolean notModified) {
    }
}
