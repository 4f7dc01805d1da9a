package io.kerberus.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One thing people can find: a catalog entity, a docs section, anything a {@link Collator} feeds.
 * The {@code location} identifies the document within its type (a new document with the same
 * location replaces the old one).
 *
 * @param type     the collator's type, such as {@code software-catalog} or {@code techdocs}
 * @param title    the name people search for first (boosted above tags and text)
 * @param text     free text: description, content
 * @param location where a click leads: a portal path such as {@code /catalog/default/component/orders}; unique per type
 * @param tags     short labels (boosted between title and text)
 * @param facets   exact-match fields for filters and facet counts, such as {@code kind}, {@code owner},
 *                 {@code lifecycle}, {@code namespace}; values are matched case-insensitively
 * @param extra    more fields returned with the result as they are ({@code kind}, {@code entityRef}, ...), not searched
 */
public record SearchDocument(String type, String title, String text, String location, List<String> tags,
                             Map<String, List<String>> facets, Map<String, String> extra) {

    public SearchDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        tags = tags == null ? List.of() : List.copyOf(tags);
        facets = facets == null ? Map.of() : Map.copyOf(facets);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
