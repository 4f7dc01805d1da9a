package io.kerberus.catalog.plugin.processing;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code catalog_relations}: the relations each processed entity emitted, stored one way. An entity's
 * relations are those that start at it plus the inverses of those that end at it.
 */
final class RelationStore {

    private final io.kerberus.plugin.Database.Dialect dialect;

    RelationStore(io.kerberus.plugin.Database.Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * One relation.
     *
     * @param source the entity it starts at (lower-case ref)
     * @param type   the type
     * @param target the entity it points at (lower-case ref)
     */
    record Row(String source, String type, String target) {
    }

    /**
     * Replaces the relations emitted by some entities.
     *
     * @return every ref whose relations changed (sources of old and new rows), to stitch again
     */
    Set<String> replace(Handle handle, Map<String, List<Row>> byOrigin) {
        Set<String> affected = new HashSet<>();
        if (byOrigin.isEmpty()) {
            return affected;
        }
        Map<String, Set<Row>> old = new HashMap<>();
        for (List<String> chunk : StateStore.chunks(byOrigin.keySet())) {
            handle.createQuery("SELECT r.originating_ref, r.source_ref, r.type, r.target_ref FROM " + Sql.refTable(dialect, "refs")
                            + " AS u(ref) JOIN catalog_relations r ON r.originating_ref = u.ref")
                    .bindArray("refs", String.class, chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new Row(rs.getString(2), rs.getString(3), rs.getString(4))))
                    .forEach(entry -> old.computeIfAbsent(entry.getKey(), k -> new HashSet<>()).add(entry.getValue()));
        }
        List<String> changedOrigins = new ArrayList<>();
        byOrigin.forEach((origin, rows) -> {
            Set<Row> before = old.getOrDefault(origin, Set.of());
            Set<Row> after = new HashSet<>(rows);
            if (!before.equals(after)) {
                changedOrigins.add(origin);
                before.forEach(row -> affected.addAll(List.of(row.source(), row.target())));
                after.forEach(row -> affected.addAll(List.of(row.source(), row.target())));
            }
        });
        for (List<String> chunk : StateStore.chunks(changedOrigins)) {
            handle.createUpdate("DELETE FROM catalog_relations WHERE originating_ref = ANY(:refs)").bindArray("refs", String.class, chunk).execute();
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO catalog_relations (originating_ref, source_ref, type, target_ref) VALUES (?, ?, ?, ?)");
        int added = 0;
        for (String origin : changedOrigins) {
            for (Row row : new HashSet<>(byOrigin.get(origin))) {
                batch.add(origin, row.source(), row.type(), row.target());
                added++;
            }
        }
        if (added > 0) {
            batch.execute();
        }
        return affected;
    }

    /** Deletes what entities emitted; returns the refs whose relations changed. */
    Set<String> deleteByOrigin(Handle handle, Collection<String> origins) {
        Set<String> affected = new HashSet<>();
        for (List<String> chunk : StateStore.chunks(origins)) {
            handle.createQuery("SELECT r.source_ref, r.target_ref FROM " + Sql.refTable(dialect, "refs") + " AS u(ref) JOIN catalog_relations r ON r.originating_ref = u.ref")
                    .bindArray("refs", String.class, chunk).map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2))).forEach(affected::addAll);
            handle.createUpdate("DELETE FROM catalog_relations WHERE originating_ref = ANY(:refs)").bindArray("refs", String.class, chunk).execute();
        }
        return affected;
    }

    /**
     * The relations of each ref as its final entity shows them, without duplicates: those starting at
     * it, and the inverses of those ending at it (for the relation types that have one).
     */
    Map<String, List<Row>> forEntities(Handle handle, Collection<String> refs) {
        Map<String, Set<Row>> found = new HashMap<>();
        for (List<String> chunk : StateStore.chunks(refs)) {
            handle.createQuery("SELECT r.source_ref, r.type, r.target_ref FROM " + Sql.refTable(dialect, "refs")
                            + " AS u(ref) JOIN catalog_relations r ON r.source_ref = u.ref").bindArray("refs", String.class, chunk)
                    .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .forEach(row -> found.computeIfAbsent(row.source(), k -> new HashSet<>()).add(row));
            handle.createQuery("SELECT r.target_ref, r.type, r.source_ref FROM " + Sql.refTable(dialect, "refs")
                            + " AS u(ref) JOIN catalog_relations r ON r.target_ref = u.ref").bindArray("refs", String.class, chunk)
                    .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .forEach(row -> {
                        String inverse = io.kerberus.catalog.Relation.INVERSES.get(row.type());
                        if (inverse != null) {
                            found.computeIfAbsent(row.source(), k -> new HashSet<>()).add(new Row(row.source(), inverse, row.target()));
                        }
                    });
        }
        Map<String, List<Row>> out = new HashMap<>();
        found.forEach((ref, rows) -> out.put(ref, new ArrayList<>(rows)));
        return out;
    }
}
