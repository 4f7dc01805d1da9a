package io.kerberus.catalog.plugin.query;

import io.kerberus.catalog.Relation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The relations between the entities of an {@link EntityIndex}. Each entity keeps the relations it
 * starts; the inverses (ownedBy on a component shows as ownerOf on its group) come from who points at
 * whom, so they appear as soon as the source is indexed, whether or not the target is there yet, and
 * stay ready for a target's return. Indexes relations as {@code relations.<type>} triples in the
 * {@link PostingIndex} and builds the JSON as served. Runs under the index's lock: its write lock for
 * {@link #add} and {@link #remove}, at least its read lock for the rest.
 */
final class RelationGraph {

    private final PostingIndex postings;
    private final Map<String, Integer> ordinals;
    private final List<IndexedEntity> entities;
    /** For each target ref: the entities whose relations point at it, and the relation types. */
    private final Map<String, Map<String, List<String>>> incoming = new HashMap<>();

    /**
     * @param ordinals the index's ordinals by ref, read to find the targets
     * @param entities the index's entities by ordinal
     */
    RelationGraph(PostingIndex postings, Map<String, Integer> ordinals, List<IndexedEntity> entities) {
        this.postings = postings;
        this.ordinals = ordinals;
        this.entities = entities;
    }

    /** The relations a stored entity starts, as {type, lower-case target ref}, from its {@code relations} list. */
    static List<String[]> outgoing(Object relations) {
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

    /** Indexes the relations of an entity just placed at {@code ordinal}, and their inverses on its targets. */
    void add(int ordinal, IndexedEntity entity) {
        postings.add(ordinal, triples(entity));
        for (String[] relation : entity.outgoing) {
            link(entity.ref, relation[0], relation[1]);
        }
    }

    /** Undoes {@link #add}; relations pointing at the entity stay, ready for its return. */
    void remove(int ordinal, IndexedEntity entity) {
        postings.remove(ordinal, triples(entity));
        for (String[] relation : entity.outgoing) {
            unlink(entity.ref, relation[0], relation[1]);
        }
    }

    /** Records that {@code source} relates to {@code target}, and shows the inverse on the target at once. */
    private void link(String source, String type, String target) {
        incoming.computeIfAbsent(target, t -> new HashMap<>()).computeIfAbsent(source, s -> new ArrayList<>()).add(type);
        Integer ordinal = ordinals.get(target);
        String inverse = Relation.INVERSES.get(type);
        if (ordinal != null && !target.equals(source)) {
            entities.get(ordinal).served = null;
            if (inverse != null) {
                postings.add(ordinal, new String[] {postings.intern(key(inverse)), source, source});
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
        Integer ordinal = ordinals.get(target);
        String inverse = Relation.INVERSES.get(type);
        if (ordinal != null && !target.equals(source)) {
            IndexedEntity entity = entities.get(ordinal);
            entity.served = null;
            if (inverse != null) {
                String key = key(inverse);
                postings.remove(ordinal, new String[] {key, source, source});
                // the key stays present when the target has other relations of that kind
                String[] remaining = triples(entity);
                for (int i = 0; i < remaining.length; i += 3) {
                    if (remaining[i].equals(key)) {
                        postings.markPresent(key, ordinal);
                        break;
                    }
                }
            }
        }
    }

    /** The relation triples of an entity: the relations it starts and the inverses of those pointing at it. */
    String[] triples(IndexedEntity entity) {
        List<String> out = new ArrayList<>();
        for (String[] relation : entity.outgoing) {
            out.add(postings.intern(key(relation[0])));
            out.add(relation[1]);
            out.add(relation[1]);
        }
        incoming.getOrDefault(entity.ref, Map.of()).forEach((source, types) -> {
            for (String type : types) {
                String inverse = Relation.INVERSES.get(type);
                if (inverse != null && !source.equals(entity.ref)) {
                    out.add(postings.intern(key(inverse)));
                    out.add(source);
                    out.add(source);
                }
            }
        });
        return out.toArray(String[]::new);
    }

    /**
     * The entity as the API serves it: the stored JSON with its relations list replaced by every
     * relation (its own and the inverses pointing at it), sorted by type and target. Built on first
     * use and kept until a relation changes; concurrent builds produce the same string.
     */
    String served(IndexedEntity entity) {
        String served = entity.served;
        if (served != null) {
            return served;
        }
        List<String[]> relations = new ArrayList<>(entity.outgoing);
        incoming.getOrDefault(entity.ref, Map.of()).forEach((source, types) -> {
            for (String type : types) {
                String inverse = Relation.INVERSES.get(type);
                // as in triples: an entity's relation to itself shows no inverse, so that the entity
                // as served flattens to exactly what the index holds (see EntityMatch)
                if (inverse != null && !source.equals(entity.ref)) {
                    relations.add(new String[] {inverse, source});
                }
            }
        });
        relations.sort(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[1]));
        StringBuilder out = new StringBuilder(entity.stored.length() + relations.size() * 120);
        int at = entity.stored.lastIndexOf(",\"relations\":[");
        out.append(at < 0 ? entity.stored.substring(0, entity.stored.length() - 1) : entity.stored.substring(0, at)).append(",\"relations\":[");
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
        entity.served = served;
        return served;
    }

    private static String key(String type) {
        return "relations." + type.toLowerCase(Locale.ROOT);
    }
}
