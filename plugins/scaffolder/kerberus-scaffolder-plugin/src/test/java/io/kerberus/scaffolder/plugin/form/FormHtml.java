package io.kerberus.scaffolder.plugin.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough HTML reading for the form's markup (the module has no HTML parser on its test path). */
final class FormHtml {

    private static final Pattern TAG = Pattern.compile("<(input|select|textarea|option|label|fieldset|datalist|p|div)\\b([^>]*)>");
    private static final Pattern ATTR = Pattern.compile("([a-zA-Z-]+)(?:=\"([^\"]*)\")?");

    /** One start tag. */
    record Tag(String name, Map<String, String> attrs) {

        String attr(String key) {
            return attrs.get(key);
        }

        boolean has(String key) {
            return attrs.containsKey(key);
        }
    }

    private FormHtml() {
    }

    static List<Tag> tags(String html) {
        List<Tag> tags = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            Map<String, String> attrs = new LinkedHashMap<>();
            Matcher a = ATTR.matcher(m.group(2));
            while (a.find()) {
                attrs.put(a.group(1), a.group(2) == null ? "" : unescape(a.group(2)));
            }
            tags.add(new Tag(m.group(1), attrs));
        }
        return tags;
    }

    /** The tag with this id. */
    static Tag byId(String html, String id) {
        return tags(html).stream().filter(t -> id.equals(t.attr("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no element #" + id + " in " + html));
    }

    /** The controls (input, select, textarea) named {@code name}. */
    static List<Tag> named(String html, String name) {
        return tags(html).stream().filter(t -> name.equals(t.attr("name"))).toList();
    }

    /** The controls' names, in order, without repeats. */
    static List<String> names(String html) {
        return tags(html).stream().map(t -> t.attr("name")).filter(n -> n != null).distinct().toList();
    }

    /**
     * What a browser would post for the markup: text inputs and textareas their value, checked
     * checkboxes and radios theirs, selects their selected options (the first for a single select).
     */
    static Map<String, List<String>> post(String html) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<(input)\\b([^>]*)>()|<(textarea|select)\\b([^>]*)>(.*?)</\\4>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            String element = m.group(1) != null ? "input" : m.group(4);
            String attributes = m.group(1) != null ? m.group(2) : m.group(5);
            String content = m.group(1) != null ? "" : m.group(6);
            Tag tag = tags("<" + element + attributes + ">").getFirst();
            String name = tag.attr("name");
            if (name == null || tag.has("disabled")) {
                continue;
            }
            String type = tag.attrs().getOrDefault("type", "text");
            switch (element) {
                case "textarea" -> add(params, name, unescape(content));
                case "select" -> selected(content, tag.has("multiple")).forEach(v -> add(params, name, v));
                default -> {
                    if ((type.equals("checkbox") || type.equals("radio")) && !tag.has("checked")) {
                        continue;
                    }
                    add(params, name, tag.attrs().getOrDefault("value", ""));
                }
            }
        }
        return params;
    }

    private static List<String> selected(String options, boolean multiple) {
        List<Tag> all = tags(options).stream().filter(t -> t.name().equals("option")).toList();
        List<String> chosen = all.stream().filter(t -> t.has("selected")).map(t -> t.attr("value")).toList();
        if (chosen.isEmpty() && !multiple && !all.isEmpty()) {
            return List.of(all.getFirst().attr("value"));
        }
        return chosen;
    }

    private static void add(Map<String, List<String>> params, String name, String value) {
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
