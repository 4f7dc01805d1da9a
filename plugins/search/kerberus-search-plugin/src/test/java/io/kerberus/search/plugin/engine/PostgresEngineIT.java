package io.kerberus.search.plugin.engine;

import io.kerberus.search.SearchEngine;
import io.kerberus.search.SearchQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresEngineIT extends SearchEngineContract {

    private static PostgresTables tables;

    @BeforeAll
    static void createSchema() throws Exception {
        tables = new PostgresTables();
    }

    @AfterAll
    static void dropSchema() {
        tables.close();
    }

    @Override
    protected SearchEngine newEngine() throws Exception {
        tables.truncate();
        return new PostgresEngine(tables.jdbi);
    }

    @Test
    void sharesTheIndexBetweenReplicas() throws Exception {
        SearchEngine other = new PostgresEngine(tables.jdbi);

        engine.upsert(List.of(Corpus.entity("zebra-service", "Component", "team-z", "production", "Stripes.")));

        assertThat(other.query(SearchQuery.of("zebra", 5), List.of()).total()).isEqualTo(1);
        assertThat(other.counts()).isEqualTo(engine.counts());
    }

    @Test
    void addsTheTsvectorColumnOnce() throws Exception {
        new PostgresEngine(tables.jdbi).close();

        long columns = tables.jdbi.withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = :schema"
                        + " AND table_name = 'search_documents' AND column_name = 'terms'")
                .bind("schema", tables.schema).mapTo(Long.class).one());
        assertThat(columns).isEqualTo(1);
    }
}
