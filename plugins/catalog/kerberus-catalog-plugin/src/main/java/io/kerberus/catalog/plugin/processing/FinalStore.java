package io.kerberus.catalog.plugin.processing;

import io.kerberus.plugin.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code catalog_final_entities}: entities as the API serves them. Every write takes a new value of
 * {@code catalog_change_seq}, and deletions leave a row in {@code catalog_deletions}, so that each
 * replica's query index can follow the changes in order.
 */
public final class FinalStore {

    private final Jdbi jdbi;
    private final Database.Dialect dialect;

    public FinalStore(Jdbi jdbi, Database.Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /**
     * A final entity.
     *
     * @param ref      the lower-case ref
     * @param entityId the uid
     * @param json     the entity
     * @param hash     its hash (the etag)
     * @param seq      its change sequence
     * @param data     the entity as data when it was just built (saves parsing it again), or null
     */
    public record Row(String ref, String entityId, String json, String hash, long seq, java.util.Map<String, Object> data) {
    }

    /**
     * A deletion.
     *
     * @param seq the change sequence
     * @param ref the deleted ref
     */
    public record Deletion(long seq, String ref) {
    }

    Map<String, String> hashes(Handle handle, Collection<String> refs) {
        Map<String, String> hashes = new HashMap<>();
        for (List<String> chunk : StateStore.chunks(refs)) {
            handle.createQuery("SELECT f.entity_ref, f.hash FROM " + Sql.refTable(dialect, "refs") + " AS u(ref) JOIN catalog_final_entities f ON f.entity_ref = u.ref")
                    .bindArray("refs", String.class, chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> hashes.put(e.getKey(), e.getValue()));
        }
        return hashes;
    }

    /** The current final JSON of these refs, where one exists. */
    Map<String, String> existing(Handle handle, Collection<String> refs) {
        Map<String, String> found = new HashMap<>();
        for (List<String> chunk : StateStore.chunks(refs)) {
            handle.createQuery("SELECT f.entity_ref, f.final_entity FROM " + Sql.refTable(dialect, "refs") + " AS u(ref) JOIN catalog_final_entities f ON f.entity_ref = u.ref")
                    .bindArray("refs", String.class, chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    /** Writes changed final entities, each with a new change sequence. */
    void upsert(Handle handle, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                MERGE INTO catalog_final_entities t
                USING (VALUES (CAST(:ref AS VARCHAR(700)), CAST(:id AS VARCHAR(36)), CAST(:json AS TEXT), CAST(:hash AS VARCHAR(64)))) AS s (entity_ref, entity_id, final_entity, hash)
                ON t.entity_ref = s.entity_ref
                WHEN MATCHED THEN UPDATE SET entity_id = s.entity_id, final_entity = s.final_entity, hash = s.hash, seq = %1$s
                WHEN NOT MATCHED THEN INSERT (entity_ref, entity_id, final_entity, hash, seq) VALUES (s.entity_ref, s.entity_id, s.final_entity, s.hash, %1$s)"""
                .formatted(Sql.nextChangeSeq(dialect)));
        for (Row row : rows) {
            batch.bind("ref", row.ref()).bind("id", row.entityId()).bind("json", row.json()).bind("hash", row.hash()).add();
        }
        batch.execute();
    }

    /** Deletes final entities and records the deletions for the replicas. */
    void delete(Handle handle, Collection<String> refs, long now) {
        for (List<String> chunk : StateStore.chunks(refs)) {
            List<String> existing = handle.createQuery("SELECT f.entity_ref FROM " + Sql.refTable(dialect, "refs")
                            + " AS u(ref) JOIN catalog_final_entities f ON f.entity_ref = u.ref")
                    .bindArray("refs", String.class, chunk).mapTo(String.class).list();
            if (existing.isEmpty()) {
                continue;
            }
            handle.createUpdate("DELETE FROM catalog_final_entities WHERE entity_ref = ANY(:refs)").bindArray("refs", String.class, existing).execute();
            PreparedBatch batch = handle.prepareBatch("INSERT INTO catalog_deletions (seq, entity_ref, deleted_at) VALUES (%s, :ref, :now)"
                    .formatted(Sql.nextChangeSeq(dialect)));
            existing.forEach(ref -> batch.bind("ref", ref).bind("now", now).add());
            batch.execute();
        }
    }

    /** Final entities changed after {@code seq}, in sequence order. */
    public List<Row> changedSince(long seq, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT entity_ref, entity_id, final_entity, hash, seq FROM catalog_final_entities
                        WHERE seq > :seq ORDER BY seq LIMIT :limit""")
                .bind("seq", seq).bind("limit", limit)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), null)).list());
    }

    /** The change sequence of a final entity, if it exists. */
    public java.util.Optional<Long> seqOf(String ref) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT seq FROM catalog_final_entities WHERE entity_ref = :ref")
                .bind("ref", ref).mapTo(Long.class).findOne());
    }

    /** Deletions after {@code seq}. */
    public List<Deletion> deletedSince(long seq) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT seq, entity_ref FROM catalog_deletions WHERE seq > :seq ORDER BY seq")
                .bind("seq", seq).map((rs, ctx) -> new Deletion(rs.getLong(1), rs.getString(2))).list());
    }

    /** Forgets deletions older than {@code before}. */
    public int pruneDeletions(long before) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM catalog_deletions WHERE deleted_at < :before").bind("before", before).execute());
    }
}
