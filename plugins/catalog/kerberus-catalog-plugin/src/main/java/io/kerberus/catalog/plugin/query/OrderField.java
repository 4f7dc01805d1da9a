package io.kerberus.catalog.plugin.query;

import io.kerberus.plugin.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One sort field, from Backstage's {@code orderField=metadata.name,asc} (by-query) or
 * {@code order=asc:metadata.name} (the older list endpoint).
 *
 * @param field      the dotted field, lower-case
 * @param descending whether it sorts descending
 */
public record OrderField(String field, boolean descending) {

    /** Parses {@code orderField} parameters: {@code field[,asc|desc]}. */
    public static List<OrderField> parseOrderFields(List<String> values) {
        List<OrderField> fields = new ArrayList<>();
        for (String value : values) {
            String[] parts = value.split(",");
            String field = parts[0].strip().toLowerCase(Locale.ROOT);
            String order = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
            if (field.isEmpty() || parts.length > 2 || !(order.equals("asc") || order.equals("desc"))) {
                throw new InputException("Invalid orderField \"" + value + "\"; write field,asc or field,desc");
            }
            fields.add(new OrderField(field, order.equals("desc")));
        }
        return fields;
    }

    /** Parses {@code order} parameters: {@code asc:field} or {@code desc:field}. */
    public static List<OrderField> parseOrder(List<String> values) {
        List<OrderField> fields = new ArrayList<>();
        for (String value : values) {
            int colon = value.indexOf(':');
            String order = colon < 0 ? "asc" : value.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String field = (colon < 0 ? value : value.substring(colon + 1)).strip().toLowerCase(Locale.ROOT);
            if (field.isEmpty() || !(order.equals("asc") || order.equals("desc"))) {
                throw new InputException("Invalid order \"" + value + "\"; write asc:field or desc:field");
            }
            fields.add(new OrderField(field, order.equals("desc")));
        }
        return fields;
    }
}
