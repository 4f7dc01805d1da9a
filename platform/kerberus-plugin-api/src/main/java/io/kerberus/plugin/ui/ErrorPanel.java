package io.kerberus.plugin.ui;

import java.util.List;

/**
 * A visible error: a title, what happened and, folded away, the details (a build log, a list of
 * validation errors).
 *
 * @param title   a short headline
 * @param message what happened and what to do
 * @param details extra lines, shown in a collapsible block; may be empty
 */
public record ErrorPanel(String title, String message, List<String> details) implements Component {

    public ErrorPanel {
        details = List.copyOf(details);
    }

    public static ErrorPanel of(String title, String message) {
        return new ErrorPanel(title, message, List.of());
    }

    public ErrorPanel details(List<String> lines) {
        return new ErrorPanel(title, message, lines);
    }

    @Override
    public Html html() {
        Html more = details.isEmpty() ? Html.EMPTY
                : Html.format("<details><summary>Details</summary><pre>{}</pre></details>", String.join("\n", details));
        return Html.format("<div class=\"error-panel\" role=\"alert\"><p class=\"error-title\">{}</p><p>{}</p>{}</div>",
                title, message, more);
    }
}
