package io.kerberus.techdocs.plugin.service;

import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/**
 * The {@code techdocs_builds} table: each site's latest build and the lease that lets one replica
 * build it at a time. A lease that runs out (a replica died mid-build) can be taken over.
 */
public final class BuildStore {

    /** Where a site's build stands. */
    public enum Status { CHECKING, BUILDING, READY, FAILED }

    /**
     * A site's row.
     *
     * @param status     the latest build's state
     * @param source     where the docs were read from
     * @param sourceEtag the fingerprint of the source last built
     * @param startedAt  when the latest build started, epoch millis; 0 when none did
     * @param finishedAt when it ended; 0 while building or when none did
     * @param checkedAt  when the source was last compared with the published site
     * @param leaseUntil while building: until when the builder holds the lease
     * @param warnings   how many warnings the latest build had
     * @param error      why the latest build failed; null unless failed
     * @param log        the latest build's log
     */
    public record Build(Status status, String source, String sourceEtag, long startedAt, long finishedAt, long checkedAt, long leaseUntil,
                 int warnings, String error, String log) {
    }

    private final Jdbi jdbi;

    BuildStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Build> find(String ref) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT status, source, source_etag, started_at, finished_at, checked_at, lease_until, warnings, error, log
                        FROM techdocs_builds WHERE entity_ref = :ref""")
                .bind("ref", ref)
                .map((rs, ctx) -> new Build(Status.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getInt(8), rs.getString(9), rs.getString(10)))
                .findOne());
    }

    /**
     * Takes the lease for a check-and-build of the site, unless a build holds a live lease or the
     * site was checked less than {@code interval} ago (then returns false).
     */
    boolean claim(String ref, String owner, long now, long intervalMillis, long leaseMillis) {
        return jdbi.inTransaction(h -> {
            int updated = h.createUpdate("""
                            UPDATE techdocs_builds SET status = 'CHECKING', lease_owner = :owner, lease_until = :until, started_at = :now,
                                finished_at = 0, checked_at = :now
                            WHERE entity_ref = :ref AND ((status IN ('READY', 'FAILED') AND checked_at <= :due)
                                OR (status IN ('CHECKING', 'BUILDING') AND lease_until < :now))""")
                    .bind("ref", ref).bind("owner", owner).bind("until", now + leaseMillis).bind("now", now).bind("due", now - intervalMillis)
                    .execute();
            if (updated == 1) {
                return true;
            }
            boolean exists = h.createQuery("SELECT COUNT(*) FROM techdocs_builds WHERE entity_ref = :ref").bind("ref", ref).mapTo(Integer.class).one() > 0;
            if (exists) {
                return false;
            }
            try {
                h.createUpdate("""
                                INSERT INTO techdocs_builds (entity_ref, status, started_at, finished_at, checked_at, lease_owner, lease_until, warnings)
                                VALUES (:ref, 'CHECKING', :now, 0, :now, :owner, :until, 0)""")
                        .bind("ref", ref).bind("owner", owner).bind("until", now + leaseMillis).bind("now", now).execute();
                return true;
            } catch (RuntimeException e) {
                return false; // another replica inserted it first
            }
        });
    }

    /** The source changed: the check becomes a build, which every replica shows. */
    void building(String ref, String owner) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE techdocs_builds SET status = 'BUILDING' WHERE entity_ref = :ref AND lease_owner = :owner")
                .bind("ref", ref).bind("owner", owner).execute());
    }

    /** Keeps the lease and shows the log so far to every replica. */
    void progress(String ref, String owner, String log, long leaseUntil) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE techdocs_builds SET log = :log, lease_until = :until WHERE entity_ref = :ref AND lease_owner = :owner")
                .bind("ref", ref).bind("owner", owner).bind("log", log).bind("until", leaseUntil).execute());
    }

    /** Ends a build: READY (also when the source was unchanged and nothing was built) or FAILED. */
    void finish(String ref, String owner, Status status, String source, String sourceEtag, long now, int warnings, String error, String log,
                boolean built) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE techdocs_builds SET status = :status, source = :source, source_etag = :etag, finished_at = :now, lease_until = 0,
                            lease_owner = NULL, error = :error""" + (built ? ", warnings = :warnings, log = :log" : "")
                        + " WHERE entity_ref = :ref AND lease_owner = :owner")
                .bind("ref", ref).bind("owner", owner).bind("status", status.name()).bind("source", truncate(source, 2000))
                .bind("etag", sourceEtag).bind("now", now).bind("warnings", warnings).bind("error", truncate(error, 4000)).bind("log", log)
                .execute());
    }

    /** Forgets a site's builds, so the next view checks its source at once. */
    void forget(String ref) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM techdocs_builds WHERE entity_ref = :ref").bind("ref", ref).execute());
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
