package io.kerberus.catalog.plugin.query;

import org.roaringbitmap.RoaringBitmap;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The inverted index of an {@link EntityIndex}: for every flattened key and lower-case value, the
 * ordinals of the entities that have it (a Roaring bitmap) and how the value was first written; for
 * every key, the ordinals that have it at all. Keys and short values are interned, so that entities
 * share their strings. Not thread-safe, except {@link #intern}: the index guards it with its lock.
 */
final class PostingIndex {

    /** The entities with one value of one key, and how the value was first written. */
    private static final class Posting {
        final RoaringBitmap bits = new RoaringBitmap();
        final String original;

        Posting(String original) {
            this.original = original;
        }
    }

    private final Map<String, Map<String, Posting>> postings = new HashMap<>();
    private final Map<String, RoaringBitmap> exists = new HashMap<>();
    private final Map<String, String> interned = new HashMap<>();

    /** Indexes an entity's triples (key, lower-case value, value as written, repeated). */
    void add(int ordinal, String[] triples) {
        for (int i = 0; i < triples.length; i += 3) {
            String original = triples[i + 2];
            postings.computeIfAbsent(triples[i], k -> new HashMap<>()).computeIfAbsent(triples[i + 1], v -> new Posting(original)).bits.add(ordinal);
            markPresent(triples[i], ordinal);
        }
    }

    /**
     * Takes an entity's triples out. The entity loses each of their keys entirely, so {@code triples}
     * must hold every value it has for them (relation keys never mix with others).
     */
    void remove(int ordinal, String[] triples) {
        for (int i = 0; i < triples.length; i += 3) {
            Map<String, Posting> values = postings.get(triples[i]);
            Posting posting = values == null ? null : values.get(triples[i + 1]);
            if (posting != null) {
                posting.bits.remove(ordinal);
                if (posting.bits.isEmpty()) {
                    values.remove(triples[i + 1]);
                }
            }
            RoaringBitmap keyBitmap = exists.get(triples[i]);
            if (keyBitmap != null) {
                keyBitmap.remove(ordinal);
            }
        }
    }

    /** Records that an entity has {@code key}, whatever its values. */
    void markPresent(String key, int ordinal) {
        exists.computeIfAbsent(key, k -> new RoaringBitmap()).add(ordinal);
    }

    /**
     * The entities with any of {@code values} for {@code key}, or with the key at all when
     * {@code values} is empty. The result may be the index's own bitmap: callers must not change it.
     */
    RoaringBitmap matching(String key, Set<String> values) {
        if (values.isEmpty()) {
            RoaringBitmap has = exists.get(key);
            return has == null ? new RoaringBitmap() : has;
        }
        Map<String, Posting> byValue = postings.get(key);
        if (byValue == null) {
            return new RoaringBitmap();
        }
        RoaringBitmap any = new RoaringBitmap();
        for (String value : values) {
            Posting posting = byValue.get(value);
            if (posting != null) {
                any.or(posting.bits);
            }
        }
        return any;
    }

    /**
     * How often each value of {@code key} occurs among {@code within}, by the value as first written.
     * With fewer values than entities it intersects each value's bitmap; otherwise it walks the entities,
     * whose triples {@code triplesOf} gives (each array in the layout of {@link #add}).
     */
    Map<String, Long> facet(RoaringBitmap within, String key, IntFunction<String[][]> triplesOf) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, Posting> byValue = postings.getOrDefault(key, Map.of());
        if (byValue.size() <= within.getCardinality()) {
            byValue.forEach((value, posting) -> {
                long count = RoaringBitmap.andCardinality(posting.bits, within);
                if (count > 0) {
                    counts.merge(posting.original, count, Long::sum);
                }
            });
            return counts;
        }
        within.forEach((int ordinal) -> {
            Set<String> seen = new HashSet<>();
            for (String[] triples : triplesOf.apply(ordinal)) {
                for (int i = 0; i < triples.length; i += 3) {
                    if (triples[i].equals(key) && seen.add(triples[i + 1])) {
                        counts.merge(byValue.get(triples[i + 1]).original, 1L, Long::sum);
                    }
                }
            }
        });
        return counts;
    }

    /** The shared instance of a string; safe to call without the index's lock. */
    String intern(String value) {
        synchronized (interned) {
            return interned.computeIfAbsent(value, v -> v);
        }
    }

    /** Interns flattened triples: every key, and the values short enough to recur; safe without the lock. */
    String[] intern(List<String> triples) {
        String[] out = new String[triples.size()];
        synchronized (interned) {
            for (int i = 0; i < out.length; i++) {
                String value = triples.get(i);
                out[i] = i % 3 == 0 || value.length() < 48 ? interned.computeIfAbsent(value, v -> v) : value;
            }
        }
        return out;
    }
}
