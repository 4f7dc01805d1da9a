package io.kerberus.scaffolder.plugin.form;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ui:options} of {@code EntityPicker}, {@code OwnerPicker} and {@code MultiEntityPicker}, read
 * as Backstage reads them: {@code catalogFilter} (one object or a list; values a string, a list or
 * {@code {exists: true}}) wins over the older {@code allowedKinds}; the owner picker defaults to
 * groups and users.
 *
 * @param filters        the catalog filters, alternatives
 * @param kinds          the kinds a value may have, lower case; empty for any
 * @param defaultKind    kind assumed when a typed ref has none, or null
 * @param defaultNamespace namespace assumed when a typed ref has none
 * @param arbitrary      whether values outside the offered entities may be typed
 */
record EntityPickerOptions(List<Map<String, List<String>>> filters, Set<String> kinds, String defaultKind,
        String defaultNamespace, boolean arbitrary) {

    /** How many entities a picker offers; more are reachable by typing when arbitrary values are allowed. */
    static final int LIMIT = 500;

    static EntityPickerOptions of(FormField field) {
        JsonNode options = field.schema().path("ui:options");
        List<Map<String, List<String>>> filters = new ArrayList<>();
        JsonNode catalogFilter = options.path("catalogFilter");
        if (catalogFilter.isObject()) {
            filters.add(filter(catalogFilter));
        } else if (catalogFilter.isArray()) {
            catalogFilter.values().stream().filter(JsonNode::isObject).forEach(f -> filters.add(filter(f)));
        }
        if (filters.isEmpty()) {
            List<String> allowed = strings(options.path("allowedKinds"));
            if (allowed.isEmpty() && field.kind() == FieldKind.OWNER) {
                allowed = List.of("Group", "User");
            }
            if (!allowed.isEmpty()) {
                filters.add(Map.of("kind", allowed));
            }
        }
        String defaultKind = options.path("defaultKind").asString(null);
        if (defaultKind == null && field.kind() == FieldKind.OWNER) {
            defaultKind = "Group";
        }
        return new EntityPickerOptions(filters, kinds(filters), defaultKind,
                options.path("defaultNamespace").asString("default"), options.path("allowArbitraryValues").asBoolean(true));
    }

    /** The ref to store for what was typed or chosen: normalized when it parses, else as typed. */
    String normalize(String text) {
        return EntityRefs.normalize(text, defaultKind, defaultNamespace).orElse(text.strip());
    }

    private static Map<String, List<String>> filter(JsonNode object) {
        Map<String, List<String>> filter = new LinkedHashMap<>();
        object.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (value.isObject() && value.path("exists").asBoolean(false)) {
                filter.put(entry.getKey(), List.of());
            } else if (!value.isObject()) {
                filter.put(entry.getKey(), strings(value));
            }
        });
        return filter;
    }

    /** The kinds every alternative restricts to; empty when one alternative takes any kind. */
    private static Set<String> kinds(List<Map<String, List<String>>> filters) {
        Set<String> kinds = new LinkedHashSet<>();
        for (Map<String, List<String>> filter : filters) {
            List<String> values = filter.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("kind")).map(Map.Entry::getValue).findFirst().orElse(List.of());
            if (values.isEmpty()) {
                return Set.of();
            }
            values.forEach(k -> kinds.add(k.toLowerCase(Locale.ROOT)));
        }
        return kinds;
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.values().forEach(v -> {
                if (v.isValueNode()) {
                    out.add(v.asString());
                }
            });
        } else if (node.isValueNode() && !node.isNull()) {
            out.add(node.asString());
        }
        return out;
    }
}
