package io.kerberus.search.plugin;

import io.kerberus.plugin.Config;

import java.time.Duration;

/**
 * The {@code search} config section.
 *
 * <pre>
 * search:
 *   engine: lucene          # lucene (default): an index on disk per replica; postgres: one index in the database for all replicas
 *   maxPageLimit: 100       # the largest pageLimit the API accepts (Backstage's key)
 *   maxTermLength: 100      # longer terms are refused with 400 (Backstage's key)
 *   reindexInterval: 10m    # full reindex of every type (collators may ask for another interval)
 * </pre>
 *
 * @param postgres        whether the index lives in PostgreSQL
 * @param maxPageLimit    the largest page
 * @param maxTermLength   the longest term
 * @param reindexInterval how often to collate everything again, unless a collator says otherwise
 */
public record SearchConfig(boolean postgres, int maxPageLimit, int maxTermLength, Duration reindexInterval) {

    public static SearchConfig from(Config config) {
        String engine = config.getString("engine", "lucene");
        if (!engine.equals("lucene") && !engine.equals("postgres")) {
            throw config.error("engine", "must be lucene (an index on disk, the default) or postgres (one index in the database for several"
                    + " replicas), not \"" + engine + "\"");
        }
        int maxPageLimit = config.getInt("maxPageLimit", 100);
        if (maxPageLimit < 1 || maxPageLimit > 1000) {
            throw config.error("maxPageLimit", "must be between 1 and 1000");
        }
        int maxTermLength = config.getInt("maxTermLength", 100);
        if (maxTermLength < 1) {
            throw config.error("maxTermLength", "must be at least 1");
        }
        Duration interval = config.getDuration("reindexInterval", Duration.ofMinutes(10));
        if (interval.compareTo(Duration.ofSeconds(10)) < 0) {
            throw config.error("reindexInterval", "must be at least 10s");
        }
        config.getOptionalConfig("permissions").ifPresent(p -> p.ignore("queryLatencyBudgetMs", "results are filtered in the engine's query"));
        return new SearchConfig(engine.equals("postgres"), maxPageLimit, maxTermLength, interval);
    }
}
