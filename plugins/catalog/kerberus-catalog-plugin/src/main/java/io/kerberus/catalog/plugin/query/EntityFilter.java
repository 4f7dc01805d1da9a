package io.kerberus.catalog.plugin.query;

import io.kerberus.plugin.InputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Backstage's entity filter: each {@code filter} parameter is a set of conditions that must all hold
 * ({@code kind=component,spec.type=service}); several parameters are alternatives. A key repeated
 * inside one set matches any of its values; a bare key means the field exists. Keys and values compare
 * case-insensitively.
 *
 * @param anyOf the alternatives; empty matches everything
 */
public record EntityFilter(List<Map<String, Set<String>>> anyOf) {

    /** Matches every entity. */
    public static final EntityFilter ALL = new EntityFilter(List.of());

    /** An empty set of values stands for "the key exists". */
    static final Set<String> EXISTS = Set.of();

    /** Parses {@code filter} query parameters. */
    public static EntityFilter parse(List<String> filters) {
        List<Map<String, Set<String>>> anyOf = new ArrayList<>();
        for (String filter : filters) {
            if (filter.isBlank()) {
                continue;
            }
            Map<String, Set<String>> conditions = new LinkedHashMap<>();
            for (String part : filter.split(",")) {
                String condition = part.strip();
                if (condition.isEmpty()) {
                    throw new InputException("Invalid filter \"" + filter + "\": empty condition; write key=value pairs separated by commas");
                }
                int equals = condition.indexOf('=');
                String key = (equals < 0 ? condition : condition.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
                if (key.isEmpty()) {
                    throw new InputException("Invalid filter \"" + filter + "\": a condition has no key");
                }
                if (equals < 0) {
                    conditions.putIfAbsent(key, EXISTS);
                    continue;
                }
                String value = condition.substring(equals + 1).strip().toLowerCase(Locale.ROOT);
                Set<String> values = conditions.get(key);
                Set<String> updated = values == null || values.isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(values);
                updated.add(value);
                conditions.put(key, updated);
            }
            anyOf.add(conditions);
        }
        return new EntityFilter(List.copyOf(anyOf));
    }

    /** A filter that must hold in addition to this one (both). */
    public EntityFilter and(EntityFilter other) {
        if (other.anyOf.isEmpty()) {
            return this;
        }
        if (anyOf.isEmpty()) {
            return other;
        }
        List<Map<String, Set<String>>> combined = new ArrayList<>();
        for (Map<String, Set<String>> left : anyOf) {
            for (Map<String, Set<String>> right : other.anyOf) {
                Map<String, Set<String>> merged = new LinkedHashMap<>(left);
                right.forEach((key, values) -> merged.merge(key, values, (a, b) -> {
                    if (a.isEmpty()) {
                        return b;
                    }
                    if (b.isEmpty()) {
                        return a;
                    }
                    Set<String> both = new LinkedHashSet<>(a);
                    both.retainAll(b);
                    return both.isEmpty() ? Set.of("\u0000no-match") : both;
                }));
                combined.add(merged);
            }
        }
        return new EntityFilter(combined);
    }
}
