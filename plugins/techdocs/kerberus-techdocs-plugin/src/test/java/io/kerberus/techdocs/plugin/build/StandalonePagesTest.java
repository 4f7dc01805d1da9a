package io.kerberus.techdocs.plugin.build;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A built site read outside the portal: each page names its root and URL for {@code assets/nav.js},
 * which holds the nav once (drawn by the script: TechDocsBrowserIT checks it in Chromium), and
 * {@code assets/site-map.html} has the whole nav for readers without JavaScript.
 */
@DisplayName("Standalone pages with the nav written once (issue #5)")
class StandalonePagesTest {

    @TempDir
    static Path out;
    static Path site;

    @BeforeAll
    static void build() throws Exception {
        site = out.resolve("site");
        SiteBuilderTest.BUILDER.build(SiteBuilderTest.corpus(), site, "orders", BuildListener.NONE);
    }

    @Test
    void pagesHoldTheirOwnContentAndPointAtTheNavScript() throws Exception {
        Document setup = Jsoup.parse(Files.readString(site.resolve("guide/setup/index.html")));

        Element nav = setup.selectFirst(".site-nav");
        assertThat(nav).isNotNull();
        assertThat(nav.attr("data-root")).isEqualTo("../../");
        assertThat(nav.attr("data-page")).isEqualTo("guide/setup/");
        assertThat(nav.select("li")).as("no nav markup in the page").isEmpty();
        assertThat(nav.select("noscript").html()).contains("href=\"../../assets/site-map.html\"");
        assertThat(setup.select("script[src]").eachAttr("src")).containsExactly("../../assets/nav.js");
        assertThat(setup.select(".techdocs-content h2#install")).hasSize(1);
        assertThat(setup.select(".site-toc a[href='#install']")).hasSize(1);

        Document home = Jsoup.parse(Files.readString(site.resolve("index.html")));
        assertThat(home.selectFirst(".site-nav").attr("data-root")).isEqualTo("./");
        assertThat(home.selectFirst(".site-nav").attr("data-page")).isEmpty();
        assertThat(home.select("script[src]").eachAttr("src")).containsExactly("./assets/nav.js");
    }

    @Test
    void navScriptHoldsTheWholeNavWithLinksFromTheSiteRoot() throws Exception {
        String script = Files.readString(site.resolve(StandalonePages.NAV_SCRIPT));

        assertThat(script).contains("document.querySelector('.site-nav')").endsWith(");\n");
        String json = script.substring(script.lastIndexOf("})(") + 3, script.length() - 3);
        Document nav = Jsoup.parseBodyFragment(JsonMapper.shared().readValue(json, String.class));
        assertThat(nav.select("ul.docs-nav-list > li > a").eachText()).containsExactly("Home", "Broken", "Status page", "Hostile");
        assertThat(nav.select("a:containsOwn(Home)").attr("href")).isEqualTo("./");
        assertThat(nav.select("a:containsOwn(Setup)").attr("href")).isEqualTo("guide/setup/");
        assertThat(nav.select("a:containsOwn(Internals)").attr("href")).isEqualTo("guide/internals/");
        assertThat(nav.select("details > summary").eachText()).containsExactly("Guide", "Deep");
        assertThat(nav.select("a:containsOwn(Status page)").attr("href")).isEqualTo("https://status.acme.example");
        assertThat(nav.select("a:containsOwn(Status page)").attr("target")).isEqualTo("_blank");
        assertThat(nav.select("a.active, details[open]")).as("the script marks the current page").isEmpty();
    }

    @Test
    void siteMapShowsTheWholeNavWithoutScript() throws Exception {
        Document map = Jsoup.parse(Files.readString(site.resolve(StandalonePages.SITE_MAP)));

        assertThat(map.select("script")).isEmpty();
        assertThat(map.select(".site-nav a:containsOwn(Home)").attr("href")).isEqualTo("../");
        assertThat(map.select(".site-nav a:containsOwn(Setup)").attr("href")).isEqualTo("../guide/setup/");
        assertThat(map.select(".site-nav details[open] > summary").eachText()).containsExactly("Guide", "Deep");
        assertThat(map.select("link[rel=stylesheet]").attr("href")).isEqualTo("standalone.css");
    }
}
