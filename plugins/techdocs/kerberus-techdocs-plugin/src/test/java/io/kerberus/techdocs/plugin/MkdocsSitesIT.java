package io.kerberus.techdocs.plugin;

import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site that MkDocs built (Backstage's techdocs-cli in CI, Material theme) and CI published reads
 * in the portal with {@code builder: external}: pages and nav from its search index, content from the
 * theme's article, sanitised again (the fixture's page was tampered with a script).
 */
class MkdocsSitesIT {

    @Test
    void readsASitePublishedByTechdocsCli(@TempDir Path published) throws Exception {
        TestFiles.copy(fixture(), published.resolve("default/component/orders"));
        try (DocsPortal portal = DocsPortal.start(TestDatabase.H2, """
                techdocs:
                  builder: external
                  publisher:
                    type: local
                    local:
                      publishDirectory: '%s'
                """.formatted(published))) {
            TestSession session = portal.backend.guestSession();
            Document home = Jsoup.parse(session.get("/docs/default/component/orders/").body());
            assertThat(home.select(".techdocs-site-name").text()).isEqualTo("Legacy Payments");
            assertThat(home.select(".techdocs-nav .docs-nav-list a").eachText()).containsExactly("Home", "Operations");
            assertThat(home.select(".techdocs-content").text()).contains("Built by MkDocs in CI");
            assertThat(home.select(".techdocs-content a:containsOwn(operations)").attr("href")).isEqualTo("/docs/default/component/orders/operations/");

            Document operations = Jsoup.parse(session.get("/docs/default/component/orders/operations/").body());
            assertThat(operations.select(".techdocs-toc li a").eachAttr("href")).containsExactly("#restarting", "#monitoring");
            assertThat(operations.select(".techdocs-toc li a").eachText()).containsExactly("Restarting", "Monitoring");
            assertThat(operations.select(".techdocs-content .admonition").text()).contains("Drain the queue first.");
            assertThat(operations.select(".techdocs-content script, .techdocs-content [onerror]")).isEmpty();
            assertThat(operations.html()).doesNotContain("tampered");
            // only the theme's article is shown: nothing of the MkDocs page's head (its Google Fonts link) reaches the portal
            assertThat(operations.html()).doesNotContain("fonts.googleapis.com");
            assertThat(operations.select(".docs-pager a[rel=prev]").attr("href")).isEqualTo("/docs/default/component/orders/");

            assertThat(session.get("/docs/default/component/orders/-/search?q=grafana").body()).contains("/docs/default/component/orders/operations/#monitoring");
        }
    }

    static Path fixture() throws URISyntaxException {
        return Path.of(MkdocsSitesIT.class.getResource("/mkdocs-site/techdocs_metadata.json").toURI()).getParent();
    }
}
