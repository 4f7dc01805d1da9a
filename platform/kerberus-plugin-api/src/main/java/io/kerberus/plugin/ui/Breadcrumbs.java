package io.kerberus.plugin.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The trail to the current page. Pages normally pass crumbs in their {@link View}; the shell draws them.
 *
 * @param crumbs outermost first
 */
public record Breadcrumbs(List<Crumb> crumbs) implements Component {

    /**
     * One step.
     *
     * @param label the text
     * @param href  where it leads, or null for the current page
     */
    public record Crumb(String label, String href) {
    }

    public Breadcrumbs {
        crumbs = List.copyOf(crumbs);
    }

    @Override
    public Html html() {
        if (crumbs.isEmpty()) {
            return Html.EMPTY;
        }
        List<Html> items = new ArrayList<>();
        for (Crumb crumb : crumbs) {
            items.add(crumb.href() == null
                    ? Html.format("<li aria-current=\"page\">{}</li>", crumb.label())
                    : Html.format("<li><a href=\"{}\">{}</a></li>", Html.safeUrl(crumb.href()), crumb.label()));
        }
        return Html.format("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\"><ol>{}</ol></nav>", Html.join(items));
    }
}
