package io.kerberus.search.plugin;

import io.kerberus.test.Eventually;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import io.kerberus.test.TestSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search in a running portal: Lucene on H2, the PostgreSQL engine on PostgreSQL. Backstage's query
 * API, catalog and docs documents, filters, paging, new entities findable within seconds, the page
 * and the header suggestions.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class SearchPluginIT {

    static SearchPortal portal;
    static TestHttp api;
    static TestSession session;

    @Parameter
    TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        portal = SearchPortal.start(database, database == TestDatabase.POSTGRES ? "search:\n  engine: postgres\n" : "");
        api = portal.api;
        session = portal.backend.guestSession();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        portal.close();
    }

    static JsonNode query(String query) {
        TestHttp.Result result = api.get("/api/search/query?" + query);
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        return result.json();
    }

    static List<String> titles(JsonNode body) {
        List<String> titles = new ArrayList<>();
        body.path("results").forEach(r -> titles.add(r.path("document").path("title").asString()));
        return titles;
    }

    @Test
    void answersInBackstagesShape() {
        JsonNode body = query("term=orders");
        JsonNode first = body.path("results").get(0);
        assertThat(first.path("type").asString()).isEqualTo("software-catalog");
        assertThat(first.path("document").path("title").asString()).isEqualTo("orders");
        assertThat(first.path("document").path("text").asString()).isEqualTo("Takes orders from the shop");
        assertThat(first.path("document").path("location").asString()).isEqualTo("/catalog/default/component/orders");
        assertThat(first.path("document").path("kind").asString()).isEqualTo("Component");
        assertThat(first.path("document").path("owner").asString()).isEqualTo("team-a");
        assertThat(first.path("document").path("lifecycle").asString()).isEqualTo("production");
        assertThat(first.path("rank").asInt()).isEqualTo(1);
        assertThat(first.path("highlight").path("preTag").asString()).isEqualTo("<mark>");
        assertThat(first.path("highlight").path("fields").path("title").asString()).contains("<mark>orders</mark>");
        assertThat(body.path("numberOfResults").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(titles(body)).contains("orders-api-gateway", "orders-events");
    }

    @Test
    void filtersByTypeAndFacets() {
        assertThat(titles(query("term=orders&filters[kind]=api"))).containsExactly("orders-events");
        assertThat(titles(query("term=orders&filters[owner]=team-platform"))).containsExactly("orders-api-gateway");
        assertThat(titles(query("term=orders&filters[lifecycle]=experimental&filters[lifecycle]=production&filters[kind]=component")))
                .containsExactlyInAnyOrder("orders", "orders-api-gateway");
        assertThat(query("term=orders&types[0]=techdocs").path("results")).isEmpty();
    }

    @Test
    void findsWhatLunrMisses() {
        assertThat(titles(query("term=tech"))).contains("tech-radar").doesNotContain("team-a", "team-platform", "Team Alpha");
        assertThat(titles(query("term=ordres"))).contains("orders");
        assertThat(titles(query("term=deploy"))).contains("deploy-bot");
        assertThat(titles(query("term=deploying"))).first().isEqualTo("deploy-bot");
    }

    @Test
    void pagesWithCursors() {
        JsonNode first = query("term=widget&pageLimit=10");
        assertThat(first.path("results")).hasSize(10);
        assertThat(first.path("numberOfResults").asInt()).isEqualTo(30);
        assertThat(first.has("previousPageCursor")).isFalse();
        JsonNode second = query("term=widget&pageLimit=10&pageCursor=" + first.path("nextPageCursor").asString());
        assertThat(second.path("results").get(0).path("rank").asInt()).isEqualTo(11);
        assertThat(titles(second)).doesNotContainAnyElementsOf(titles(first));
        JsonNode back = query("term=widget&pageLimit=10&pageCursor=" + second.path("previousPageCursor").asString());
        assertThat(titles(back)).isEqualTo(titles(first));
        JsonNode last = query("term=widget&pageLimit=10&pageCursor=" + query("term=widget&pageLimit=10&pageCursor="
                + second.path("nextPageCursor").asString()).path("previousPageCursor").asString());
        assertThat(titles(last)).isEqualTo(titles(second));
    }

    @Test
    void refusesBadQueriesClearly() {
        TestHttp.Result tooLong = api.get("/api/search/query?term=" + "a".repeat(101));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("error").path("message").asString()).contains("search.maxTermLength");
        assertThat(api.get("/api/search/query?term=x&pageLimit=1000").status()).isEqualTo(400);
        assertThat(api.get("/api/search/query?term=x&pageCursor=bogus").json().path("error").path("message").asString()).contains("pageCursor");
        assertThat(api.get("/api/search/query?term=" + java.net.URLEncoder.encode("\"(orders:* & | ! ))", java.nio.charset.StandardCharsets.UTF_8))
                .status()).isEqualTo(200);
        assertThat(portal.backend.http().get("/api/search/query?term=orders").status()).isEqualTo(401);
        assertThat(api.post("/api/search/reindex?type=nope", "").json().path("error").path("message").asString()).contains("no collator has the type 'nope'");
        assertThat(api.post("/api/search/reindex?type=software-catalog", "").status()).isEqualTo(202);
    }

    @Test
    void findsANewEntityWithinSeconds() {
        TestHttp.Result added = api.postJson("/api/catalog/locations", Map.of("type", "file", "target", portal.dir.resolve("later.yaml").toString()));
        assertThat(added.status()).as(added.body()).isIn(200, 201);
        Eventually.until(() -> titles(query("term=quasar")).contains("quasar-billing"), "the new entity in search");
    }

    @Test
    void findsDocsSectionsWithTheirEntity() {
        assertThat(session.get("/docs/default/component/ledger/").status()).isEqualTo(200);
        Eventually.until(() -> session.get("/docs/default/component/ledger/").body().contains("techdocs-reader"), "the ledger docs");
        // a published site is indexed within seconds, without waiting for the next full collation
        Eventually.until(() -> !query("term=reconciliation&types[0]=techdocs").path("results").isEmpty(), "the docs in search");
        JsonNode hit = query("term=reconciliation&types[0]=techdocs").path("results").get(0);
        assertThat(hit.path("type").asString()).isEqualTo("techdocs");
        assertThat(hit.path("document").path("title").asString()).isEqualTo("Reconciliation");
        assertThat(hit.path("document").path("location").asString()).isEqualTo("/docs/default/component/ledger/runbook/#reconciliation");
        assertThat(hit.path("document").path("name").asString()).isEqualTo("ledger");
        assertThat(hit.path("document").path("owner").asString()).isEqualTo("team-a");
        JsonNode status = api.get("/api/search/status").json();
        assertThat(status.path("engine").asString()).isEqualTo(database == TestDatabase.POSTGRES ? "postgres" : "lucene");
    }

    @Test
    void showsResultsOnTheSearchPage() {
        Document page = Jsoup.parse(session.get("/search?term=orders").body());
        assertThat(page.select(".search-result-title").eachText()).first().isEqualTo("orders");
        assertThat(page.select(".search-result-title mark").first().text()).isEqualTo("orders");
        assertThat(page.select("select[name=kind] option").eachText()).anySatisfy(o -> assertThat(o).startsWith("api (1)"));
        assertThat(page.select(".search-tabs a").eachText()).containsExactly("All", "Software catalog", "Docs");
        Document apis = Jsoup.parse(session.get("/search?term=orders&kind=api").body());
        assertThat(apis.select(".search-result-title").eachText()).containsExactly("orders-events");
        Document paged = Jsoup.parse(session.get("/search?term=widget").body());
        assertThat(paged.select(".search-result")).hasSize(20);
        assertThat(paged.select(".pager a[rel=next]").attr("href")).contains("page=2");
        assertThat(Jsoup.parse(session.get("/search?term=" + "x".repeat(200)).body()).text()).contains("search.maxTermLength");
    }

    @Test
    void suggestsInTheHeader() {
        Document home = Jsoup.parse(session.get("/").body());
        assertThat(home.select(".topbar .header-search input[data-search-input]")).hasSize(1);
        Document suggestions = Jsoup.parse(session.get("/search/suggest?term=ord").body());
        assertThat(suggestions.select("li[role=option] a").eachAttr("href")).contains("/catalog/default/component/orders");
        assertThat(suggestions.select(".see-all a").attr("href")).isEqualTo("/search?term=ord");
    }
}
