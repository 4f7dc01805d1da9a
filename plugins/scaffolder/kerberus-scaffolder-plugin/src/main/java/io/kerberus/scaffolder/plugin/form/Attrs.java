package io.kerberus.scaffolder.plugin.form;

import io.kerberus.plugin.ui.Html;

import java.util.ArrayList;
import java.util.List;

/** HTML attributes of a control: names are literals of this package, values are escaped. */
final class Attrs {

    private final List<Html> parts = new ArrayList<>();

    /** {@code name="value"}, left out when the value is null. */
    Attrs set(String name, Object value) {
        if (value != null) {
            parts.add(Html.format(" " + name + "=\"{}\"", value));
        }
        return this;
    }

    /** A boolean attribute such as {@code required}, present when {@code on}. */
    Attrs flag(String name, boolean on) {
        if (on) {
            parts.add(Html.trusted(" " + name));
        }
        return this;
    }

    Html html() {
        return Html.join(parts);
    }
}
