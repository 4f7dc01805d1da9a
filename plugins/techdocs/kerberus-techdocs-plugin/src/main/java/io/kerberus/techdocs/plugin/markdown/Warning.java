package io.kerberus.techdocs.plugin.markdown;

/**
 * Something a build could not do as written but went on without: a broken link, a missing image,
 * an unknown extension.
 *
 * @param file    the file, relative to the project: {@code mkdocs.yml}, {@code docs/guide.md}
 * @param line    the line in that file, 1-based; 0 when not known
 * @param message what is wrong and what was done instead
 */
public record Warning(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
