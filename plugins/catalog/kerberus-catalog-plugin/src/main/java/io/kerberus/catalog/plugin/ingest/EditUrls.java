package io.kerberus.catalog.plugin.ingest;

import java.util.Optional;

/** The "edit this file" URL of a file on a well-known git host, for the {@code backstage.io/edit-url} annotation. */
final class EditUrls {

    private EditUrls() {
    }

    static Optional<String> editUrl(String url) {
        if (url.startsWith("https://github.com/") && url.contains("/blob/")) {
            return Optional.of(url.replaceFirst("/blob/", "/edit/"));
        }
        if (url.contains("gitlab") && url.contains("/-/blob/")) {
            return Optional.of(url.replaceFirst("/-/blob/", "/-/edit/"));
        }
        if (url.startsWith("https://bitbucket.org/") && url.contains("/src/")) {
            return Optional.of(url + (url.contains("?") ? "&" : "?") + "mode=edit");
        }
        return Optional.empty();
    }
}
