package io.kerberus.catalog;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A card on the Overview tab of entity pages; added through {@link CatalogExtensions#ENTITY_CARDS}.
 *
 * @param title     the card's heading
 * @param order     position, lower first: the catalog's About card is 0, the cards for the entity's kind 100 to 199,
 *                  the Relations card 900
 * @param wide      whether the card spans the whole row
 * @param appliesTo which entities show the card
 * @param content   the card's body
 */
public record EntityCard(String title, int order, boolean wide, Predicate<Entity> appliesTo, EntityContent content) {

    public EntityCard {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(appliesTo, "appliesTo");
        Objects.requireNonNull(content, "content");
    }
}
