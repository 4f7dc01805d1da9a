package io.kerberus.catalog.plugin.query;

import org.roaringbitmap.RoaringBitmap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory read model of the final entities: their JSON, and an inverted index from every
 * filterable key and value to the entities that have it (Roaring bitmaps). Filters, facets and sorting
 * run here, not in the database, so that queries stay in milliseconds at 100k entities. It is filled
 * from the database at start and follows the change sequence (see {@link IndexFollower}).
 */
public final class EntityIndex {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** One indexed entity; {@code triples} holds key, lower-case value, value as written, repeated. */
    record Slot(String ref, String uid, String json, String[] triples) {

        /** The first lower-case value of a key, or null. */
        String first(String key) {
            for (int i = 0; i < triples.length; i += 3) {
                if (triples[i].equals(key)) {
                    return triples[i + 1];
                }
            }
            return null;
        }
    }

    /** The entities with one value of one key, and how the value was first written. */
    private static final class Posting {
        final RoaringBitmap bits = new RoaringBitmap();
        final String original;

        Posting(String original) {
            this.original = original;
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Slot> slots = new ArrayList<>();
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private final Map<String, Integer> byRef = new HashMap<>();
    private final Map<String, Integer> byUid = new HashMap<>();
    private final Map<String, Map<String, Posting>> postings = new HashMap<>();
    private final Map<String, RoaringBitmap> exists = new HashMap<>();
    private final Map<String, String> interned = new HashMap<>();
    private final RoaringBitmap live = new RoaringBitmap();
    private final java.util.concurrent.ConcurrentHashMap<List<OrderField>, VersionedView> views = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long version;
    private volatile long seq;

    private record VersionedView(long version, SortedView view) {
    }

    /** The last change sequence applied. */
    public long seq() {
        return seq;
    }

    void advanceSeq(long value) {
        seq = Math.max(seq, value);
    }

    /** How many entities the index holds. */
    public int size() {
        lock.readLock().lock();
        try {
            return live.getCardinality();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds or replaces an entity. */
    public void put(String ref, String uid, String json) {
        put(ref, uid, json, null);
    }

    /** Adds or replaces an entity whose data is at hand (null to parse {@code json}). */
    public void put(String ref, String uid, String json, Map<String, Object> data) {
        lock.readLock().lock();
        try {
            Integer existing = byRef.get(ref);
            if (existing != null && slots.get(existing).json().equals(json)) {
                return;
            }
        } finally {
            lock.readLock().unlock();
        }
        String[] pairs = intern(Flattener.flatten(data != null ? data : JSON.readValue(json, MAP)));
        lock.writeLock().lock();
        try {
            Integer existing = byRef.get(ref);
            if (existing != null) {
                unindex(existing);
            }
            int ordinal = existing != null ? existing : free.isEmpty() ? slots.size() : free.pop();
            Slot slot = new Slot(ref, uid, json, pairs);
            if (ordinal == slots.size()) {
                slots.add(slot);
            } else {
                slots.set(ordinal, slot);
            }
            byRef.put(ref, ordinal);
            byUid.put(uid, ordinal);
            for (int i = 0; i < pairs.length; i += 3) {
                String original = pairs[i + 2];
                postings.computeIfAbsent(pairs[i], k -> new HashMap<>()).computeIfAbsent(pairs[i + 1], v -> new Posting(original)).bits.add(ordinal);
                exists.computeIfAbsent(pairs[i], k -> new RoaringBitmap()).add(ordinal);
            }
            live.add(ordinal);
            version++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes an entity; does nothing when it is not indexed. */
    public void remove(String ref) {
        lock.writeLock().lock();
        try {
            Integer ordinal = byRef.remove(ref);
            if (ordinal != null) {
                unindex(ordinal);
                byUid.remove(slots.get(ordinal).uid());
                slots.set(ordinal, null);
                live.remove(ordinal);
                free.push(ordinal);
                version++;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void unindex(int ordinal) {
        String[] triples = slots.get(ordinal).triples();
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

    private String[] intern(List<String> pairs) {
        String[] out = new String[pairs.size()];
        synchronized (interned) {
            for (int i = 0; i < out.length; i++) {
                String value = pairs.get(i);
                out[i] = i % 3 == 0 || value.length() < 48 ? interned.computeIfAbsent(value, v -> v) : value;
            }
        }
        return out;
    }

    /** The JSON of an entity by its lower-case ref. */
    public Optional<String> jsonByRef(String ref) {
        lock.readLock().lock();
        try {
            Integer ordinal = byRef.get(ref.toLowerCase(Locale.ROOT));
            return ordinal == null ? Optional.empty() : Optional.of(slots.get(ordinal).json());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The JSON of an entity by its uid. */
    public Optional<String> jsonByUid(String uid) {
        lock.readLock().lock();
        try {
            Integer ordinal = byUid.get(uid);
            return ordinal == null ? Optional.empty() : Optional.of(slots.get(ordinal).json());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The ref of an entity by its uid. */
    public Optional<String> refByUid(String uid) {
        lock.readLock().lock();
        try {
            Integer ordinal = byUid.get(uid);
            return ordinal == null ? Optional.empty() : Optional.of(slots.get(ordinal).ref());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a query under the read lock, so that it sees one consistent state. */
    public <T> T read(java.util.function.Function<Reader, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(new Reader());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Queries on a consistent state of the index; valid only inside {@link #read}. */
    public final class Reader {

        private Reader() {
        }

        /** The entities matching a filter. */
        public RoaringBitmap match(EntityFilter filter) {
            if (filter.anyOf().isEmpty()) {
                return live.clone();
            }
            RoaringBitmap result = new RoaringBitmap();
            for (Map<String, Set<String>> conditions : filter.anyOf()) {
                RoaringBitmap all = live.clone();
                for (Map.Entry<String, Set<String>> condition : conditions.entrySet()) {
                    all.and(matchOne(condition.getKey(), condition.getValue()));
                    if (all.isEmpty()) {
                        break;
                    }
                }
                result.or(all);
            }
            return result;
        }

        private RoaringBitmap matchOne(String key, Set<String> values) {
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

        /** Entities whose values for one of {@code keys} contain {@code term} (lower-case). */
        public RoaringBitmap containing(RoaringBitmap within, List<String> keys, String term) {
            RoaringBitmap out = new RoaringBitmap();
            within.forEach((int ordinal) -> {
                String[] triples = slots.get(ordinal).triples();
                for (int i = 0; i < triples.length; i += 3) {
                    if (keys.contains(triples[i]) && triples[i + 1].contains(term)) {
                        out.add(ordinal);
                        return;
                    }
                }
            });
            return out;
        }

        /** Every live entity in the given order, cached until the index changes. */
        SortedView sorted(List<OrderField> fields) {
            long current = version;
            VersionedView cached = views.get(fields);
            if (cached != null && cached.version() == current) {
                return cached.view();
            }
            SortedView view = SortedView.build(this, live.toArray(), fields);
            if (views.size() > 32) {
                views.clear();
            }
            views.put(List.copyOf(fields), new VersionedView(current, view));
            return view;
        }

        /** The slot of an ordinal. */
        Slot slot(int ordinal) {
            return slots.get(ordinal);
        }

        /** The ordinal of a ref, or -1. */
        int ordinal(String ref) {
            Integer ordinal = byRef.get(ref.toLowerCase(Locale.ROOT));
            return ordinal == null ? -1 : ordinal;
        }

        /** How often each value of {@code key} occurs among {@code within}, by the value as first written. */
        public Map<String, Long> facet(RoaringBitmap within, String key) {
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
                String[] triples = slots.get(ordinal).triples();
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (int i = 0; i < triples.length; i += 3) {
                    if (triples[i].equals(key) && seen.add(triples[i + 1])) {
                        counts.merge(byValue.get(triples[i + 1]).original, 1L, Long::sum);
                    }
                }
            });
            return counts;
        }
    }
}
