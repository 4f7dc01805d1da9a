package io.kerberus.catalog;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A tab on entity pages, at {@code /catalog/<namespace>/<kind>/<name>/<id>}; added through
 * {@link CatalogExtensions#ENTITY_TABS}.
 *
 * <pre>{@code
 * tabs.add(new EntityTab("docs", "Docs", 300,
 *         entity -> entity.annotations().containsKey("backstage.io/techdocs-ref"),
 *         (entity, request) -> Html.format("<p>Docs of {}</p>", entity.name())));
 * }</pre>
 *
 * @param id        the tab's path segment, lower-case kebab-case, unique among tabs
 * @param title     the tab's label
 * @param order     position, lower first; the catalog's own tabs use 0 (Overview) to 400
 * @param appliesTo which entities show the tab
 * @param content   the tab's body
 */
public record EntityTab(String id, String title, int order, Predicate<Entity> appliesTo, EntityContent content) {

    public EntityTab {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(appliesTo, "appliesTo");
        Objects.requireNonNull(content, "content");
        if (id == null || !id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("An entity tab id is lower-case kebab-case, such as \"docs\": " + id);
        }
    }
}
