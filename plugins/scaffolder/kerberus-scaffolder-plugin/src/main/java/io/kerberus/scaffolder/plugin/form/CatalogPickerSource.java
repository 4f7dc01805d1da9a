package io.kerberus.scaffolder.plugin.form;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.plugin.Principal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Picker choices from the catalog, through {@link CatalogClient}'s Backstage filters and facets. The
 * catalog client is the scaffolder's own (it reads everything), so the pages use {@link #forUser}:
 * choices and tags only from the entities the user may read.
 */
public final class CatalogPickerSource implements PickerSource {

    /** How many entities a restricted view reads at most to fill one list of choices or tags. */
    static final int SCAN_LIMIT = 5_000;
    private static final int SCAN_PAGE = 500;

    private final Supplier<CatalogClient> catalog;
    private final Function<Principal, Optional<Predicate<Entity>>> readable;
    private final Optional<Predicate<Entity>> filter;

    /**
     * A source reading {@code catalog}, looked up on each use so it can be wired after start-up.
     *
     * @param readable for a user, empty when they may read every entity, else which entities they may read
     */
    public CatalogPickerSource(Supplier<CatalogClient> catalog, Function<Principal, Optional<Predicate<Entity>>> readable) {
        this(catalog, readable, Optional.empty());
    }

    private CatalogPickerSource(Supplier<CatalogClient> catalog, Function<Principal, Optional<Predicate<Entity>>> readable,
                                Optional<Predicate<Entity>> filter) {
        this.catalog = catalog;
        this.readable = readable;
        this.filter = filter;
    }

    @Override
    public PickerSource forUser(Principal user) {
        return new CatalogPickerSource(catalog, readable, readable.apply(user));
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
        for (Entity entity : readableEntities(query, limit)) {
            String ref = EntityRefs.normalize(entity.ref().toString(), null, null).orElse(entity.ref().toString());
            choices.add(new Choice(ref, entity.title().orElse(EntityRefs.humanize(ref))));
        }
        choices.sort(Comparator.comparing(Choice::label, String.CASE_INSENSITIVE_ORDER));
        return choices;
    }

    @Override
    public List<String> tags(int limit) {
        Map<String, Long> counts;
        if (filter.isEmpty()) {
            counts = catalog.get().facets(List.of("metadata.tags"), List.of()).getOrDefault("metadata.tags", Map.of());
        } else {
            // the catalog's facets count every entity: count the tags of the readable ones instead
            counts = new HashMap<>();
            for (Entity entity : readableEntities(List.of("metadata.tags"), SCAN_LIMIT)) {
                if (entity.data().get("metadata") instanceof Map<?, ?> metadata && metadata.get("tags") instanceof List<?> tags) {
                    tags.forEach(tag -> counts.merge(String.valueOf(tag), 1L, Long::sum));
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** At most {@code limit} entities matching the filters that this view may offer, reading at most {@link #SCAN_LIMIT}. */
    private List<Entity> readableEntities(List<String> query, int limit) {
        if (filter.isEmpty()) {
            return catalog.get().query(query, 0, limit).items();
        }
        List<Entity> out = new ArrayList<>();
        for (int offset = 0; offset < SCAN_LIMIT && out.size() < limit; offset += SCAN_PAGE) {
            List<Entity> page = catalog.get().query(query, offset, SCAN_PAGE).items();
            for (Entity entity : page) {
                if (out.size() < limit && filter.get().test(entity)) {
                    out.add(entity);
                }
            }
            if (page.size() < SCAN_PAGE) {
                break;
            }
        }
        return out;
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
