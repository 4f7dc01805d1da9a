package io.kerberus.catalog;

/**
 * Resolves a placeholder such as {@code $text: ./README.md} inside a descriptor. The catalog has
 * {@code $text}, {@code $json} and {@code $yaml}; add others through {@link CatalogExtensions#PLACEHOLDERS}.
 */
@FunctionalInterface
public interface PlaceholderResolver {

    /**
     * The value that replaces {@code {$key: value}}.
     *
     * @param value    the placeholder's argument
     * @param location where the descriptor was read from, for relative paths
     * @param reader   reads files and URLs the way the catalog does (same rules and limits)
     * @return JSON data: a string, number, boolean, map or list
     */
    Object resolve(String value, LocationSpec location, UrlReader reader) throws Exception;
}
