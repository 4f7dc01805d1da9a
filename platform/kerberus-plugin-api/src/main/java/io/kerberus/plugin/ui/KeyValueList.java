package io.kerberus.plugin.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labelled values, such as an entity's owner, type and lifecycle. Empty values show as a dash.
 *
 * @param entries labels and their values, in order
 */
public record KeyValueList(Map<String, Html> entries) implements Component {

    public KeyValueList {
        entries = new LinkedHashMap<>(entries);
    }

    /** An empty list to add to with {@link #with}. */
    public static KeyValueList create() {
        return new KeyValueList(Map.of());
    }

    /** A copy with one more entry; a String value is escaped. */
    public KeyValueList with(String label, Object value) {
        Map<String, Html> copy = new LinkedHashMap<>(entries);
        copy.put(label, value instanceof Component c ? c.html() : Html.text(value == null ? "" : value.toString()));
        return new KeyValueList(copy);
    }

    @Override
    public Html html() {
        List<Html> rows = new ArrayList<>();
        entries.forEach((label, value) -> rows.add(Html.format("<div class=\"kv-row\"><dt>{}</dt><dd>{}</dd></div>",
                label, value.isEmpty() ? Html.trusted("<span class=\"muted\">&mdash;</span>") : value)));
        return Html.format("<dl class=\"kv\">{}</dl>", Html.join(rows));
    }
}
