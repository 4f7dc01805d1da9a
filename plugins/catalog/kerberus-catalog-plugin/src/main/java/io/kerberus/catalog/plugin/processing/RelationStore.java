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

/** {@code catalog_relations}: the relations each processed entity emitted, in both directions. */
final class RelationStore {

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
            handle.createQuery("SELECT originating_ref, source_ref, type, target_ref FROM catalog_relations WHERE originating_ref IN (<refs>)")
                    .bindList("refs", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new Row(rs.getString(2), rs.getString(3), rs.getString(4))))
                    .forEach(entry -> old.computeIfAbsent(entry.getKey(), k -> new HashSet<>()).add(entry.getValue()));
        }
        List<String> changedOrigins = new ArrayList<>();
        byOrigin.forEach((origin, rows) -> {
            Set<Row> before = old.getOrDefault(origin, Set.of());
            Set<Row> after = new HashSet<>(rows);
            if (!before.equals(after)) {
                changedOrigins.add(origin);
                before.forEach(row -> affected.add(row.source()));
                after.forEach(row -> affected.add(row.source()));
            }
        });
        for (List<String> chunk : StateStore.chunks(changedOrigins)) {
            handle.createUpdate("DELETE FROM catalog_relations WHERE originating_ref IN (<refs>)").bindList("refs", chunk).execute();
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
            handle.createQuery("SELECT source_ref FROM catalog_relations WHERE originating_ref IN (<refs>)").bindList("refs", chunk)
                    .mapTo(String.class).forEach(affected::add);
            handle.createUpdate("DELETE FROM catalog_relations WHERE originating_ref IN (<refs>)").bindList("refs", chunk).execute();
        }
        return affected;
    }

    /** The relations starting at each ref, without duplicates. */
    Map<String, List<Row>> bySource(Handle handle, Collection<String> refs) {
        Map<String, Set<Row>> found = new HashMap<>();
        for (List<String> chunk : StateStore.chunks(refs)) {
            handle.createQuery("SELECT source_ref, type, target_ref FROM catalog_relations WHERE source_ref IN (<refs>)").bindList("refs", chunk)
                    .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .forEach(row -> found.computeIfAbsent(row.source(), k -> new HashSet<>()).add(row));
        }
        Map<String, List<Row>> out = new HashMap<>();
        found.forEach((ref, rows) -> out.put(ref, new ArrayList<>(rows)));
        return out;
    }
}
