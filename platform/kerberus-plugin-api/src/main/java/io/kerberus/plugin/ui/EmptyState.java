package io.kerberus.plugin.ui;

/**
 * What to show where a list has nothing yet: what is missing and what to do about it.
 *
 * @param title   a short headline
 * @param message what to do
 * @param action  a link or button, may be empty
 */
public record EmptyState(String title, String message, Html action) implements Component {

    public static EmptyState of(String title, String message) {
        return new EmptyState(title, message, Html.EMPTY);
    }

    public EmptyState action(Component actionHtml) {
        return new EmptyState(title, message, actionHtml.html());
    }

    @Override
    public Html html() {
        return Html.format("<div class=\"empty-state\"><p class=\"empty-title\">{}</p><p class=\"muted\">{}</p>{}</div>",
                title, message, action == null ? Html.EMPTY : action);
    }
}
