package io.kerberus.search.plugin.engine;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The terms in {@code search_terms}, which every replica writes, cached for a short time: a term
 * another replica indexed takes at most {@link #TTL} to be found with typos (it is found exactly at
 * once). Fuzzy words expand against it in Java, as Lucene's {@code FuzzyQuery} does against its
 * term dictionary.
 */
final class Vocabulary {

    static final Duration TTL = Duration.ofSeconds(10);

    private record Snapshot(Map<Integer, List<String>> byLength, Instant loadedAt) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile Snapshot snapshot;

    Vocabulary(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Forgets the cache, after this replica wrote new terms. */
    void invalidate() {
        snapshot = null;
    }

    /** The terms within the word's edit distance of its typed form, sorted; empty for short words and numbers. */
    List<String> fuzzy(QueryTerms.Word word) {
        TreeSet<String> found = new TreeSet<>();
        String form = word.fuzzyForm();
        int edits = QueryTerms.maxEdits(form);
        if (edits == 0) {
            return List.of();
        }
        int length = form.codePointCount(0, form.length());
        Map<Integer, List<String>> byLength = current().byLength();
        for (int l = length - edits; l <= length + edits; l++) {
            for (String term : byLength.getOrDefault(l, List.of())) {
                if (QueryTerms.distance(form, term, edits) <= edits) {
                    found.add(term);
                }
            }
        }
        return List.copyOf(found);
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || current.loadedAt().plus(TTL).isBefore(clock.instant())) {
            Map<Integer, List<String>> byLength = new HashMap<>();
            jdbi.useHandle(handle -> handle.createQuery("SELECT term FROM search_terms")
                    .mapTo(String.class)
                    .forEach(term -> byLength.computeIfAbsent(term.codePointCount(0, term.length()),
                            l -> new ArrayList<>()).add(term)));
            current = new Snapshot(byLength, clock.instant());
            snapshot = current;
        }
        return current;
    }
}
