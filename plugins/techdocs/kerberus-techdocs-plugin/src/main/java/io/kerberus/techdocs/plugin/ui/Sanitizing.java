package io.kerberus.techdocs.plugin.ui;

import io.kerberus.techdocs.plugin.markdown.MarkdownRenderer;

/**
 * Cleans page content read from the publisher once more before it reaches a browser: the builder
 * sanitised it, but with {@code builder: external} the files come from CI and a bucket, and a
 * tampered file must not run script in the portal.
 */
final class Sanitizing {

    private Sanitizing() {
    }

    static String clean(String html) {
        return MarkdownRenderer.sanitize(html);
    }
}
