package io.kerberus.catalog.plugin.query;

import io.kerberus.catalog.plugin.processing.FinalStore;

import java.util.List;

/**
 * Keeps an {@link EntityIndex} in step with {@code catalog_final_entities}: loads everything at start,
 * then applies changes and deletions in change-sequence order. Each replica runs one; its own stitches
 * call {@link #catchUp()} at once, and a timer catches the other replicas' changes within a second.
 */
public final class IndexFollower {

    private static final int PAGE = 2_000;

    private final FinalStore finals;
    private final EntityIndex index;
    private final long lookback;
    /** The last change sequence applied. */
    private long seq;

    /**
     * @param severalWriters whether other replicas write too (PostgreSQL): their transactions may commit
     *                       sequence numbers out of order, so each catch-up re-reads the last few hundred
     *                       (re-applying an unchanged entity costs a string comparison)
     */
    public IndexFollower(FinalStore finals, EntityIndex index, boolean severalWriters) {
        this.finals = finals;
        this.index = index;
        this.lookback = severalWriters ? 500 : 0;
    }

    /** Applies every change since the last one applied; returns how many. */
    public synchronized int catchUp() {
        int applied = 0;
        long from = Math.max(0, seq - lookback);
        long maxSeen = from;
        while (true) {
            List<FinalStore.Row> rows = finals.changedSince(maxSeen, PAGE);
            for (FinalStore.Row row : rows) {
                index.put(row.ref(), row.entityId(), row.json());
                maxSeen = Math.max(maxSeen, row.seq());
            }
            applied += rows.size();
            if (rows.size() < PAGE) {
                break;
            }
        }
        for (FinalStore.Deletion deletion : finals.deletedSince(from)) {
            // an entity deleted and added again since is in the table and was applied above: keep it
            if (index.jsonByRef(deletion.ref()).isPresent() && finals.seqOf(deletion.ref()).isEmpty()) {
                index.remove(deletion.ref());
                applied++;
            }
            maxSeen = Math.max(maxSeen, deletion.seq());
        }
        seq = Math.max(seq, maxSeen);
        return applied;
    }
}
