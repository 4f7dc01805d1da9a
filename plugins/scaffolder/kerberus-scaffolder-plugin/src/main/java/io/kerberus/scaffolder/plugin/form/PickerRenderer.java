package io.kerberus.scaffolder.plugin.form;

import io.kerberus.plugin.ui.Html;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The controls of Backstage's field extensions that need the catalog or several inputs. */
final class PickerRenderer {

    /** Tag suggestions offered; the datalist is a hint, not a limit. */
    static final int TAG_LIMIT = 200;

    private final Map<String, String> problems;
    private final PickerSource source;

    PickerRenderer(Map<String, String> problems, PickerSource source) {
        this.problems = problems;
        this.source = source == null ? PickerSource.NONE : source;
    }

    Html render(FormField field, JsonNode value, FieldDecor decor) {
        return switch (field.kind()) {
            case ENTITY, OWNER -> decor.wrap(entity(field, value, decor));
            case MULTI_ENTITY -> decor.wrap(entities(field, value, decor));
            case TAGS -> decor.wrap(tags(field, value, decor));
            case REPO_URL -> repoUrl(field, value, decor);
            default -> throw new IllegalArgumentException("not a picker: " + field.kind());
        };
    }

    /** A text input with suggestions when arbitrary refs are allowed (Backstage's default), else a select. */
    private Html entity(FormField field, JsonNode value, FieldDecor decor) {
        EntityPickerOptions options = EntityPickerOptions.of(field);
        List<PickerSource.Choice> choices = source.entities(options.filters(), EntityPickerOptions.LIMIT);
        String current = value.isString() ? value.asString() : "";
        Attrs attrs = decor.common(field.id()).set("name", field.control());
        if (options.arbitrary() || choices.isEmpty()) {
            String listId = field.id() + "-options";
            attrs.set("type", "text").set("value", current.isEmpty() ? null : current).set("list", listId).set("autocomplete", "off")
                    .set("placeholder", field.ui("placeholder").asString(null));
            return Html.format("<input{}><datalist id=\"{}\">{}</datalist>", attrs.html(), listId, options(choices, List.of(), false));
        }
        return Html.format("<select{}><option value=\"\"></option>{}</select>", attrs.html(),
                options(choices, current.isEmpty() ? List.of() : List.of(current), true));
    }

    private Html entities(FormField field, JsonNode value, FieldDecor decor) {
        EntityPickerOptions options = EntityPickerOptions.of(field);
        List<PickerSource.Choice> choices = source.entities(options.filters(), EntityPickerOptions.LIMIT);
        List<String> current = value.isArray() ? value.values().stream().map(Options::text).toList() : List.of();
        Attrs attrs = decor.common(field.id()).set("name", field.control()).flag("multiple", true);
        return Html.format("<select{}>{}</select>", attrs.html(), options(choices, current, true));
    }

    /**
     * Options for the choices; with {@code selecting}, the current values are marked selected and
     * those the catalog no longer offers are kept as options, so re-rendering never drops an answer.
     */
    private static Html options(List<PickerSource.Choice> choices, List<String> current, boolean selecting) {
        List<Html> out = new ArrayList<>();
        List<String> offered = new ArrayList<>();
        for (PickerSource.Choice choice : choices) {
            offered.add(choice.ref());
            out.add(Html.format("<option value=\"{}\"{}>{}</option>", choice.ref(),
                    new Attrs().flag("selected", selecting && current.contains(choice.ref())).html(), choice.label()));
        }
        for (String value : current) {
            if (!offered.contains(value)) {
                out.add(Html.format("<option value=\"{}\" selected>{}</option>", value, EntityRefs.humanize(value)));
            }
        }
        return Html.join(out);
    }

    /** One text input of comma- or space-separated tags, with the catalog's tags as suggestions. */
    private Html tags(FormField field, JsonNode value, FieldDecor decor) {
        String current = value.isArray() ? String.join(", ", value.values().stream().map(Options::text).toList()) : "";
        String listId = field.id() + "-options";
        Attrs attrs = decor.common(field.id()).set("type", "text").set("name", field.control())
                .set("value", current.isEmpty() ? null : current).set("list", listId).set("autocomplete", "off")
                .set("placeholder", field.ui("placeholder").asString("tag-one, tag-two"));
        List<Html> suggestions = new ArrayList<>();
        for (String tag : source.tags(TAG_LIMIT)) {
            suggestions.add(Html.format("<option value=\"{}\"></option>", tag));
        }
        return Html.format("<input{}><datalist id=\"{}\">{}</datalist>", attrs.html(), listId, Html.join(suggestions));
    }

    /**
     * The host (a select of {@code allowedHosts}), then the parts that host needs, each a select when
     * {@code ui:options} lists the allowed values, else a text input. Named {@code v.<path>:<part>}.
     */
    private Html repoUrl(FormField field, JsonNode value, FieldDecor decor) {
        Map<String, String> parts = RepoUrlParts.parse(value.isString() ? value.asString() : "");
        List<String> hosts = EntityPickerOptions.strings(field.option("allowedHosts"));
        String host = parts.getOrDefault("host", hosts.isEmpty() ? "" : hosts.getFirst());
        List<Html> controls = new ArrayList<>();
        Attrs hostAttrs = decor.common(field.id() + "-host").set("name", field.control() + ":host").flag("data-form-refresh", hosts.size() > 1);
        controls.add(part(field, "host", "Host", hosts.isEmpty()
                ? Html.format("<input{}>", hostAttrs.set("type", "text").set("value", host.isEmpty() ? null : host).html())
                : select(hostAttrs, hosts, host)));
        for (String part : RepoUrlParts.partsFor(host)) {
            List<String> allowed = EntityPickerOptions.strings(field.option(RepoUrlParts.allowedOption(part)));
            String current = parts.getOrDefault(part, allowed.size() == 1 ? allowed.getFirst() : "");
            Attrs attrs = decor.common(field.id() + "-" + part).set("name", field.control() + ":" + part).flag("data-form-refresh", false);
            controls.add(part(field, part, RepoUrlParts.label(part), allowed.isEmpty()
                    ? Html.format("<input{}>", attrs.set("type", "text").set("value", current.isEmpty() ? null : current).html())
                    : select(attrs, allowed, current)));
        }
        return decor.group(Html.join(controls));
    }

    private static Html part(FormField field, String part, String label, Html control) {
        return Html.format("<div class=\"field\"><label for=\"{}-{}\">{}</label>{}</div>", field.id(), part, label, control);
    }

    private static Html select(Attrs attrs, List<String> values, String current) {
        List<Html> out = new ArrayList<>();
        if (!values.contains(current) && !current.isEmpty()) {
            out.add(Html.format("<option value=\"{}\" selected>{}</option>", current, current));
        }
        for (String value : values) {
            out.add(Html.format("<option value=\"{}\"{}>{}</option>", value, new Attrs().flag("selected", value.equals(current)).html(), value));
        }
        return Html.format("<select{}>{}</select>", attrs.html(), Html.join(out));
    }
}
