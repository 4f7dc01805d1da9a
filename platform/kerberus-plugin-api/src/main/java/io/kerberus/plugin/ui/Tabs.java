package io.kerberus.plugin.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * A row of tabs, each a link to its own URL so that tabs can be bookmarked and work without
 * JavaScript.
 *
 * @param tabs the tabs in order
 */
public record Tabs(List<Tab> tabs) implements Component {

    /**
     * One tab.
     *
     * @param label  the text
     * @param href   where it leads
     * @param active whether it is the current tab
     */
    public record Tab(String label, String href, boolean active) {
    }

    public Tabs {
        tabs = List.copyOf(tabs);
    }

    public static Tabs of(Tab... tabs) {
        return new Tabs(List.of(tabs));
    }

    @Override
    public Html html() {
        List<Html> items = new ArrayList<>();
        for (Tab tab : tabs) {
            items.add(Html.format("<a role=\"tab\" class=\"tab{}\" href=\"{}\" aria-selected=\"{}\"{}>{}</a>",
                    tab.active() ? " active" : "", Html.safeUrl(tab.href()), tab.active(),
                    tab.active() ? Html.trusted(" aria-current=\"page\"") : Html.EMPTY, tab.label()));
        }
        return Html.format("<nav class=\"tabs\" role=\"tablist\">{}</nav>", Html.join(items));
    }
}
