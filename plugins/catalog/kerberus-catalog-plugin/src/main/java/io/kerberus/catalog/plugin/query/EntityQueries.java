package io.kerberus.catalog.plugin.query;

import io.kerberus.plugin.InputException;
import org.roaringbitmap.RoaringBitmap;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's read queries over the in-memory index, with Backstage's semantics: filters, full-text
 * filter, ordering, offset and cursor paging, refs in batches, facets. Results are the entities' JSON.
 */
public final class EntityQueries {

    private static final JsonMapper JSON = JsonMapper.shared();
    static final List<OrderField> BY_UID = List.of();
    private static final List<String> DEFAULT_FULL_TEXT_FIELDS = List.of("metadata.name", "metadata.title", "metadata.description",
            "spec.profile.displayname");

    private final EntityIndex index;
    private final java.util.function.Supplier<Object> access;

    /** Queries over every entity (for services such as the catalog client). */
    public EntityQueries(EntityIndex index) {
        this(index, () -> null);
    }

    /**
     * Queries restricted to what the caller may read: {@code access} gives a filter predicate (the
     * shape of {@code POST /entities/by-query}'s {@code query}) that every query ands with its own
     * filter inside the index, so totals, facets, cursors and pages count only readable entities;
     * null means no restriction.
     */
    public EntityQueries(EntityIndex index, java.util.function.Supplier<Object> access) {
        this.index = index;
        this.access = access;
    }

    /** The entities matching {@code filter} that the caller may read. */
    private RoaringBitmap match(EntityIndex.Reader reader, EntityFilter filter) {
        RoaringBitmap matches = reader.match(filter);
        Object restriction = access.get();
        if (restriction != null) {
            matches.and(Predicate.evaluate(reader, restriction));
        }
        return matches;
    }

    /** Whether the caller may read the entity (false when it does not exist). */
    public boolean readable(String ref) {
        return byRefs(List.of(ref), List.of()).getFirst().isPresent();
    }

    /**
     * A page of a cursor query.
     *
     * @param items      the entities' JSON
     * @param totalItems how many match, or -1 when not asked
     * @param nextCursor the cursor of the next page, or null
     * @param prevCursor the cursor of the previous page, or null
     */
    public record Page(List<String> items, long totalItems, String nextCursor, String prevCursor) {
    }

    /**
     * The query a cursor continues.
     *
     * @param filters    the filter parameters
     * @param order      the sort fields as {@code field,asc|desc}
     * @param term       the full-text term, or null
     * @param termFields the full-text fields
     * @param key        the sort values of the last (or, going back, first) item shown
     * @param previous   whether the cursor goes back
     * @param total      the total of the first page, or -1
     * @param predicate  the filter predicate of a POST query, or null
     */
    record Cursor(List<String> filters, List<String> order, String term, List<String> termFields, List<String> key, boolean previous, long total,
                  Object predicate) {
    }

    /** {@code GET /entities/by-query}. */
    public Page byQuery(List<String> filters, List<String> orderFields, String term, List<String> termFields, int limit, int offset,
                        String cursorText, boolean includeTotal) {
        return byQuery(filters, null, orderFields, term, termFields, limit, offset, cursorText, includeTotal);
    }

    /** {@code GET} or {@code POST /entities/by-query}: filter parameters or a filter predicate. */
    public Page byQuery(List<String> filters, Object predicate, List<String> orderFields, String term, List<String> termFields, int limit,
                        int offset, String cursorText, boolean includeTotal) {
        Cursor cursor = cursorText == null ? null : decode(cursorText);
        List<String> activeFilters = cursor == null ? filters : cursor.filters();
        Object activePredicate = cursor == null ? predicate : cursor.predicate();
        List<String> activeOrder = cursor == null ? orderFields : cursor.order();
        String activeTerm = cursor == null ? term : cursor.term();
        List<String> activeTermFields = cursor == null ? termFields : cursor.termFields();
        EntityFilter filter = EntityFilter.parse(activeFilters);
        List<OrderField> order = OrderField.parseOrderFields(activeOrder);
        return index.read(reader -> {
            RoaringBitmap matches = match(reader, filter);
            if (activePredicate != null) {
                matches.and(Predicate.evaluate(reader, activePredicate));
            }
            if (activeTerm != null && !activeTerm.isBlank()) {
                List<String> fields = activeTermFields.isEmpty() ? DEFAULT_FULL_TEXT_FIELDS
                        : activeTermFields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
                matches = reader.containing(matches, fields, activeTerm.strip().toLowerCase(Locale.ROOT));
            }
            long total = includeTotal ? (cursor != null && cursor.total() >= 0 ? cursor.total() : matches.getCardinality()) : -1;
            SortedView view = reader.sorted(order);
            List<Integer> positions = cursor == null
                    ? forward(view, matches, cursorFreeStart(view, matches, offset), limit)
                    : cursor.previous()
                    ? backward(view, matches, view.positionOf(cursor.key().toArray(String[]::new)) - 1, limit)
                    : forward(view, matches, view.positionAfter(cursor.key().toArray(String[]::new)), limit);
            List<String> items = new ArrayList<>(positions.size());
            positions.forEach(position -> items.add(reader.json(view.ordinals[position])));
            String next = null;
            String prev = null;
            if (!positions.isEmpty()) {
                int last = positions.getLast();
                int first = positions.getFirst();
                if (!forward(view, matches, last + 1, 1).isEmpty()) {
                    next = encode(new Cursor(activeFilters, activeOrder, activeTerm, activeTermFields, java.util.Arrays.asList(view.keys[last]), false, total,
                            activePredicate));
                }
                if (!backward(view, matches, first - 1, 1).isEmpty()) {
                    prev = encode(new Cursor(activeFilters, activeOrder, activeTerm, activeTermFields, java.util.Arrays.asList(view.keys[first]), true, total,
                            activePredicate));
                }
            }
            return new Page(items, total, next, prev);
        });
    }

    /**
     * A page for the catalog's own pages: the index and semantics of by-query, with a filter built in
     * code, optionally only among {@code onlyRefs} (a user's starred entities), with the total.
     */
    public Page page(EntityFilter filter, Collection<String> onlyRefs, List<OrderField> order, String term, int offset, int limit) {
        return index.read(reader -> {
            RoaringBitmap matches = match(reader, filter);
            if (onlyRefs != null) {
                RoaringBitmap only = new RoaringBitmap();
                onlyRefs.forEach(ref -> {
                    int ordinal = reader.ordinal(normalizeRef(ref));
                    if (ordinal >= 0) {
                        only.add(ordinal);
                    }
                });
                matches.and(only);
            }
            if (term != null && !term.isBlank()) {
                matches = reader.containing(matches, DEFAULT_FULL_TEXT_FIELDS, term.strip().toLowerCase(Locale.ROOT));
            }
            SortedView view = reader.sorted(order);
            List<String> items = new ArrayList<>(limit);
            for (int position : forward(view, matches, cursorFreeStart(view, matches, offset), limit)) {
                items.add(reader.json(view.ordinals[position]));
            }
            return new Page(items, matches.getCardinality(), null, null);
        });
    }

    /** Each facet's values and counts among the entities matching a filter built in code. */
    public Map<String, Map<String, Long>> facets(List<String> facets, EntityFilter filter) {
        return index.read(reader -> {
            RoaringBitmap matches = match(reader, filter);
            Map<String, Map<String, Long>> out = new LinkedHashMap<>();
            for (String facet : facets) {
                out.put(facet, reader.facet(matches, facet.toLowerCase(Locale.ROOT)));
            }
            return out;
        });
    }

    /** The position where an offset-based first page starts. */
    private static int cursorFreeStart(SortedView view, RoaringBitmap matches, int offset) {
        if (offset == 0) {
            return 0;
        }
        int seen = 0;
        for (int position = 0; position < view.ordinals.length; position++) {
            if (matches.contains(view.ordinals[position]) && seen++ == offset) {
                return position;
            }
        }
        return view.ordinals.length;
    }

    private static List<Integer> forward(SortedView view, RoaringBitmap matches, int from, int limit) {
        List<Integer> positions = new ArrayList<>();
        for (int position = Math.max(0, from); position < view.ordinals.length && positions.size() < limit; position++) {
            if (matches.contains(view.ordinals[position])) {
                positions.add(position);
            }
        }
        return positions;
    }

    private static List<Integer> backward(SortedView view, RoaringBitmap matches, int from, int limit) {
        List<Integer> positions = new ArrayList<>();
        for (int position = Math.min(from, view.ordinals.length - 1); position >= 0 && positions.size() < limit; position--) {
            if (matches.contains(view.ordinals[position])) {
                positions.addFirst(position);
            }
        }
        return positions;
    }

    /** {@code GET /entities}: filter, order, offset and limit. */
    public List<String> list(List<String> filters, List<OrderField> order, int offset, int limit) {
        EntityFilter filter = EntityFilter.parse(filters);
        return index.read(reader -> {
            RoaringBitmap matches = match(reader, filter);
            SortedView view = reader.sorted(order);
            List<String> items = new ArrayList<>();
            for (int position : forward(view, matches, cursorFreeStart(view, matches, offset), limit)) {
                items.add(reader.json(view.ordinals[position]));
            }
            return items;
        });
    }

    /** {@code POST /entities/by-refs}: each ref's entity, or empty where it does not exist or does not match the filter. */
    public List<Optional<String>> byRefs(List<String> refs, List<String> filters) {
        EntityFilter filter = EntityFilter.parse(filters);
        return index.read(reader -> {
            RoaringBitmap matches = filter.anyOf().isEmpty() && access.get() == null ? null : match(reader, filter);
            List<Optional<String>> out = new ArrayList<>(refs.size());
            for (String ref : refs) {
                int ordinal = reader.ordinal(normalizeRef(ref));
                out.add(ordinal < 0 || (matches != null && !matches.contains(ordinal)) ? Optional.empty()
                        : Optional.of(reader.json(ordinal)));
            }
            return out;
        });
    }

    /** {@code GET /entity-facets}: each facet's values and counts among the matching entities. */
    public Map<String, Map<String, Long>> facets(List<String> facets, List<String> filters) {
        return facets(facets, filters, null);
    }

    /** {@code GET} or {@code POST /entity-facets}, with filter parameters or a filter predicate. */
    public Map<String, Map<String, Long>> facets(List<String> facets, List<String> filters, Object predicate) {
        EntityFilter filter = EntityFilter.parse(filters);
        return index.read(reader -> {
            RoaringBitmap matches = match(reader, filter);
            if (predicate != null) {
                matches.and(Predicate.evaluate(reader, predicate));
            }
            Map<String, Map<String, Long>> out = new LinkedHashMap<>();
            for (String facet : facets) {
                out.put(facet, reader.facet(matches, facet.toLowerCase(Locale.ROOT)));
            }
            return out;
        });
    }

    /** A ref as stored: {@code kind:namespace/name} lower-case, with the default namespace when none is given. */
    static String normalizeRef(String ref) {
        try {
            return io.kerberus.catalog.EntityRef.parse(ref).key();
        } catch (IllegalArgumentException e) {
            return ref.toLowerCase(Locale.ROOT);
        }
    }

    private static String encode(Cursor cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(cursor));
    }

    private static Cursor decode(String text) {
        try {
            return JSON.readValue(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8), Cursor.class);
        } catch (RuntimeException e) {
            throw new InputException("Malformed cursor; use the nextCursor or prevCursor of a previous answer");
        }
    }
}
