package io.kerberus.catalog.plugin.ui;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The entities each user starred ({@code catalog_starred}), by lower-case entity ref. */
final class StarStore {

    /** More than anyone stars by hand; keeps a scripted client from growing the table without bound. */
    static final int MAX_PER_USER = 1000;

    private final Jdbi jdbi;
    private final Clock clock;

    StarStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    Set<String> starred(String subject) {
        return jdbi.withHandle(handle -> new LinkedHashSet<>(handle.createQuery(
                        "SELECT entity_ref FROM catalog_starred WHERE subject = :subject ORDER BY created_at, entity_ref")
                .bind("subject", subject).mapTo(String.class).list()));
    }

    boolean isStarred(String subject, String ref) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM catalog_starred WHERE subject = :subject AND entity_ref = :ref")
                .bind("subject", subject).bind("ref", ref.toLowerCase(Locale.ROOT)).mapTo(Integer.class).one() > 0);
    }

    /** Stars or unstars; returns whether the entity is starred afterwards. */
    boolean set(String subject, String ref, boolean starred) {
        String key = ref.toLowerCase(Locale.ROOT);
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM catalog_starred WHERE subject = :subject AND entity_ref = :ref")
                    .bind("subject", subject).bind("ref", key).execute();
            if (!starred) {
                return false;
            }
            int count = handle.createQuery("SELECT COUNT(*) FROM catalog_starred WHERE subject = :subject")
                    .bind("subject", subject).mapTo(Integer.class).one();
            if (count >= MAX_PER_USER) {
                throw new io.kerberus.plugin.InputException("You have starred " + MAX_PER_USER + " entities, the most there can be; unstar some first");
            }
            handle.createUpdate("INSERT INTO catalog_starred (subject, entity_ref, created_at) VALUES (:subject, :ref, :at)")
                    .bind("subject", subject).bind("ref", key).bind("at", clock.millis()).execute();
            return true;
        });
    }
}
