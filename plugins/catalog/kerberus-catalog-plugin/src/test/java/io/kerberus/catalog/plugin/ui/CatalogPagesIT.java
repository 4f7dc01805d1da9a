package io.kerberus.catalog.plugin.ui;

import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import io.kerberus.test.TestSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's pages over HTTP on both databases: table, filters, entity pages and tabs, star, refresh, unregister, import. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class CatalogPagesIT {

    static UiCatalog catalog;
    static TestSession session;
    static TestHttp api;

    @Parameter
    TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        catalog = UiCatalog.start(database);
        session = catalog.backend.guestSession();
        api = catalog.backend.http().asStaticClient();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        catalog.close();
    }

    static Document page(String path) {
        TestHttp.Result result = session.get(path);
        assertThat(result.status()).as("GET " + path + ": " + result.body()).isEqualTo(200);
        return Jsoup.parse(result.body());
    }

    static List<String> rowNames(Document page) {
        return page.select("#catalog-table-results tbody td[data-label=Name]").eachText();
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("The catalog table shows the same entities, in the same order, as the REST API (issue #4)")
    void tableShowsWhatTheApiReturns() {
        Document first = page("/catalog");

        JsonNode apiPage = api.get("/api/catalog/entities/by-query?filter=" + q("kind=component") + "&orderField=" + q("metadata.name,asc")
                + "&limit=25").json();
        List<String> expected = new ArrayList<>();
        apiPage.path("items").forEach(item -> expected.add(item.path("metadata").has("title")
                ? item.path("metadata").path("title").asString() : item.path("metadata").path("name").asString()));
        assertThat(rowNames(first)).containsExactlyElementsOf(expected);
        assertThat(first.title()).startsWith("Acme Test Catalog");
        assertThat(first.select("#catalog-table-results thead th").eachText())
                .containsExactly("Name ↑", "System", "Owner", "Type", "Lifecycle", "Description", "Tags");
        assertThat(first.select(".pager .muted").text()).isEqualTo("1–25 of " + UiCatalog.COMPONENTS);

        Document second = page("/catalog?page=2");
        assertThat(rowNames(second)).hasSize(UiCatalog.COMPONENTS - 25).doesNotContainAnyElementsOf(rowNames(first));
    }

    @Test
    void filtersBySortsAndSearchesThroughTheUrl() {
        assertThat(rowNames(page("/catalog?kind=api"))).containsExactly("events-api", "orders-api", "search-api");
        assertThat(page("/catalog?kind=user").select("#catalog-table-results thead th").eachText()).containsExactly("Name ↑", "Email", "Groups");
        assertThat(rowNames(page("/catalog?kind=component&type=library&size=50"))).containsExactly("svc-05", "svc-10", "svc-15", "svc-20", "svc-25", "svc-30");
        assertThat(rowNames(page("/catalog?owner=" + q("group:default/team-b") + "&lifecycle=experimental&size=50")))
                .containsExactly("hostile", "svc-04", "svc-08", "svc-12", "svc-16", "svc-20", "svc-24", "svc-28");
        assertThat(rowNames(page("/catalog?tag=python&tag=go"))).isEmpty();
        assertThat(rowNames(page("/catalog?tag=python&size=50"))).hasSize(10).allMatch(name -> name.startsWith("svc-"));
        assertThat(rowNames(page("/catalog?q=numbered+service+1&size=50"))).contains("svc-01", "svc-10", "svc-19").doesNotContain("svc-02");
        assertThat(rowNames(page("/catalog?sort=name&dir=desc")).getFirst()).isEqualTo("svc-30");
        // 3 APIs, 3 groups, 2 users, a domain, a system, a resource and the config's location
        assertThat(rowNames(page("/catalog?kind=all&size=200"))).hasSize(UiCatalog.COMPONENTS + 3 + 3 + 2 + 1 + 1 + 1 + 1);

        Document owned = page("/catalog?user=owned&size=50");
        assertThat(rowNames(owned)).hasSize(16).contains("Orders Service", "svc-01").doesNotContain("svc-02");
        assertThat(owned.select("input[name=user][value=owned]").hasAttr("checked")).isTrue();
        assertThat(owned.select("label.radio").eachText()).contains("All " + UiCatalog.COMPONENTS, "Owned by me 16");
    }

    @Test
    void offersTheValuesThatExistForTheKindWithCounts() {
        Document page = page("/catalog?kind=component");

        assertThat(page.select("select[name=type] option").eachText()).containsExactly("Any", "service (25)", "library (6)", "website (1)");
        assertThat(page.select("select[name=owner] option").eachText()).containsExactly("Any", "team-a (16)", "team-b (16)");
        assertThat(page.select("select[name=kind] option[selected]").text()).isEqualTo("Component (" + UiCatalog.COMPONENTS + ")");
        Document unknown = page("/catalog?kind=component&type=nonexistent");
        assertThat(unknown.select("select[name=type] option[selected]").text()).isEqualTo("nonexistent (0)");
        assertThat(unknown.select(".empty-state").text()).contains("No entities match");
    }

    @Test
    @DisplayName("Entity text is escaped and unsafe links are neutralised on every page (issue #4)")
    void escapesEntityTextAndNeutralisesUnsafeLinks() {
        for (String path : List.of("/catalog?kind=component&q=hostile", "/catalog/default/component/hostile", "/catalog/default/group/team-b")) {
            String html = session.get(path).body();
            assertThat(html).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("javascript:");
        }
        Document hostile = page("/catalog/default/component/hostile");
        assertThat(about(hostile, "Description").text()).isEqualTo("<script>alert('owned')</script><img src=x onerror=alert(1)>");
        assertThat(hostile.select("a:contains(Evil link)").attr("href")).isEqualTo("#");
        assertThat(hostile.select("a:contains(View source)")).isEmpty();
    }

    @Test
    void entityPageHasHeaderAboutCardAndTheKindsCards() {
        Document page = page("/catalog/default/component/orders-service");

        assertThat(page.select("h1.page-title").text()).isEqualTo("Orders Service");
        assertThat(page.select(".entity-ref").text()).isEqualTo("component:default/orders-service");
        assertThat(page.select(".tabs .tab").eachText()).containsExactly("Overview", "Dependencies", "Relations");
        assertThat(page.select(".tabs .tab.active").text()).isEqualTo("Overview");
        assertThat(about(page, "Owner").select("a").attr("href")).isEqualTo("/catalog/default/group/team-a");
        assertThat(about(page, "System").text()).isEqualTo("checkout");
        assertThat(page.select("a:contains(View source)").attr("href")).isEqualTo("https://git.example.com/acme/orders/blob/main/catalog-info.yaml");
        assertThat(page.select("a:contains(Edit)").attr("href")).isEqualTo("https://git.example.com/acme/orders/edit/main/catalog-info.yaml");
        assertThat(page.select("a:contains(Dashboard)").attr("href")).isEqualTo("https://dashboards.example.com/orders");
        assertThat(card(page, "Provided APIs").select("td[data-label=Name]").eachText()).containsExactly("orders-api");
        assertThat(card(page, "Consumed APIs").select("td[data-label=Name]").eachText()).containsExactly("events-api", "search-api");
        assertThat(page.select(".breadcrumbs a").eachAttr("href")).containsExactly("/catalog", "/catalog?kind=component");

        Document api = page("/catalog/default/api/orders-api");
        assertThat(api.select(".tabs .tab").eachText()).containsExactly("Overview", "Definition", "Relations");
        assertThat(card(api, "Providers").select("td[data-label=Name]").eachText()).containsExactly("Orders Service");
    }

    @Test
    void groupUserSystemAndDomainPagesShowTheirParts() {
        Document group = page("/catalog/default/group/team-a");
        assertThat(card(group, "Members").select("td[data-label=Name]").eachText()).containsExactly("Jane Doe");
        assertThat(card(group, "Members").select("td[data-label=Email]").text()).isEqualTo("jane@example.com");
        assertThat(about(group, "Parent").text()).isEqualTo("engineering");
        assertThat(card(group, "Ownership").select(".ownership-item").eachText())
                .containsExactly("1 API", "16 Components", "1 Domain", "1 Resource", "1 System");
        assertThat(card(group, "Ownership").select(".ownership-item").first().attr("href")).isEqualTo("/catalog?kind=api&owner=group%3Adefault%2Fteam-a");

        Document user = page("/catalog/default/user/jane");
        assertThat(card(user, "Groups").select("td[data-label=Name]").eachText()).containsExactly("Team A");
        assertThat(card(user, "Ownership").select(".ownership-item").eachText()).contains("16 Components");

        Document parent = page("/catalog/default/group/engineering");
        assertThat(card(parent, "Child groups").select("td[data-label=Name]").eachText()).containsExactly("Team A", "team-b");

        Document system = page("/catalog/default/system/checkout");
        assertThat(card(system, "Components").select("td[data-label=Name]").eachText()).containsExactly("Orders Service");
        assertThat(card(system, "APIs").select("td[data-label=Name]").eachText()).containsExactly("orders-api");
        assertThat(card(system, "Resources").select("td[data-label=Name]").eachText()).containsExactly("orders-db");
        assertThat(card(page("/catalog/default/domain/commerce"), "Systems").select("td[data-label=Name]").eachText()).containsExactly("checkout");
    }

    @Test
    void dependenciesTabListsBothDirections() {
        Document service = page("/catalog/default/component/orders-service/dependencies");
        assertThat(card(service, "Depends on").select("td[data-label=Name]").eachText()).containsExactly("orders-db", "svc-01");

        Document svc01 = page("/catalog/default/component/svc-01/dependencies");
        assertThat(card(svc01, "Depended on by").select("td[data-label=Name]").eachText()).containsExactly("Orders Service");
        assertThat(card(svc01, "Depends on").select(".empty-state").text()).contains("depends on nothing");
    }

    @Test
    void relationsTabDrawsNeighboursToTheChosenDepthAndTypes() {
        Document depth1 = page("/catalog/default/component/orders-service/relations");
        List<String> nodes = depth1.select("svg.graph-svg a").eachAttr("href");
        assertThat(nodes).contains("/catalog/default/component/orders-service", "/catalog/default/group/team-a", "/catalog/default/api/orders-api",
                "/catalog/default/resource/orders-db", "/catalog/default/system/checkout").doesNotContain("/catalog/default/domain/commerce");
        assertThat(depth1.select("svg.graph-svg .graph-node-focus").text()).contains("Orders Service");

        Document depth2 = page("/catalog/default/component/orders-service/relations?depth=2");
        assertThat(depth2.select("svg.graph-svg a").eachAttr("href")).contains("/catalog/default/domain/commerce");

        Document ownersOnly = page("/catalog/default/component/orders-service/relations?relation=ownedBy");
        assertThat(ownersOnly.select("svg.graph-svg a").eachAttr("href"))
                .containsExactlyInAnyOrder("/catalog/default/component/orders-service", "/catalog/default/group/team-a");
        assertThat(ownersOnly.select("input[name=relation][value=ownedBy]").hasAttr("checked")).isTrue();
        assertThat(ownersOnly.select("input[name=relation][value=partOf]").hasAttr("checked")).isFalse();
    }

    @Test
    void definitionTabServesTheDefinitionAndHighlightsSource() {
        Document openapi = page("/catalog/default/api/orders-api/definition");
        Element host = openapi.selectFirst("[data-swagger-url]");
        assertThat(host).isNotNull();
        assertThat(host.attr("data-swagger-js")).matches("/webjars/swagger-ui/[0-9.]+/swagger-ui-bundle.js");
        assertThat(catalog.backend.http().get(host.attr("data-swagger-js")).status()).isEqualTo(200);
        TestHttp.Result raw = session.get(host.attr("data-swagger-url"));
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.body()).startsWith("openapi: 3.0.3");

        Document graphql = page("/catalog/default/api/search-api/definition");
        assertThat(graphql.select("pre.definition-source code.language-graphql").text()).contains("type Query");
        assertThat(graphql.select("[data-swagger-url]")).isEmpty();
        assertThat(page("/catalog/default/api/events-api/definition").select("code.language-yaml").text()).contains("asyncapi: 2.6.0");
    }

    @Test
    void unknownEntitiesAndTabsAreNotFoundPages() {
        TestHttp.Result missing = session.get("/catalog/default/component/does-not-exist");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).text()).contains("There is no component named \"does-not-exist\"");

        TestHttp.Result noTab = session.get("/catalog/default/component/orders-service/definition");
        assertThat(noTab.status()).isEqualTo(404);
        assertThat(Jsoup.parse(noTab.body()).text()).contains("has no \"definition\" tab");
    }

    @Test
    void starsRefreshesAndRefusesFormsWithoutTheCsrfToken() {
        assertThat(session.postFormWithoutCsrf("/catalog/default/component/svc-02/star", Map.of("starred", "true")).status()).isEqualTo(403);

        TestHttp.Result starred = session.postForm("/catalog/default/component/svc-02/star", Map.of("starred", "true"));
        assertThat(starred.status()).isEqualTo(303);
        assertThat(page("/catalog/default/component/svc-02").select("button.star").attr("aria-pressed")).isEqualTo("true");
        assertThat(rowNames(page("/catalog?user=starred"))).containsExactly("svc-02");
        assertThat(page("/").select(".home-card:contains(Starred entities) a").eachText()).contains("svc-02");

        session.postForm("/catalog/default/component/svc-02/star", Map.of("starred", "false"));
        assertThat(rowNames(page("/catalog?user=starred"))).isEmpty();

        TestHttp.Result refreshed = session.postForm("/catalog/default/component/svc-02/refresh", Map.of());
        assertThat(refreshed.status()).isEqualTo(303);
        assertThat(refreshed.header("Location")).contains("/catalog/default/component/svc-02?notice=refreshed");
        assertThat(page("/catalog/default/component/svc-02?notice=refreshed").select(".notice").text()).startsWith("Refresh scheduled");
    }

    @Test
    void importsAFileLocationAfterAPreviewAndUnregistersIt() {
        assertThat(session.get("/catalog-import").status()).isEqualTo(303);
        assertThat(session.get("/catalog-import").header("Location")).contains("/catalog/import");

        TestHttp.Result bad = session.postForm("/catalog/import", Map.of("target", "/etc/passwd.yaml"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).select(".field-error").text()).contains("outside the folders the catalog may read");

        Document preview = Jsoup.parse(session.postForm("/catalog/import", Map.of("target", catalog.dir.resolve("import-me.yaml").toString())).body());
        assertThat(preview.select("td[data-label=Name]").eachText()).containsExactly("imported-service", "imported-worker");
        assertThat(preview.select("form[action='/catalog/import/register'] button").text()).isEqualTo("Import");

        TestHttp.Result registered = session.postForm("/catalog/import/register", Map.of("type", "file",
                "target", catalog.dir.resolve("import-me.yaml").toString(), "ref", "component:default/imported-service"));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(Jsoup.parse(registered.body()).select(".compact-list a").eachAttr("href")).containsExactly("/catalog/default/component/imported-service");
        catalog.await(() -> session.get("/catalog/default/component/imported-worker").status() == 200, "the imported entities");

        Document confirm = page("/catalog/default/component/imported-worker/unregister");
        assertThat(confirm.select("button:contains(Unregister location)")).hasSize(1);
        assertThat(confirm.select(".compact-list a").eachText()).containsExactly("imported-service", "imported-worker");
        TestHttp.Result unregistered = session.postForm("/catalog/default/component/imported-worker/unregister", Map.of("mode", "location"));
        assertThat(unregistered.status()).isEqualTo(303);
        assertThat(session.get("/catalog/default/component/imported-service").status()).isEqualTo(404);
        assertThat(api.get("/api/catalog/locations").body()).doesNotContain("import-me.yaml");
    }

    @Test
    void configLocationsAreRemovedInTheConfigButSingleEntitiesCanBeDeleted() {
        Document confirm = page("/catalog/default/component/svc-30/unregister");
        assertThat(confirm.select("button:contains(Unregister location)")).isEmpty();
        assertThat(confirm.select(".notice.warning").text()).contains("catalog.locations");
        assertThat(session.postForm("/catalog/default/component/svc-30/unregister", Map.of("mode", "location")).status()).isEqualTo(400);

        TestHttp.Result deleted = session.postForm("/catalog/default/component/svc-30/unregister", Map.of("mode", "entity"));
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(api.get("/api/catalog/entities/by-name/component/default/svc-30").status()).isEqualTo(404);

        session.postForm("/catalog/default/component/svc-29/refresh", Map.of());
        catalog.await(() -> api.get("/api/catalog/entities/by-name/component/default/svc-30").status() == 200, "svc-30 back from its location");
    }

    @Test
    void htmxRequestsGetTheFragmentAlone() {
        TestHttp.Result fragment = catalog.backend.http().send(catalog.backend.http().request("/catalog?kind=api")
                .header("Cookie", session.cookie()).header("HX-Request", "true").GET().build());
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"catalog-view\"");
    }

    /** The value of one row of the About card. */
    private static Element about(Document page, String label) {
        for (Element row : card(page, "About").select(".kv-row")) {
            if (row.select("dt").text().equals(label)) {
                return row.selectFirst("dd");
            }
        }
        throw new AssertionError("The About card has no " + label);
    }

    private static Element card(Document page, String titlePrefix) {
        for (Element card : page.select("section.card")) {
            if (card.select(".card-title").text().startsWith(titlePrefix)) {
                return card;
            }
        }
        throw new AssertionError("No card \"" + titlePrefix + "\" in " + page.select(".card-title").eachText());
    }
}
