package io.kerberus.catalog.plugin.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an entity into the key/value pairs filters, facets and sorting work on, like Backstage's
 * search table: dotted lower-case paths ({@code spec.type}, {@code metadata.annotations.backstage.io/x}),
 * array items under their array's key, relations as {@code relations.<type>} with the target ref.
 * Values are lower-cased; long values (API definitions) are not indexed.
 */
final class Flattener {

    static final int MAX_VALUE_LENGTH = 512;

    private Flattener() {
    }

    /** Triples as a flat list: key, lower-case value, value as written; key, lower-case value, value ... */
    static List<String> flatten(Map<String, Object> entity) {
        List<String> pairs = new ArrayList<>(72);
        for (Map.Entry<String, Object> field : entity.entrySet()) {
            String key = field.getKey().toLowerCase(Locale.ROOT);
            if (key.equals("relations")) {
                if (field.getValue() instanceof List<?> relations) {
                    for (Object item : relations) {
                        if (item instanceof Map<?, ?> relation && relation.get("type") instanceof String type
                                && relation.get("targetRef") instanceof String target) {
                            pairs.add("relations." + type.toLowerCase(Locale.ROOT));
                            pairs.add(target.toLowerCase(Locale.ROOT));
                            pairs.add(target);
                        }
                    }
                }
                continue;
            }
            walk(key, field.getValue(), pairs);
        }
        return pairs;
    }

    private static void walk(String key, Object value, List<String> pairs) {
        switch (value) {
            case null -> {
            }
            case Map<?, ?> map -> map.forEach((child, item) -> walk(key + "." + String.valueOf(child).toLowerCase(Locale.ROOT), item, pairs));
            case List<?> list -> list.forEach(item -> walk(key, item, pairs));
            default -> {
                String text = value.toString();
                if (text.length() <= MAX_VALUE_LENGTH) {
                    pairs.add(key);
                    pairs.add(text.toLowerCase(Locale.ROOT));
                    pairs.add(text);
                }
            }
        }
    }
}
