package io.kerberus.search.plugin.engine;

import io.kerberus.search.SearchDocument;
import io.kerberus.search.SearchEngine;
import io.kerberus.search.SearchQuery;
import io.kerberus.search.SearchResults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What both engines must do alike (issue 6), run against each by a subclass. */
abstract class SearchEngineContract {

    protected SearchEngine engine;

    /** A new, empty engine. */
    protected abstract SearchEngine newEngine() throws Exception;

    @BeforeEach
    void loadCorpus() throws Exception {
        engine = newEngine();
        Corpus.load(engine);
    }

    @AfterEach
    void closeEngine() throws Exception {
        engine.close();
    }

    protected List<String> titles(String term) throws Exception {
        return titles(engine.query(SearchQuery.of(term, 50), List.of()));
    }

    protected static List<String> titles(SearchResults results) {
        return results.results().stream().map(r -> r.document().title()).toList();
    }

    @Test
    @DisplayName("issue 6: an exact title match ranks first, title matches above text matches")
    void ranksExactTitleFirst() throws Exception {
        List<String> titles = titles("orders");

        assertThat(titles.getFirst()).isEqualTo("orders");
        assertThat(titles.indexOf("orders-api-gateway")).isEqualTo(1);
        assertThat(titles).contains("shipping", "Getting started", "order-history");
        assertThat(titles.indexOf("orders-api-gateway")).isLessThan(titles.indexOf("shipping"));
    }

    @Test
    void ranksExactWordsAboveTypos() throws Exception {
        List<String> titles = titles("orders");

        assertThat(titles.indexOf("orders-api-gateway")).isLessThan(titles.indexOf("order-history"));
    }

    @Test
    @DisplayName("issue 6: 'tech' finds tech-radar and techdocs but not team")
    void matchesLastWordAsPrefixButNotTeam() throws Exception {
        List<String> titles = titles("tech");

        assertThat(titles).contains("tech-radar", "techdocs-backend", "Technology choices");
        assertThat(titles.getFirst()).isEqualTo("tech-radar");
        assertThat(titles).noneMatch(title -> title.startsWith("team"));
        assertThat(titles("orde")).contains("orders", "orders-api-gateway", "order-history");
    }

    @Test
    @DisplayName("issue 6: a typo finds the entity")
    void findsWordsWithTypos() throws Exception {
        assertThat(titles("ordres").getFirst()).isEqualTo("orders");
        assertThat(titles("paymnet")).contains("payments");
        assertThat(titles("recomendation engin")).containsExactly("recommendation-engine");
        assertThat(titles("kubernetse")).containsExactly("kubernetes-operator");
    }

    @Test
    @DisplayName("issue 6: stemming finds 'deploying' for 'deploy', keeps university apart from universe")
    void stemsWithoutConflatingUnrelatedWords() throws Exception {
        assertThat(titles("deploy")).contains("release-train", "Runbook", "deploy-bot", "Getting started");
        assertThat(titles("deployed")).contains("release-train", "deploy-bot");
        assertThat(titles("university")).contains("university-portal", "Enrolment").doesNotContain("universe-explorer", "Star maps");
        assertThat(titles("universe")).contains("universe-explorer").doesNotContain("university-portal");
    }

    @Test
    void requiresEveryWord() throws Exception {
        assertThat(titles("orders gateway")).containsExactly("orders-api-gateway");
        assertThat(titles("payments refunds")).containsExactly("payments", "Refunds");
        assertThat(titles("orders nonexistingword")).isEmpty();
    }

    @Test
    void ranksTitleWithAllWordsAboveText() throws Exception {
        List<String> titles = titles("payments");

        assertThat(titles.getFirst()).isEqualTo("payments");
        assertThat(titles.indexOf("Architecture")).isGreaterThan(0);
        assertThat(titles.indexOf("fraud-detection")).isGreaterThan(0);
    }

    @Test
    void findsTagsBetweenTitleAndText() throws Exception {
        List<String> titles = titles("commerce");

        assertThat(titles).containsExactly("orders", "payments");
    }

    @Test
    void restrictsToTypesAndFacets() throws Exception {
        SearchQuery docsOnly = new SearchQuery("orders", List.of(Corpus.DOCS), Map.of(), 0, 50);
        SearchQuery apis = new SearchQuery("", List.of(), Map.of("kind", List.of("api")), 0, 50);
        SearchQuery platformApisOrWebsites = new SearchQuery("", List.of(),
                Map.of("kind", List.of("API", "WEBSITE"), "owner", List.of("Team-Platform")), 0, 50);

        assertThat(titles(engine.query(docsOnly, List.of()))).containsExactlyInAnyOrder("Getting started", "Order states");
        assertThat(titles(engine.query(apis, List.of()))).containsExactly("auth-gateway", "orders-api-gateway");
        assertThat(titles(engine.query(platformApisOrWebsites, List.of()))).containsExactly("auth-gateway", "orders-api-gateway");
    }

    @Test
    void countsFacetsOverAllMatchesBeforePaging() throws Exception {
        SearchQuery query = new SearchQuery("orders", List.of(Corpus.CATALOG), Map.of(), 0, 1);

        SearchResults results = engine.query(query, List.of("kind", "lifecycle", "missing"));

        assertThat(results.results()).hasSize(1);
        assertThat(results.total()).isEqualTo(6);
        assertThat(results.facets().get("kind")).isEqualTo(Map.of("component", 5L, "api", 1L));
        assertThat(results.facets().get("lifecycle")).isEqualTo(Map.of("production", 3L, "experimental", 3L));
        assertThat(results.facets().get("missing")).isEmpty();
    }

    @Test
    void pagesWithOffsetAndLimit() throws Exception {
        List<String> all = titles("orders");

        SearchResults page = engine.query(new SearchQuery("orders", List.of(), Map.of(), 2, 3), List.of());
        SearchResults beyond = engine.query(new SearchQuery("orders", List.of(), Map.of(), 100, 3), List.of());
        SearchResults none = engine.query(new SearchQuery("orders", List.of(), Map.of(), 0, 0), List.of());

        assertThat(titles(page)).isEqualTo(all.subList(2, 5));
        assertThat(page.total()).isEqualTo(all.size());
        assertThat(beyond.results()).isEmpty();
        assertThat(beyond.total()).isEqualTo(all.size());
        assertThat(none.results()).isEmpty();
        assertThat(none.total()).isEqualTo(all.size());
    }

    @Test
    void highlightsMatchesEscaped() throws Exception {
        SearchResults.Result widget = engine.query(SearchQuery.of("html ord", 5), List.of()).results().getFirst();
        SearchResults.Result runbook = engine.query(SearchQuery.of("deploy metrics", 5), List.of()).results().getFirst();
        SearchResults.Result typo = engine.query(SearchQuery.of("paymnet", 5), List.of()).results().getFirst();

        assertThat(widget.highlight()).containsEntry("title", "<mark>html</mark>-widget")
                .containsEntry("text", "Renders &lt;b&gt;bold&lt;/b&gt; <mark>orders</mark> &amp; more.");
        assertThat(runbook.highlight().get("text")).isEqualTo(
                "When <mark>deploying</mark> a release, watch the <mark>metrics</mark> dashboards first.");
        assertThat(typo.highlight().get("title")).isEqualTo("<mark>payments</mark>");
    }

    @Test
    void cutsLongTextAroundFirstMatch() throws Exception {
        String text = "filler words ".repeat(40) + "the needle is here " + "more filler ".repeat(40);
        engine.upsert(List.of(new SearchDocument(Corpus.DOCS, "Long page", text, "/docs/long", null, null, null)));

        String snippet = engine.query(SearchQuery.of("needle", 5), List.of()).results().getFirst().highlight().get("text");

        assertThat(snippet).startsWith("…").endsWith("…").contains("<mark>needle</mark>");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "").length()).isLessThanOrEqualTo(Snippets.TEXT_LENGTH + 2);
    }

    @Test
    void listsEverythingByTitleForEmptyTerm() throws Exception {
        SearchResults results = engine.query(new SearchQuery("", List.of(), Map.of(), 0, 100), List.of("kind"));

        List<String> titles = titles(results);
        assertThat(results.total()).isEqualTo(40);
        assertThat(titles).hasSize(40);
        assertThat(titles.subList(0, 4)).containsExactly("Architecture", "auth-gateway", "billing-reports", "Café-Menu");
        assertThat(results.results()).allMatch(r -> r.highlight().isEmpty());
        assertThat(results.facets().get("kind")).containsEntry("component", 33L);
    }

    @Test
    void upsertReplacesByTypeAndLocation() throws Exception {
        SearchDocument payments = Corpus.entity("payments", "Component", "team-b", "production", "Now with wallets.");

        engine.upsert(List.of(payments));

        assertThat(titles("wallets")).containsExactly("payments");
        assertThat(titles("refunds")).doesNotContain("payments");
        assertThat(engine.counts()).isEqualTo(Map.of(Corpus.CATALOG, 30L, Corpus.DOCS, 10L));
    }

    @Test
    void deleteRemovesDocuments() throws Exception {
        engine.delete(Corpus.CATALOG, List.of("/catalog/default/component/orders", "/no/such/location"));

        assertThat(titles("orders")).doesNotContain("orders").contains("orders-api-gateway");
        assertThat(engine.counts()).containsEntry(Corpus.CATALOG, 29L);
    }

    @Test
    void replaceAllReplacesOnlyThatType() throws Exception {
        engine.replaceAll(Corpus.DOCS, List.of(Corpus.page("orders", "Orders FAQ", "Questions about orders.")));

        assertThat(engine.counts()).isEqualTo(Map.of(Corpus.CATALOG, 30L, Corpus.DOCS, 1L));
        assertThat(titles("orders")).contains("orders", "Orders FAQ").doesNotContain("Getting started");

        engine.replaceAll(Corpus.DOCS, List.of());

        assertThat(engine.counts()).isEqualTo(Map.of(Corpus.CATALOG, 30L));
    }

    @Test
    void survivesHostileInput() throws Exception {
        List<String> hostile = List.of("\"orders", "orders:*", "'orders'", "& | ! ( )", "!orders", "orders & !payments",
                "(orders", "\\", "a:*b", "<script>alert(1)</script>", "x".repeat(10_000), "orders ".repeat(500),
                "日本語", "🚀 rocket", "café", "'", "''", "%_", "OR AND NOT", "*", "?", "~", "title:orders", "\u0000");

        for (String term : hostile) {
            SearchResults results = engine.query(SearchQuery.of(term, 10), List.of("kind"));
            assertThat(results.total()).as(term).isGreaterThanOrEqualTo(results.results().size());
        }
        assertThat(titles("\"orders\"").getFirst()).isEqualTo("orders");
        assertThat(titles("orders:*").getFirst()).isEqualTo("orders");
        assertThat(titles("cafe")).contains("Café-Menu");
        assertThat(titles("& | ! ( )")).isEmpty();
    }

    @Test
    void answersQueriesWhileWriting() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    engine.upsert(List.of(Corpus.entity("extra-" + n, "Component", "team-x", "production", "Extra orders.")));
                    return null;
                }));
                work.add(pool.submit(() -> assertThat(titles("orders").getFirst()).isEqualTo("orders")));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(engine.counts()).containsEntry(Corpus.CATALOG, 50L);
    }
}
