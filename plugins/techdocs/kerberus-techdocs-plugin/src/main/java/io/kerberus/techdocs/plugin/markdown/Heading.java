package io.kerberus.techdocs.plugin.markdown;

/**
 * A heading of a page, for its table of contents.
 *
 * @param level 1 to 6
 * @param id    the anchor, as MkDocs makes it ({@code Getting started} → {@code getting-started})
 * @param title the heading's plain text
 */
public record Heading(int level, String id, String title) {
}
