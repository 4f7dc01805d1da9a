package io.kerberus.catalog.plugin.query;

import org.roaringbitmap.RoaringBitmap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The in-memory read model of the final entities: their JSON, and an inverted index from every
 * filterable key and value to the entities that have it (Roaring bitmaps, see {@link PostingIndex}),
 * relations included ({@link RelationGraph}). Filters, facets and sorting run here, not in the database,
 * so that queries stay in milliseconds at 100k entities. It is filled from the database at start and
 * follows the change sequence (see {@link IndexFollower}). Writes take a write lock and queries a read
 * lock; listeners hear of each change after it, outside the lock.
 */
public final class EntityIndex {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ChangeListeners listeners = new ChangeListeners();
    private final List<IndexedEntity> slots = new ArrayList<>();
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private final Map<String, Integer> byRef = new HashMap<>();
    private final Map<String, Integer> byUid = new HashMap<>();
    private final RoaringBitmap live = new RoaringBitmap();
    private final PostingIndex postings = new PostingIndex();
    private final RelationGraph relations = new RelationGraph(postings, byRef, slots);
    private final SortedView.Cache views = new SortedView.Cache();
    /** Counts the changes, so that sorted views know when they are stale. */
    private volatile long version;

    /** Hears of every entity added, changed or removed, by its ref key; called after the change, outside the lock. */
    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
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
            if (existing != null && slots.get(existing).stored.equals(json)) {
                return;
            }
        } finally {
            lock.readLock().unlock();
        }
        // parsed and flattened outside the lock, so that queries wait only for the bitmaps to change
        Map<String, Object> entity = data != null ? data : JSON.readValue(json, MAP);
        Map<String, Object> withoutRelations = new LinkedHashMap<>(entity);
        withoutRelations.remove("relations");
        String[] triples = postings.intern(Flattener.flatten(withoutRelations));
        List<String[]> outgoing = RelationGraph.outgoing(entity.get("relations"));
        lock.writeLock().lock();
        try {
            Integer existing = byRef.get(ref);
            if (existing != null) {
                unindex(existing);
            }
            int ordinal = existing != null ? existing : free.isEmpty() ? slots.size() : free.pop();
            IndexedEntity slot = new IndexedEntity(ref, uid, json, triples, outgoing);
            if (ordinal == slots.size()) {
                slots.add(slot);
            } else {
                slots.set(ordinal, slot);
            }
            byRef.put(ref, ordinal);
            byUid.put(uid, ordinal);
            postings.add(ordinal, triples);
            relations.add(ordinal, slot);
            live.add(ordinal);
            version++;
        } finally {
            lock.writeLock().unlock();
        }
        listeners.changed(ref);
    }

    /** Removes an entity; does nothing when it is not indexed. Relations pointing at it stay, ready for its return. */
    public void remove(String ref) {
        boolean removed;
        lock.writeLock().lock();
        try {
            Integer ordinal = byRef.remove(ref);
            removed = ordinal != null;
            if (removed) {
                IndexedEntity slot = slots.get(ordinal);
                unindex(ordinal);
                byUid.remove(slot.uid);
                slots.set(ordinal, null);
                live.remove(ordinal);
                free.push(ordinal);
                version++;
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (removed) {
            listeners.changed(ref);
        }
    }

    /** Takes an entity's postings and its relations (here and on their targets) out of the index. */
    private void unindex(int ordinal) {
        IndexedEntity slot = slots.get(ordinal);
        postings.remove(ordinal, slot.triples);
        relations.remove(ordinal, slot);
    }

    /** The JSON of an entity by its lower-case ref. */
    public Optional<String> jsonByRef(String ref) {
        lock.readLock().lock();
        try {
            Integer ordinal = byRef.get(ref.toLowerCase(Locale.ROOT));
            return ordinal == null ? Optional.empty() : Optional.of(relations.served(slots.get(ordinal)));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The JSON of an entity by its uid. */
    public Optional<String> jsonByUid(String uid) {
        lock.readLock().lock();
        try {
            Integer ordinal = byUid.get(uid);
            return ordinal == null ? Optional.empty() : Optional.of(relations.served(slots.get(ordinal)));
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
    public <T> T read(Function<Reader, T> query) {
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
                    all.and(postings.matching(condition.getKey(), condition.getValue()));
                    if (all.isEmpty()) {
                        break;
                    }
                }
                result.or(all);
            }
            return result;
        }

        /** Entities whose values for one of {@code keys} contain {@code term} (lower-case). */
        public RoaringBitmap containing(RoaringBitmap within, List<String> keys, String term) {
            RoaringBitmap out = new RoaringBitmap();
            within.forEach((int ordinal) -> {
                String[] triples = slots.get(ordinal).triples;
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
            return views.get(this, live, fields, version);
        }

        /** The entity at an ordinal. */
        IndexedEntity slot(int ordinal) {
            return slots.get(ordinal);
        }

        /** The JSON the API serves for an ordinal. */
        String json(int ordinal) {
            return relations.served(slots.get(ordinal));
        }

        /** The ordinal of a ref, or -1. */
        int ordinal(String ref) {
            Integer ordinal = byRef.get(ref.toLowerCase(Locale.ROOT));
            return ordinal == null ? -1 : ordinal;
        }

        /** How often each value of {@code key} occurs among {@code within}, by the value as first written. */
        public Map<String, Long> facet(RoaringBitmap within, String key) {
            return postings.facet(within, key, ordinal -> {
                IndexedEntity slot = slots.get(ordinal);
                return new String[][] {slot.triples, relations.triples(slot)};
            });
        }
    }
}
