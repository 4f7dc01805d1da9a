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

    /**
     * One indexed entity: its stored JSON (relations that start at it last), the filterable triples
     * (key, lower-case value, value as written, repeated) without relations, the relations it starts,
     * the relation triples currently indexed (its own and the inverses of those pointing at it), and
     * the JSON as served (with every relation), built when first asked for.
     */
    static final class Slot {
        final String ref;
        final String uid;
        final String stored;
        final String[] triples;
        final List<String[]> outgoing;
        volatile String served;

        Slot(String ref, String uid, String stored, String[] triples, List<String[]> outgoing) {
            this.ref = ref;
            this.uid = uid;
            this.stored = stored;
            this.triples = triples;
            this.outgoing = outgoing;
        }

        String uid() {
            return uid;
        }

        String ref() {
            return ref;
        }

        /** The first lower-case value of a (non-relation) key, or null. */
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
    private final List<java.util.function.Consumer<String>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Slot> slots = new ArrayList<>();
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private final Map<String, Integer> byRef = new HashMap<>();
    private final Map<String, Integer> byUid = new HashMap<>();
    private final Map<String, Map<String, Posting>> postings = new HashMap<>();
    private final Map<String, RoaringBitmap> exists = new HashMap<>();
    private final Map<String, String> interned = new HashMap<>();
    private final RoaringBitmap live = new RoaringBitmap();
    /** For each target ref: the entities whose relations point at it, and the relation types. */
    private final Map<String, Map<String, List<String>>> incoming = new HashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<List<OrderField>, VersionedView> views = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long version;
    private volatile long seq;

    private record VersionedView(long version, SortedView view) {
    }

    /** Hears of every entity added, changed or removed, by its ref key; called after the change, outside the lock. */
    public void onChange(java.util.function.Consumer<String> listener) {
        listeners.add(listener);
    }

    private void changed(String ref) {
        for (java.util.function.Consumer<String> listener : listeners) {
            try {
                listener.accept(ref);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(EntityIndex.class).warn("A catalog change listener failed for {}", ref, e);
            }
        }
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
            if (existing != null && slots.get(existing).stored.equals(json)) {
                return;
            }
        } finally {
            lock.readLock().unlock();
        }
        Map<String, Object> entity = data != null ? data : JSON.readValue(json, MAP);
        Map<String, Object> withoutRelations = new java.util.LinkedHashMap<>(entity);
        withoutRelations.remove("relations");
        String[] triples = intern(Flattener.flatten(withoutRelations));
        List<String[]> outgoing = outgoing(entity.get("relations"));
        lock.writeLock().lock();
        try {
            Integer existing = byRef.get(ref);
            if (existing != null) {
                unindex(existing);
            }
            int ordinal = existing != null ? existing : free.isEmpty() ? slots.size() : free.pop();
            Slot slot = new Slot(ref, uid, json, triples, outgoing);
            if (ordinal == slots.size()) {
                slots.add(slot);
            } else {
                slots.set(ordinal, slot);
            }
            byRef.put(ref, ordinal);
            byUid.put(uid, ordinal);
            addTriples(ordinal, triples);
            addTriples(ordinal, relationTriples(slot));
            for (String[] relation : outgoing) {
                link(ref, relation[0], relation[1]);
            }
            live.add(ordinal);
            version++;
        } finally {
            lock.writeLock().unlock();
        }
        changed(ref);
    }

    /** Removes an entity; does nothing when it is not indexed. Relations pointing at it stay, ready for its return. */
    public void remove(String ref) {
        boolean removed;
        lock.writeLock().lock();
        try {
            Integer ordinal = byRef.remove(ref);
            removed = ordinal != null;
            if (removed) {
                Slot slot = slots.get(ordinal);
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
            changed(ref);
        }
    }

    /** Takes an entity's postings and its relations (here and on their targets) out of the index. */
    private void unindex(int ordinal) {
        Slot slot = slots.get(ordinal);
        removeTriples(ordinal, slot.triples);
        removeTriples(ordinal, relationTriples(slot));
        for (String[] relation : slot.outgoing) {
            unlink(slot.ref, relation[0], relation[1]);
        }
    }

    /** Records that {@code source} relates to {@code target}, and shows the inverse on the target at once. */
    private void link(String source, String type, String target) {
        incoming.computeIfAbsent(target, t -> new HashMap<>()).computeIfAbsent(source, s -> new ArrayList<>()).add(type);
        Integer ordinal = byRef.get(target);
        String inverse = io.kerberus.catalog.Relation.INVERSES.get(type);
        if (ordinal != null && !target.equals(source)) {
            slots.get(ordinal).served = null;
            if (inverse != null) {
                addTriples(ordinal, new String[] {intern("relations." + inverse.toLowerCase(Locale.ROOT)), source, source});
            }
        }
    }

    /** Undoes {@link #link}. */
    private void unlink(String source, String type, String target) {
        Map<String, List<String>> sources = incoming.get(target);
        if (sources != null) {
            List<String> types = sources.get(source);
            if (types != null) {
                types.remove(type);
                if (types.isEmpty()) {
                    sources.remove(source);
                }
            }
            if (sources.isEmpty()) {
                incoming.remove(target);
            }
        }
        Integer ordinal = byRef.get(target);
        String inverse = io.kerberus.catalog.Relation.INVERSES.get(type);
        if (ordinal != null && !target.equals(source)) {
            Slot slot = slots.get(ordinal);
            slot.served = null;
            if (inverse != null) {
                String key = "relations." + inverse.toLowerCase(Locale.ROOT);
                removeTriples(ordinal, new String[] {key, source, source});
                // the key stays present when the target has other relations of that kind
                String[] remaining = relationTriples(slot);
                for (int i = 0; i < remaining.length; i += 3) {
                    if (remaining[i].equals(key)) {
                        exists.computeIfAbsent(key, k -> new RoaringBitmap()).add(ordinal);
                        break;
                    }
                }
            }
        }
    }

    /** The relation triples of an entity: the relations it starts and the inverses of those pointing at it. */
    String[] relationTriples(Slot slot) {
        List<String> out = new ArrayList<>();
        for (String[] relation : slot.outgoing) {
            out.add(intern("relations." + relation[0].toLowerCase(Locale.ROOT)));
            out.add(relation[1]);
            out.add(relation[1]);
        }
        incoming.getOrDefault(slot.ref, Map.of()).forEach((source, types) -> {
            for (String type : types) {
                String inverse = io.kerberus.catalog.Relation.INVERSES.get(type);
                if (inverse != null && !source.equals(slot.ref)) {
                    out.add(intern("relations." + inverse.toLowerCase(Locale.ROOT)));
                    out.add(source);
                    out.add(source);
                }
            }
        });
        return out.toArray(String[]::new);
    }

    private void addTriples(int ordinal, String[] triples) {
        for (int i = 0; i < triples.length; i += 3) {
            String original = triples[i + 2];
            postings.computeIfAbsent(triples[i], k -> new HashMap<>()).computeIfAbsent(triples[i + 1], v -> new Posting(original)).bits.add(ordinal);
            exists.computeIfAbsent(triples[i], k -> new RoaringBitmap()).add(ordinal);
        }
    }

    private void removeTriples(int ordinal, String[] triples) {
        for (int i = 0; i < triples.length; i += 3) {
            Map<String, Posting> values = postings.get(triples[i]);
            Posting posting = values == null ? null : values.get(triples[i + 1]);
            if (posting != null) {
                posting.bits.remove(ordinal);
                if (posting.bits.isEmpty()) {
                    values.remove(triples[i + 1]);
                }
            }
            // the set removed holds every value this entity had for its keys (relation keys never mix with others)
            RoaringBitmap keyBitmap = exists.get(triples[i]);
            if (keyBitmap != null) {
                keyBitmap.remove(ordinal);
            }
        }
    }

    private static List<String[]> outgoing(Object relations) {
        List<String[]> out = new ArrayList<>();
        if (relations instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> relation && relation.get("type") instanceof String type && relation.get("targetRef") instanceof String target) {
                    out.add(new String[] {type, target.toLowerCase(Locale.ROOT)});
                }
            }
        }
        return out;
    }

    /**
     * The entity as the API serves it: the stored JSON with its relations list replaced by every
     * relation (its own and the inverses pointing at it), sorted by type and target. Built on first
     * use and kept until a relation changes; concurrent builds produce the same string.
     */
    String served(Slot slot) {
        String served = slot.served;
        if (served != null) {
            return served;
        }
        List<String[]> relations = new ArrayList<>(slot.outgoing);
        incoming.getOrDefault(slot.ref, Map.of()).forEach((source, types) -> {
            for (String type : types) {
                String inverse = io.kerberus.catalog.Relation.INVERSES.get(type);
                // as in relationTriples: an entity's relation to itself shows no inverse, so that the
                // entity as served flattens to exactly what the index holds (see EntityMatch)
                if (inverse != null && !source.equals(slot.ref)) {
                    relations.add(new String[] {inverse, source});
                }
            }
        });
        relations.sort(java.util.Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[1]));
        StringBuilder out = new StringBuilder(slot.stored.length() + relations.size() * 120);
        int at = slot.stored.lastIndexOf(",\"relations\":[");
        out.append(at < 0 ? slot.stored.substring(0, slot.stored.length() - 1) : slot.stored.substring(0, at)).append(",\"relations\":[");
        String previous = null;
        for (String[] relation : relations) {
            String key = relation[0] + " " + relation[1];
            if (key.equals(previous)) {
                continue;
            }
            out.append(previous == null ? "" : ",");
            previous = key;
            RelationJson.append(out, relation[0], relation[1]);
        }
        served = out.append("]}").toString();
        slot.served = served;
        return served;
    }

    private String intern(String value) {
        synchronized (interned) {
            return interned.computeIfAbsent(value, v -> v);
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
            return ordinal == null ? Optional.empty() : Optional.of(served(slots.get(ordinal)));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The JSON of an entity by its uid. */
    public Optional<String> jsonByUid(String uid) {
        lock.readLock().lock();
        try {
            Integer ordinal = byUid.get(uid);
            return ordinal == null ? Optional.empty() : Optional.of(served(slots.get(ordinal)));
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

        /** The JSON the API serves for an ordinal. */
        String json(int ordinal) {
            return served(slots.get(ordinal));
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
                Slot slot = slots.get(ordinal);
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (String[] triples : new String[][] {slot.triples, relationTriples(slot)}) {
                    for (int i = 0; i < triples.length; i += 3) {
                        if (triples[i].equals(key) && seen.add(triples[i + 1])) {
                            counts.merge(byValue.get(triples[i + 1]).original, 1L, Long::sum);
                        }
                    }
                }
            });
            return counts;
        }
    }
}
