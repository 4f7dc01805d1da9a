package io.kerberus.catalog.plugin.processing;

import io.kerberus.plugin.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.Collection;
import java.util.List;

/** {@code catalog_stitch_queue}: refs whose final entity must be rebuilt. Replicas take disjoint batches. */
final class StitchQueue {

    private final Jdbi jdbi;
    private final Database.Dialect dialect;

    StitchQueue(Jdbi jdbi, Database.Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    void add(Handle handle, Collection<String> refs, long now) {
        if (refs.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO catalog_stitch_queue (entity_ref, queued_at) VALUES (:ref, :now) ON CONFLICT DO NOTHING");
        refs.forEach(ref -> batch.bind("ref", ref).bind("now", now).add());
        batch.execute();
    }

    /**
     * Takes up to {@code limit} refs off the queue inside the caller's transaction. On PostgreSQL
     * rows other replicas hold are skipped; the embedded H2 runs a single node.
     */
    List<String> take(Handle handle, int limit) {
        String lock = dialect == Database.Dialect.POSTGRES ? " FOR UPDATE SKIP LOCKED" : "";
        // no ORDER BY: sorting the whole queue for every batch costs more than the order is worth
        List<String> refs = handle.createQuery("SELECT entity_ref FROM catalog_stitch_queue LIMIT :limit" + lock)
                .bind("limit", limit).mapTo(String.class).list();
        for (List<String> chunk : StateStore.chunks(refs)) {
            handle.createUpdate("DELETE FROM catalog_stitch_queue WHERE entity_ref = ANY(:refs)").bindArray("refs", String.class, chunk).execute();
        }
        return refs;
    }

    boolean isEmpty() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM catalog_stitch_queue").mapTo(Long.class).one()) == 0;
    }
}
