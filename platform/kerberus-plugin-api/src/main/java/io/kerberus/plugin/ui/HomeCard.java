package io.kerberus.plugin.ui;

import java.util.Objects;

/**
 * A card on the home page.
 *
 * @param title   the card's heading
 * @param order   position, lower first
 * @param wide    whether the card spans two columns
 * @param content renders the card body for the request; a failure shows an error panel in the card
 */
public record HomeCard(String title, int order, boolean wide, Pages.PageHandler content) {

    public HomeCard {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
    }
}
