package io.kerberus.search.plugin.engine;

import io.kerberus.search.SearchEngine;
import io.kerberus.search.SearchQuery;
import io.kerberus.search.SearchResults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("issue 6: Lucene and PostgreSQL give the same results")
class SameResultsIT {

    @TempDir
    static Path folder;
    private static PostgresTables tables;
    private static SearchEngine lucene;
    private static SearchEngine postgres;

    @BeforeAll
    static void load() throws Exception {
        tables = new PostgresTables();
        lucene = new LuceneEngine(folder);
        postgres = new PostgresEngine(tables.jdbi);
        Corpus.load(lucene);
        Corpus.load(postgres);
    }

    @AfterAll
    static void close() throws Exception {
        lucene.close();
        postgres.close();
        tables.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "order", "orde", "ordres", "tech", "team", "paymnet", "payments refunds",
            "deploy", "deploying services", "university", "universe", "gateway", "the", "platform team",
            "recomendation engin", "kubernetse", "café", "", "html ord", "s", "orders gateway", "metric"})
    void givesTheSameResults(String term) throws Exception {
        SearchQuery query = new SearchQuery(term, List.of(), Map.of(), 0, 10);
        List<String> facets = List.of("kind", "owner");

        SearchResults fromLucene = lucene.query(query, facets);
        SearchResults fromPostgres = postgres.query(query, facets);

        assertThat(summary(fromPostgres)).isEqualTo(summary(fromLucene));
        assertThat(fromPostgres.total()).isEqualTo(fromLucene.total());
        assertThat(fromPostgres.facets()).isEqualTo(fromLucene.facets());
        assertThat(fromPostgres.results()).extracting(SearchResults.Result::highlight)
                .isEqualTo(fromLucene.results().stream().map(SearchResults.Result::highlight).toList());
    }

    private static List<String> summary(SearchResults results) {
        return results.results().stream().map(r -> r.document().location() + " " + r.score()).toList();
    }
}
