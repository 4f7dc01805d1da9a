package io.kerberus.scaffolder.plugin.form;

import io.kerberus.plugin.ui.Html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What surrounds a control: its label with the required marker, the hints ({@code description},
 * {@code ui:help}), the problem, and the attributes that tie them to the control for screen readers.
 */
record FieldDecor(FormField field, String problem, Html extraHint) {

    static FieldDecor of(FormField field, Map<String, String> problems, Html extraHint) {
        String problem = problems.get(field.path());
        if (problem == null) {
            // list items are checked one by one ("tags[1]"); the list's control shows the first problem
            problem = problems.entrySet().stream().filter(e -> e.getKey().startsWith(field.path() + "["))
                    .map(e -> e.getValue()).findFirst().orElse(null);
        }
        return new FieldDecor(field, problem, extraHint == null ? Html.EMPTY : extraHint);
    }

    /** The attributes every control of the field carries. */
    Attrs common(String id) {
        FormField f = field;
        return new Attrs()
                .set("id", id)
                .flag("required", f.required() && f.kind() != FieldKind.CHECKBOX && !f.kind().multiple())
                .flag("autofocus", f.ui("autofocus").asBoolean(false))
                .flag("readonly", f.ui("readonly").asBoolean(false) || f.schema().path("readOnly").asBoolean(false))
                .flag("disabled", f.ui("disabled").asBoolean(false))
                .set("aria-invalid", problem == null ? null : "true")
                .set("aria-describedby", describedBy())
                .flag("data-form-refresh", f.refresh());
    }

    /** Label text with the visible required marker. */
    Html label() {
        return Html.format("{}{}", field.title(),
                field.required() ? Html.trusted(" <span class=\"required\" aria-hidden=\"true\">*</span>") : Html.EMPTY);
    }

    /** Hints and the problem, in that order, each with the id {@link #describedBy} names. */
    Html after() {
        List<Html> parts = new ArrayList<>();
        String id = field.id();
        String description = field.schema().path("description").asString("");
        if (!description.isBlank()) {
            parts.add(Html.format("<p class=\"hint\" id=\"{}-hint\">{}</p>", id, description));
        }
        String help = field.ui("help").asString("");
        if (!help.isBlank()) {
            parts.add(Html.format("<p class=\"hint\" id=\"{}-help\">{}</p>", id, help));
        }
        if (!extraHint.isEmpty()) {
            parts.add(Html.format("<p class=\"hint\" id=\"{}-note\">{}</p>", id, extraHint));
        }
        if (problem != null) {
            parts.add(Html.format("<p class=\"field-error\" id=\"{}-error\">{}</p>", id, problem));
        }
        return Html.join(parts);
    }

    /** The standard block: label, control, hints, problem. */
    Html wrap(Html control) {
        return Html.format("<div class=\"field\"><label for=\"{}\">{}</label>{}{}</div>", field.id(), label(), control, after());
    }

    /** A group of controls (radios, checkboxes, the parts of a repository) under a legend. */
    Html group(Html controls) {
        return Html.format("<fieldset class=\"field field-group\" id=\"{}\"{}><legend>{}</legend>{}{}</fieldset>",
                field.id(), new Attrs().set("aria-describedby", describedBy()).html(), label(), controls, after());
    }

    private String describedBy() {
        List<String> ids = new ArrayList<>();
        String id = field.id();
        if (!field.schema().path("description").asString("").isBlank()) {
            ids.add(id + "-hint");
        }
        if (!field.ui("help").asString("").isBlank()) {
            ids.add(id + "-help");
        }
        if (!extraHint.isEmpty()) {
            ids.add(id + "-note");
        }
        if (problem != null) {
            ids.add(id + "-error");
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }
}
