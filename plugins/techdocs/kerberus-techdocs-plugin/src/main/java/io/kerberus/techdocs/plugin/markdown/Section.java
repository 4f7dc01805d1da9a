package io.kerberus.techdocs.plugin.markdown;

/**
 * A part of a page for the search index, as MkDocs' search plugin cuts pages: the text before the
 * first heading (id empty) and each heading with the text under it.
 *
 * @param id    the heading's anchor; empty for the page's start
 * @param title the heading's text; empty for the page's start
 * @param text  the plain text
 */
public record Section(String id, String title, String text) {
}
