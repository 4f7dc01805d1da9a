package io.kerberus.scaffolder.plugin.form;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Picker choices from the catalog, through {@link CatalogClient}'s Backstage filters and facets. */
public final class CatalogPickerSource implements PickerSource {

    private final Supplier<CatalogClient> catalog;

    /** A source reading {@code catalog}, looked up on each use so it can be wired after start-up. */
    public CatalogPickerSource(Supplier<CatalogClient> catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Choice> entities(List<Map<String, List<String>>> filters, int limit) {
        List<String> query = new ArrayList<>();
        for (Map<String, List<String>> filter : filters) {
            String text = filterString(filter);
            if (text == null) {
                continue;
            }
            query.add(text);
        }
        if (!filters.isEmpty() && query.isEmpty()) {
            return List.of();
        }
        List<Choice> choices = new ArrayList<>();
        for (Entity entity : catalog.get().query(query, 0, limit).items()) {
            String ref = EntityRefs.normalize(entity.ref().toString(), null, null).orElse(entity.ref().toString());
            choices.add(new Choice(ref, entity.title().orElse(EntityRefs.humanize(ref))));
        }
        choices.sort(Comparator.comparing(Choice::label, String.CASE_INSENSITIVE_ORDER));
        return choices;
    }

    @Override
    public List<String> tags(int limit) {
        Map<String, Long> counts = catalog.get().facets(List.of("metadata.tags"), List.of()).getOrDefault("metadata.tags", Map.of());
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * {@code kind=group,kind=user,spec.type=team}; null when a value would break the filter syntax
     * (a comma or equals sign), since such a filter cannot be said to the catalog.
     */
    static String filterString(Map<String, List<String>> filter) {
        List<String> conditions = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : filter.entrySet()) {
            if (unsafe(entry.getKey())) {
                return null;
            }
            if (entry.getValue().isEmpty()) {
                conditions.add(entry.getKey());
            }
            for (String value : entry.getValue()) {
                if (unsafe(value)) {
                    return null;
                }
                conditions.add(entry.getKey() + "=" + value);
            }
        }
        return String.join(",", conditions);
    }

    private static boolean unsafe(String text) {
        return text.isBlank() || text.contains(",") || text.contains("=");
    }
}
