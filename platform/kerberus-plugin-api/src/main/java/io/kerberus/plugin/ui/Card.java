package io.kerberus.plugin.ui;

import java.util.Objects;

/**
 * A titled box of content.
 *
 * @param title   the heading, may be empty
 * @param body    the content
 * @param actions links or buttons in the card's header, may be empty
 */
public record Card(String title, Html body, Html actions) implements Component {

    public Card {
        Objects.requireNonNull(body, "body");
        title = title == null ? "" : title;
        actions = actions == null ? Html.EMPTY : actions;
    }

    public static Card of(String title, Component body) {
        return new Card(title, body.html(), Html.EMPTY);
    }

    public Card actions(Component actionsHtml) {
        return new Card(title, body, actionsHtml.html());
    }

    @Override
    public Html html() {
        Html header = title.isEmpty() && actions.isEmpty() ? Html.EMPTY
                : Html.format("<header class=\"card-header\"><h2 class=\"card-title\">{}</h2><div class=\"card-actions\">{}</div></header>", title, actions);
        return Html.format("<section class=\"card\">{}<div class=\"card-body\">{}</div></section>", header, body);
    }
}
