package io.kerberus.catalog.plugin.query;

import java.util.List;

/**
 * One entity held by an {@link EntityIndex}: its stored JSON (relations that start at it last), the
 * filterable triples (key, lower-case value, value as written, repeated) without relations, the
 * relations it starts ({type, lower-case target ref}), and the JSON as served (with every relation,
 * see {@link RelationGraph#served}), built when first asked for and dropped when a relation changes.
 */
final class IndexedEntity {

    final String ref;
    final String uid;
    final String stored;
    final String[] triples;
    final List<String[]> outgoing;
    volatile String served;

    IndexedEntity(String ref, String uid, String stored, String[] triples, List<String[]> outgoing) {
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
