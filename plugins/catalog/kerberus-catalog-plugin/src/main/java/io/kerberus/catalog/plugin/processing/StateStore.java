package io.kerberus.catalog.plugin.processing;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code catalog_refresh_state}: what the catalog read, what processing made of it, and when it is due. */
final class StateStore {

    private static final String COLUMNS = "entity_ref, entity_id, root, parent_ref, location_key, unprocessed_entity, "
            + "unprocessed_hash, processed_hash, errors";
    static final int CHUNK = 2000;

    private final Jdbi jdbi;
    private final io.kerberus.plugin.Database.Dialect dialect;

    StateStore(Jdbi jdbi, io.kerberus.plugin.Database.Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /**
     * Claims up to {@code limit} due rows for this node. The claim is an UPDATE guarded by the old
     * claim's expiry, so replicas on one PostgreSQL database never process a row twice at once.
     */
    List<StateRow> claimDue(String node, long now, long leaseMillis, int limit) {
        if (dialect == io.kerberus.plugin.Database.Dialect.H2) {
            // the embedded database serves one process with one processing thread: nothing to claim against
            return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM catalog_refresh_state WHERE next_update_at <= :now"
                            + " ORDER BY next_update_at LIMIT :limit")
                    .bind("now", now).bind("limit", limit).map((rs, ctx) -> row(rs)).list());
        }
        return jdbi.inTransaction(handle -> {
            List<String> due = handle.createQuery("""
                            SELECT entity_ref FROM catalog_refresh_state
                            WHERE next_update_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)
                            ORDER BY next_update_at LIMIT :limit""")
                    .bind("now", now).bind("limit", limit).mapTo(String.class).list();
            if (due.isEmpty()) {
                return List.of();
            }
            long until = now + leaseMillis;
            handle.createUpdate("""
                            UPDATE catalog_refresh_state SET claimed_by = :node, claimed_until = :until
                            WHERE entity_ref = ANY(:refs) AND (claimed_until IS NULL OR claimed_until < :now)""")
                    .bindArray("refs", String.class, due).bind("node", node).bind("until", until).bind("now", now).execute();
            return handle.createQuery("SELECT " + prefixed() + " FROM " + Sql.refTable(dialect, "refs") + " AS u(ref) JOIN catalog_refresh_state s ON s.entity_ref = u.ref"
                            + " WHERE s.claimed_by = :node AND s.claimed_until = :until")
                    .bindArray("refs", String.class, due).bind("node", node).bind("until", until).map((rs, ctx) -> row(rs)).list();
        });
    }

    Optional<StateRow> find(String ref) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM catalog_refresh_state WHERE entity_ref = :ref")
                .bind("ref", ref).map((rs, ctx) -> row(rs)).findOne());
    }

    /** The rows with these refs. */
    Map<String, StateRow> findAll(Collection<String> refs) {
        Map<String, StateRow> rows = new HashMap<>();
        for (List<String> chunk : chunks(refs)) {
            jdbi.useHandle(handle -> handle.createQuery("SELECT " + prefixed() + " FROM " + Sql.refTable(dialect, "refs")
                            + " AS u(ref) JOIN catalog_refresh_state s ON s.entity_ref = u.ref")
                    .bindArray("refs", String.class, chunk).map((rs, ctx) -> row(rs)).forEach(row -> rows.put(row.ref(), row)));
        }
        return rows;
    }

    /** The refs a location entity emitted. */
    List<String> childrenOf(Handle handle, String parentRef) {
        return handle.createQuery("SELECT entity_ref FROM catalog_refresh_state WHERE parent_ref = :parent")
                .bind("parent", parentRef).mapTo(String.class).list();
    }

    /** Errors of entities a location emitted that never made it into the catalog: ref and errors JSON. */
    List<Map.Entry<String, String>> failedChildren(Handle handle, String parentRef) {
        return handle.createQuery("""
                        SELECT s.entity_ref, s.errors FROM catalog_refresh_state s
                        LEFT JOIN catalog_final_entities f ON f.entity_ref = s.entity_ref
                        WHERE s.parent_ref = :parent AND s.errors IS NOT NULL AND f.entity_ref IS NULL ORDER BY s.entity_ref""")
                .bind("parent", parentRef).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list();
    }

    /** Makes rows due now and processed in full (their context changed: parent, orphan state, a child's errors). */
    void forceReprocess(Handle handle, Collection<String> refs, long now) {
        for (List<String> chunk : chunks(refs)) {
            handle.createUpdate("UPDATE catalog_refresh_state SET processed_hash = NULL, next_update_at = :now WHERE entity_ref = ANY(:refs)")
                    .bindArray("refs", String.class, chunk).bind("now", now).execute();
        }
    }

    /** Every ref below a root, itself included (the subtree of parent links). */
    List<String> subtree(Handle handle, String rootRef) {
        return handle.createQuery("""
                        WITH RECURSIVE tree (entity_ref) AS (
                            SELECT entity_ref FROM catalog_refresh_state WHERE entity_ref = :root
                            UNION
                            SELECT s.entity_ref FROM catalog_refresh_state s JOIN tree t ON s.parent_ref = t.entity_ref
                        )
                        SELECT entity_ref FROM tree""")
                .bind("root", rootRef).mapTo(String.class).list();
    }

    void insert(Handle handle, List<StateRow> rows, long nextUpdateAt, long now) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO catalog_refresh_state (entity_ref, entity_id, root, parent_ref, location_key, unprocessed_entity,
                    unprocessed_hash, next_update_at, created_at)
                VALUES (:ref, :id, :root, :parent, :location, :entity, :hash, :next, :now)""");
        for (StateRow row : rows) {
            batch.bind("ref", row.ref()).bind("id", row.entityId()).bind("root", row.root()).bind("parent", row.parentRef())
                    .bind("location", row.locationKey()).bind("entity", row.unprocessedJson()).bind("hash", row.unprocessedHash())
                    .bind("next", nextUpdateAt).bind("now", now).add();
        }
        batch.execute();
    }

    /** New content (or a new parent) for rows that exist; they are processed again soon. */
    void updateUnprocessed(Handle handle, List<StateRow> rows, long nextUpdateAt) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                UPDATE catalog_refresh_state SET unprocessed_entity = :entity, unprocessed_hash = :hash, parent_ref = :parent,
                    location_key = :location, next_update_at = :next, processed_hash = NULL
                WHERE entity_ref = :ref""");
        for (StateRow row : rows) {
            batch.bind("entity", row.unprocessedJson()).bind("hash", row.unprocessedHash()).bind("parent", row.parentRef())
                    .bind("location", row.locationKey()).bind("next", nextUpdateAt).bind("ref", row.ref()).add();
        }
        batch.execute();
    }

    /** Detaches entities from their parent: they become orphans, processed again to say so. */
    void orphan(Handle handle, Collection<String> refs, long now) {
        for (List<String> chunk : chunks(refs)) {
            handle.createUpdate("UPDATE catalog_refresh_state SET parent_ref = NULL, processed_hash = NULL, next_update_at = :now WHERE entity_ref = ANY(:refs)")
                    .bindArray("refs", String.class, chunk).bind("now", now).execute();
        }
    }

    /**
     * Stores processing outcomes and releases the claims.
     *
     * @param outcomes one per processed row
     */
    void saveOutcomes(Handle handle, List<Outcome> outcomes, String node) {
        if (outcomes.isEmpty()) {
            return;
        }
        // a row whose input changed while it was processed (its location re-read it in this batch) keeps
        // its new input and stays due; only its claim is released below
        boolean claims = dialect == io.kerberus.plugin.Database.Dialect.POSTGRES;
        PreparedBatch batch = handle.prepareBatch("""
                UPDATE catalog_refresh_state SET processed_hash = :processedHash, errors = :errors,
                    next_update_at = :next, claimed_by = NULL, claimed_until = NULL
                WHERE entity_ref = :ref AND unprocessed_hash = :input""" + (claims ? " AND claimed_by = :node" : ""));
        for (Outcome outcome : outcomes) {
            batch.bind("processedHash", outcome.processedHash())
                    .bind("errors", outcome.errorsJson()).bind("next", outcome.nextUpdateAt()).bind("ref", outcome.ref())
                    .bind("input", outcome.inputHash());
            if (claims) {
                batch.bind("node", node);
            }
            batch.add();
        }
        int[] updated = batch.execute();
        if (!claims) {
            return;
        }
        PreparedBatch release = handle.prepareBatch("UPDATE catalog_refresh_state SET claimed_by = NULL, claimed_until = NULL WHERE entity_ref = :ref AND claimed_by = :node");
        int released = 0;
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                release.bind("ref", outcomes.get(i).ref()).bind("node", node).add();
                released++;
            }
        }
        if (released > 0) {
            release.execute();
        }
    }

    /**
     * What processing did to one row.
     *
     * @param ref           the row
     * @param processedHash the unprocessed hash processed successfully (the old one when processing failed)
     * @param errorsJson    the errors, or null
     * @param nextUpdateAt  when to process it again
     * @param inputHash     the unprocessed hash the row had when claimed
     */
    record Outcome(String ref, String processedHash, String errorsJson, long nextUpdateAt, String inputHash) {
    }

    void delete(Handle handle, Collection<String> refs) {
        for (List<String> chunk : chunks(refs)) {
            handle.createUpdate("DELETE FROM catalog_refresh_state WHERE entity_ref = ANY(:refs)").bindArray("refs", String.class, chunk).execute();
        }
    }

    /** Makes rows due now. */
    int makeDue(Collection<String> refs, long now) {
        int changed = 0;
        for (List<String> chunk : chunks(refs)) {
            changed += jdbi.withHandle(handle -> handle.createUpdate("UPDATE catalog_refresh_state SET next_update_at = :now WHERE entity_ref = ANY(:refs)")
                    .bindArray("refs", String.class, chunk).bind("now", now).execute());
        }
        return changed;
    }

    /** Orphans: not a root, no parent, not from a provider. */
    List<String> orphans(Handle handle) {
        return handle.createQuery("""
                        SELECT entity_ref FROM catalog_refresh_state
                        WHERE parent_ref IS NULL AND root = FALSE AND (location_key IS NULL OR location_key NOT LIKE 'provider:%')""")
                .mapTo(String.class).list();
    }

    private static String prefixed() {
        return "s." + COLUMNS.replace(", ", ", s.");
    }

    static List<List<String>> chunks(Collection<String> refs) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String ref : refs) {
            current.add(ref);
            if (current.size() == CHUNK) {
                chunks.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static StateRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StateRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9));
    }
}
