package io.kerberus.techdocs.plugin;

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** TechDocs in a running portal on both databases: build on first view, the reader, the Docs tab, files, search, rebuild, failures. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class TechDocsPluginIT {

    static DocsPortal portal;
    static TestSession session;
    static TestHttp api;

    @Parameter
    TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        portal = DocsPortal.start(database, "techdocs:\n  refreshInterval: 0s\n");
        session = portal.backend.guestSession();
        api = portal.backend.http().asStaticClient();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        portal.close();
    }

    /** Opens a site the way a reader does: the first view starts the build, the page shows it; then the docs. */
    static Document docs(String path) {
        TestHttp.Result first = session.get(path);
        assertThat(first.status()).as("GET " + path + ": " + first.body()).isEqualTo(200);
        String[] body = {first.body()};
        portal.await(() -> {
            body[0] = session.get(path).body();
            return !Jsoup.parse(body[0]).select(".techdocs-reader, .error-panel").isEmpty();
        }, () -> "the docs at " + path + "; the page shows: " + Jsoup.parse(body[0]).select("main").text());
        return Jsoup.parse(body[0]);
    }

    @Test
    void buildsOnFirstViewAndShowsTheReader() {
        Document home = docs("/docs/default/component/orders/");
        assertThat(home.select(".techdocs-site-name").text()).isEqualTo("Orders Service");
        assertThat(home.select(".techdocs-nav .docs-nav-list > li > a").eachText()).contains("Home", "Broken", "Status page", "Hostile");
        assertThat(home.select(".techdocs-nav a.active").text()).isEqualTo("Home");
        assertThat(home.select(".techdocs-content h1").text()).startsWith("Orders Service");
        assertThat(home.select(".techdocs-content img").attr("src")).isEqualTo("/docs/default/component/orders/img/logo.png");
        assertThat(home.select(".techdocs-content a:containsOwn(setup guide)").attr("href")).isEqualTo("/docs/default/component/orders/guide/setup/");
        assertThat(home.select(".techdocs-banner.warning").text()).contains("warnings");
        assertThat(home.select("title").text()).contains("Orders Service");
    }

    @Test
    void showsNavTocEditLinkAndNeighboursOnAPage() {
        docs("/docs/default/component/orders/");
        Document setup = docs("/docs/default/component/orders/guide/setup/");
        assertThat(setup.select(".techdocs-nav a.active").text()).isEqualTo("Setup");
        assertThat(setup.select(".techdocs-nav details[open] > summary").eachText()).contains("Guide");
        assertThat(setup.select(".techdocs-toc li a").eachAttr("href")).containsExactly("#install");
        assertThat(setup.select("a.docs-edit").attr("href")).isEqualTo("https://github.com/acme/orders/edit/main/docs/guide/setup.md");
        assertThat(setup.select(".docs-pager a[rel=prev]").attr("href")).isEqualTo("/docs/default/component/orders/");
        assertThat(setup.select(".docs-pager a[rel=next]").attr("href")).isEqualTo("/docs/default/component/orders/guide/features/");
        assertThat(setup.select(".techdocs-content .admonition.note .admonition-title").text()).isEqualTo("Before you start");
        assertThat(setup.select(".techdocs-content pre.mermaid")).hasSize(1);
        assertThat(setup.select("[data-techdocs-assets]").attr("data-techdocs-assets")).contains("/webjars/mermaid/").contains("/webjars/highlightjs/");
    }

    @Test
    void servesSiteFilesSandboxedAndRefusesPathsOutOfTheSite() {
        docs("/docs/default/component/orders/");
        TestHttp.Result logo = session.get("/docs/default/component/orders/img/logo.png");
        assertThat(logo.status()).isEqualTo(200);
        assertThat(logo.header("Content-Type")).hasValue("image/png");
        assertThat(logo.header("Content-Security-Policy").orElse("")).startsWith("sandbox");
        assertThat(session.get("/docs/default/component/orders/img/nope.png").status()).isEqualTo(404);
        assertThat(session.get("/docs/default/component/orders/..%2F..%2F..%2Fetc%2Fpasswd").status()).isIn(400, 404);
        assertThat(session.get("/docs/default/component/orders/guide/..%2F..%2Fkerberus_site.json").body()).doesNotContain("root:");
        assertThat(session.get("/docs/default/component/orders/no/such/page/").status()).isEqualTo(404);
        assertThat(session.get("/docs/default/component/nobody/").status()).isEqualTo(404);
        TestHttp.Result noSlash = session.get("/docs/default/component/orders/guide/setup");
        assertThat(noSlash.status()).isEqualTo(303);
        assertThat(noSlash.header("Location")).hasValue("/docs/default/component/orders/guide/setup/");
    }

    @Test
    void neutralisesHostileMarkdownInThePortal() {
        docs("/docs/default/component/orders/");
        Document hostile = docs("/docs/default/component/orders/hostile/");
        assertThat(hostile.select(".techdocs-content script, .techdocs-content iframe, .techdocs-content style")).isEmpty();
        assertThat(hostile.select(".techdocs-content [onerror], .techdocs-content [onload], .techdocs-content [onclick]")).isEmpty();
        assertThat(hostile.select(".techdocs-content").html().toLowerCase()).doesNotContain("javascript:");
    }

    @Test
    void addsADocsTabToDocumentedEntitiesOnly() {
        docs("/docs/default/component/orders/");
        Document entity = Jsoup.parse(session.get("/catalog/default/component/orders").body());
        assertThat(entity.select(".tabs .tab").eachText()).contains("Docs");
        Document tab = Jsoup.parse(session.get("/catalog/default/component/orders/docs").body());
        assertThat(tab.select(".techdocs-tab .techdocs-content h1").text()).startsWith("Orders Service");
        assertThat(tab.select(".techdocs-tab .techdocs-nav a").eachAttr("href")).contains("/docs/default/component/orders/guide/setup/");
        assertThat(tab.select(".techdocs-tab .techdocs-content img").attr("src")).isEqualTo("/docs/default/component/orders/img/logo.png");

        Document plain = Jsoup.parse(session.get("/catalog/default/component/plain").body());
        assertThat(plain.select(".tabs .tab").eachText()).doesNotContain("Docs");
        assertThat(session.get("/catalog/default/component/plain/docs").status()).isEqualTo(404);
    }

    @Test
    void listsDocumentedEntitiesWithFilters() {
        Document all = Jsoup.parse(session.get("/docs").body());
        assertThat(all.select("#docs-results tbody tr td:first-child a, table tbody tr td:first-child a").eachText())
                .containsExactlyInAnyOrder("bare", "escape", "orders", "remote");
        Document teamB = Jsoup.parse(session.get("/docs?owner=team-b").body());
        assertThat(teamB.select("table tbody tr td:first-child a").eachText()).containsExactly("remote");
        Document text = Jsoup.parse(session.get("/docs?q=takes+orders").body());
        assertThat(text.select("table tbody tr td:first-child a").eachText()).containsExactly("orders");
    }

    @Test
    void searchesInsideASite() {
        docs("/docs/default/component/orders/");
        TestHttp http = portal.backend.http();
        TestHttp.Result result = http.send(http.request("/docs/default/component/orders/-/search?q=postgresql")
                .header("Cookie", session.cookie()).header("HX-Request", "true").GET().build());
        Document found = Jsoup.parse(result.body());
        assertThat(found.select("li a").eachAttr("href")).first().isEqualTo("/docs/default/component/orders/guide/internals/#storage");
        assertThat(found.select("li a").first().text()).isEqualTo("Storage");
        Document none = Jsoup.parse(session.get("/docs/default/component/orders/-/search?q=zzzqqq").body());
        assertThat(none.text()).contains("Nothing found");
    }

    @Test
    void showsTheBuildLogWithWarningsByFileAndLine() {
        docs("/docs/default/component/orders/");
        Document log = Jsoup.parse(session.get("/docs/default/component/orders/-/log").body());
        assertThat(log.select("table td code").eachText()).contains("docs/guide/broken.md:3", "docs/guide/broken.md:5", "mkdocs.yml:13");
        assertThat(log.select("pre.techdocs-log").text()).contains("Rendering 6 pages").contains("Published 6 pages");
    }

    @Test
    void rebuildsWhenTheSourceChanges() throws Exception {
        docs("/docs/default/component/orders/");
        Path internals = portal.dir.resolve("catalog/orders/docs/guide/internals.md");
        Files.writeString(internals, "# Internals\n\n## Storage\n\nNow in a " + database + " sized store.\n");
        Files.setLastModifiedTime(internals, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        portal.await(() -> {
            Document page = Jsoup.parse(session.get("/docs/default/component/orders/guide/internals/").body());
            return page.select(".techdocs-content").text().contains("Now in a " + database + " sized store.");
        }, () -> "the rebuilt page; the build log says: " + Jsoup.parse(session.get("/docs/default/component/orders/-/log").body()).select("main").text());
    }

    @Test
    void readsDocsBehindAUrl() {
        Document remote = docs("/docs/default/component/remote/");
        assertThat(remote.select(".techdocs-site-name").text()).isEqualTo("Orders Service");
        Document internals = docs("/docs/default/component/remote/guide/internals/");
        assertThat(internals.select(".techdocs-content h2").stream().map(h -> h.ownText().strip())).contains("Storage", "Events");
        assertThat(session.get("/docs/default/component/remote/img/logo.png").status()).isEqualTo(200);
    }

    @Test
    void buildsAFolderWithoutMkdocsYmlUnderTheEntityName() {
        Document bare = docs("/docs/default/component/bare/");
        assertThat(bare.select(".techdocs-site-name").text()).isEqualTo("bare");
        assertThat(bare.select(".techdocs-content h1").text()).startsWith("Bare docs");
    }

    @Test
    void refusesADocsFolderOutsideTheCatalogsFolders() {
        Document escape = docs("/docs/default/component/escape/");
        assertThat(escape.select(".error-panel").text()).contains("outside the folders the catalog may read");
        Document log = Jsoup.parse(session.get("/docs/default/component/escape/-/log").body());
        assertThat(log.select("pre.techdocs-log").text()).contains("outside the folders");
    }

    @Test
    void answersBackstagesTechDocsApi() {
        docs("/docs/default/component/orders/");
        TestHttp.Result metadata = api.get("/api/techdocs/metadata/techdocs/default/component/orders");
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.json().path("site_name").asString()).isEqualTo("Orders Service");
        assertThat(metadata.json().path("etag").asString()).isNotEmpty();
        assertThat(api.get("/api/techdocs/metadata/entity/default/component/orders").json().path("metadata").path("name").asString()).isEqualTo("orders");
        TestHttp.Result page = api.get("/api/techdocs/static/docs/default/component/orders/guide/setup/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Before you start");
        assertThat(api.get("/api/techdocs/static/docs/default/component/orders/../../../etc/passwd").status()).isIn(400, 404);
        assertThat(api.get("/api/techdocs/metadata/techdocs/default/component/plain").status()).isEqualTo(404);
        assertThat(portal.backend.http().get("/api/techdocs/metadata/techdocs/default/component/orders").status()).isEqualTo(401);
        assertThat(api.get("/api/techdocs/sync/default/component/orders").json().path("updated").isBoolean()).isTrue();
    }

    @Test
    void givesOtherPluginsThePublishedSectionsForSearch() {
        docs("/docs/default/component/orders/");
        assertThat(api.get("/api/search-probe/published").json().path("entities").toString()).contains("component:default/orders");
        var sections = api.get("/api/search-probe/sections/component/default/orders").json();
        var storage = java.util.stream.StreamSupport.stream(sections.spliterator(), false)
                .filter(s -> s.path("location").asString().equals("guide/internals/#storage")).findFirst().orElseThrow();
        assertThat(storage.path("title").asString()).isEqualTo("Storage");
        assertThat(storage.path("text").asString()).contains("Orders live in PostgreSQL");
        assertThat(storage.path("url").asString()).isEqualTo("/docs/default/component/orders/guide/internals/#storage");
        assertThat(storage.path("entity").path("name").asString()).isEqualTo("orders");
        assertThat(api.get("/api/search-probe/sections/component/default/plain").json()).isEmpty();
    }

    @Test
    void rebuildNeedsCsrf() {
        docs("/docs/default/component/orders/");
        assertThat(session.postFormWithoutCsrf("/docs/default/component/orders/-/rebuild", Map.of()).status()).isEqualTo(403);
        TestHttp.Result ok = session.postForm("/docs/default/component/orders/-/rebuild", Map.of());
        assertThat(ok.status()).isEqualTo(303);
    }
}
