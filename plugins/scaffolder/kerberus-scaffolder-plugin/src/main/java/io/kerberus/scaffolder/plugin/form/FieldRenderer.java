package io.kerberus.scaffolder.plugin.form;

import io.kerberus.plugin.ui.Html;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The controls of plain JSON Schema fields; field extensions go to {@link PickerRenderer}. */
final class FieldRenderer {

    private final Map<String, String> problems;
    private final PickerRenderer pickers;

    FieldRenderer(Map<String, String> problems, PickerSource source) {
        this.problems = problems;
        this.pickers = new PickerRenderer(problems, source);
    }

    Html render(List<FormField> fields, JsonNode values) {
        List<Html> out = new ArrayList<>();
        for (FormField field : fields) {
            out.add(render(field, values.path(field.name())));
        }
        return Html.join(out);
    }

    private Html render(FormField field, JsonNode value) {
        String missing = field.missingExtension();
        Html note = missing == null ? null
                : Html.format("The field extension {} is not installed here; enter the value as text.", missing);
        FieldDecor decor = FieldDecor.of(field, problems, note);
        return switch (field.kind()) {
            case OBJECT -> Html.format("<fieldset class=\"field-group\" id=\"{}\"><legend>{}</legend>{}{}</fieldset>",
                    field.id(), decor.label(), decor.after(), render(field.children(), value));
            case HIDDEN -> Html.format("<input type=\"hidden\" id=\"{}\" name=\"{}\" value=\"{}\">", field.id(), field.control(),
                    FormSchema.answered(value) ? Options.text(value) : "");
            case CHECKBOX -> checkbox(field, value, decor);
            case SELECT, MULTI_SELECT -> decor.wrap(select(field, value, decor));
            case RADIO, CHECKBOXES -> decor.group(choices(field, value, decor));
            case TEXTAREA, LIST, JSON -> decor.wrap(textarea(field, value, decor));
            case ENTITY, OWNER, MULTI_ENTITY, REPO_URL, TAGS -> pickers.render(field, value, decor);
            default -> decor.wrap(input(field, value, decor));
        };
    }

    /** Text, number, password and the name and secret fields: one {@code <input>}. */
    static Html input(FormField field, JsonNode value, FieldDecor decor) {
        JsonNode schema = field.schema();
        Attrs attrs = decor.common(field.id()).set("type", inputType(field)).set("name", field.control())
                .set("value", FormSchema.answered(value) ? Options.text(value) : null)
                .set("placeholder", field.ui("placeholder").asString(null));
        if (field.kind() == FieldKind.NUMBER) {
            attrs.set("min", number(schema.path("minimum"))).set("max", number(schema.path("maximum")))
                    .set("step", FormSchema.type(schema).equals("integer") ? "1" : "any");
        } else if (field.kind() == FieldKind.ENTITY_NAME) {
            attrs.set("pattern", schema.path("pattern").asString(PickerChecks.ENTITY_NAME.pattern()))
                    .set("maxlength", schema.path("maxLength").isNumber() ? number(schema.path("maxLength")) : String.valueOf(PickerChecks.MAX_NAME));
        } else {
            attrs.set("pattern", schema.path("pattern").asString(null))
                    .set("minlength", number(schema.path("minLength"))).set("maxlength", number(schema.path("maxLength")));
        }
        if (field.kind() == FieldKind.PASSWORD || field.kind() == FieldKind.SECRET) {
            attrs.set("autocomplete", "off");
        }
        return Html.format("<input{}>", attrs.html());
    }

    private static String inputType(FormField field) {
        return switch (field.kind()) {
            case NUMBER -> "number";
            case PASSWORD, SECRET -> "password";
            default -> {
                String inputType = field.option("inputType").asString("");
                if (Set.of("text", "email", "url", "tel", "date", "time", "color").contains(inputType)) {
                    yield inputType;
                }
                yield switch (field.schema().path("format").asString("")) {
                    case "email" -> "email";
                    case "uri", "url" -> "url";
                    case "date" -> "date";
                    default -> "text";
                };
            }
        };
    }

    private static Html checkbox(FormField field, JsonNode value, FieldDecor decor) {
        Attrs attrs = decor.common(field.id()).set("type", "checkbox").set("name", field.control()).set("value", "true")
                .flag("checked", value.asBoolean(false));
        return Html.format("<div class=\"field field-checkbox\"><input{}> <label for=\"{}\">{}</label>{}</div>",
                attrs.html(), field.id(), decor.label(), decor.after());
    }

    private static Html select(FormField field, JsonNode value, FieldDecor decor) {
        boolean multiple = field.kind() == FieldKind.MULTI_SELECT;
        List<Options.Option> options = Options.of(multiple ? field.schema().path("items") : field.schema());
        List<Html> out = new ArrayList<>();
        if (!multiple) {
            out.add(Html.trusted("<option value=\"\"></option>"));
        }
        for (Options.Option option : options) {
            out.add(Html.format("<option value=\"{}\"{}>{}</option>", option.text(),
                    new Attrs().flag("selected", contains(value, option.value())).html(), option.label()));
        }
        Attrs attrs = decor.common(field.id()).set("name", field.control()).flag("multiple", multiple);
        return Html.format("<select{}>{}</select>", attrs.html(), Html.join(out));
    }

    /** Radio buttons for one value, checkboxes for a list of values. */
    private static Html choices(FormField field, JsonNode value, FieldDecor decor) {
        boolean many = field.kind() == FieldKind.CHECKBOXES;
        List<Options.Option> options = Options.of(many ? field.schema().path("items") : field.schema());
        List<Html> out = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Options.Option option = options.get(i);
            String id = field.id() + "-" + i;
            Attrs attrs = decor.common(id).set("type", many ? "checkbox" : "radio").set("name", field.control())
                    .set("value", option.text()).flag("checked", contains(value, option.value()));
            out.add(Html.format("<label class=\"choice\" for=\"{}\"><input{}> {}</label>", id, attrs.html(), option.label()));
        }
        return Html.join(out);
    }

    /** A textarea: free text, one list item per line, or JSON for what has no better control. */
    private static Html textarea(FormField field, JsonNode value, FieldDecor decor) {
        String text = "";
        if (field.kind() == FieldKind.LIST && value.isArray()) {
            text = String.join("\n", value.values().stream().map(Options::text).toList());
        } else if (field.kind() == FieldKind.JSON && FormSchema.answered(value)) {
            text = value.isString() ? value.asString() : value.toPrettyString();
        } else if (FormSchema.answered(value)) {
            text = Options.text(value);
        }
        Attrs attrs = decor.common(field.id()).set("name", field.control())
                .set("rows", number(field.option("rows")))
                .set("placeholder", field.ui("placeholder").asString(null));
        if (field.kind() == FieldKind.TEXTAREA) {
            attrs.set("minlength", number(field.schema().path("minLength"))).set("maxlength", number(field.schema().path("maxLength")));
        }
        return Html.format("<textarea{}>{}</textarea>", attrs.html(), text);
    }

    static boolean contains(JsonNode value, JsonNode option) {
        if (value.isArray()) {
            return value.values().stream().anyMatch(option::equals);
        }
        return option.equals(value);
    }

    static String number(JsonNode node) {
        return node.isNumber() ? node.asString() : null;
    }
}
