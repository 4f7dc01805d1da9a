package io.kerberus.catalog.plugin.query;

import org.roaringbitmap.RoaringBitmap;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every live entity of the index in one order (the sort fields, then uid), built once and reused until
 * the index changes. A page is found by walking it from a position and keeping the entities that match,
 * so the first page costs a few hundred bitmap lookups however many entities match. The index keeps its
 * views in a {@link Cache}.
 */
final class SortedView {

    /** Ordinals in order. */
    final int[] ordinals;
    /** The sort values of each position: keys[position][field], the uid last. */
    final String[][] keys;
    private final List<OrderField> fields;

    private SortedView(int[] ordinals, String[][] keys, List<OrderField> fields) {
        this.ordinals = ordinals;
        this.keys = keys;
        this.fields = fields;
    }

    /** The views of one index by order, each valid for one version of the index (it counts its changes). */
    static final class Cache {

        private record Versioned(long version, SortedView view) {
        }

        private final ConcurrentHashMap<List<OrderField>, Versioned> views = new ConcurrentHashMap<>();

        /** The view of {@code live} in the order of {@code fields}, built unless cached for {@code version}. */
        SortedView get(EntityIndex.Reader reader, RoaringBitmap live, List<OrderField> fields, long version) {
            Versioned cached = views.get(fields);
            if (cached != null && cached.version() == version) {
                return cached.view();
            }
            SortedView view = build(reader, live.toArray(), fields);
            if (views.size() > 32) {
                views.clear();
            }
            views.put(List.copyOf(fields), new Versioned(version, view));
            return view;
        }
    }

    private static SortedView build(EntityIndex.Reader reader, int[] live, List<OrderField> fields) {
        String[][] values = new String[live.length][];
        Integer[] positions = new Integer[live.length];
        for (int i = 0; i < live.length; i++) {
            IndexedEntity slot = reader.slot(live[i]);
            String[] row = new String[fields.size() + 1];
            for (int f = 0; f < fields.size(); f++) {
                row[f] = slot.first(fields.get(f).field());
            }
            row[fields.size()] = slot.uid();
            values[i] = row;
            positions[i] = i;
        }
        Comparator<String[]> order = comparator(fields);
        Arrays.sort(positions, (a, b) -> order.compare(values[a], values[b]));
        int[] ordinals = new int[live.length];
        String[][] keys = new String[live.length][];
        for (int i = 0; i < positions.length; i++) {
            ordinals[i] = live[positions[i]];
            keys[i] = values[positions[i]];
        }
        return new SortedView(ordinals, keys, fields);
    }

    /** Compares rows of sort values: each field in its direction, missing values last, then uid. */
    static Comparator<String[]> comparator(List<OrderField> fields) {
        return (a, b) -> {
            for (int f = 0; f < fields.size(); f++) {
                int c = compareNullsLast(a[f], b[f]);
                if (c != 0) {
                    return fields.get(f).descending() && a[f] != null && b[f] != null ? -c : c;
                }
            }
            return a[fields.size()].compareTo(b[fields.size()]);
        };
    }

    private static int compareNullsLast(String a, String b) {
        if (a == null) {
            return b == null ? 0 : 1;
        }
        return b == null ? -1 : a.compareTo(b);
    }

    /** The first position whose sort values come after {@code key}. */
    int positionAfter(String[] key) {
        Comparator<String[]> order = comparator(fields);
        int low = 0;
        int high = keys.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (order.compare(keys[mid], key) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The first position whose sort values are at or after {@code key}. */
    int positionOf(String[] key) {
        Comparator<String[]> order = comparator(fields);
        int low = 0;
        int high = keys.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (order.compare(keys[mid], key) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
