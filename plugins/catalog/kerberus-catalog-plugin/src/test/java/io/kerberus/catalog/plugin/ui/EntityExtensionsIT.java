package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.CatalogExtensions;
import io.kerberus.catalog.EntityCard;
import io.kerberus.catalog.EntityTab;
import io.kerberus.plugin.ModuleContext;
import io.kerberus.plugin.PluginModule;
import io.kerberus.plugin.ui.Html;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Other plugins add entity tabs and Overview cards through the catalog's extension points, for the entities they choose. */
class EntityExtensionsIT {

    /** A module adding a "Docs" tab to Java entities, a card to services and a card that always fails. */
    static final class DocsModule implements PluginModule {
        @Override
        public String pluginId() {
            return "catalog";
        }

        @Override
        public String moduleId() {
            return "docs-test";
        }

        @Override
        public void init(ModuleContext context) {
            context.extensionPoint(CatalogExtensions.ENTITY_TABS).add(new EntityTab("docs", "Docs", 300,
                    entity -> entity.tags().contains("java"), (entity, request) -> Html.format("<p class=\"docs\">Docs of {}</p>", entity.name())));
            context.extensionPoint(CatalogExtensions.ENTITY_CARDS).add(new EntityCard("On call", 10, false,
                    entity -> "service".equals(entity.specString("type").orElse("")), (entity, request) -> Html.text("Pager: " + entity.name())));
            context.extensionPoint(CatalogExtensions.ENTITY_CARDS).add(new EntityCard("Broken", 20, false, entity -> true, (entity, request) -> {
                throw new IllegalStateException("the metrics backend is down");
            }));
        }
    }

    static UiCatalog catalog;
    static TestSession session;

    @BeforeAll
    static void start() {
        catalog = UiCatalog.start(TestDatabase.H2, new DocsModule());
        session = catalog.backend.guestSession();
    }

    @AfterAll
    static void stop() {
        catalog.close();
    }

    @Test
    void addsTabsOnlyToTheEntitiesTheyApplyTo() {
        Document java = Jsoup.parse(session.get("/catalog/default/component/orders-service").body());
        assertThat(java.select(".tabs .tab").eachText()).containsExactly("Overview", "Dependencies", "Relations", "Docs");
        assertThat(Jsoup.parse(session.get("/catalog/default/component/orders-service/docs").body()).select(".tab-panel .docs").text())
                .isEqualTo("Docs of orders-service");

        Document go = Jsoup.parse(session.get("/catalog/default/component/svc-01").body());
        assertThat(go.select(".tabs .tab").eachText()).doesNotContain("Docs");
        assertThat(session.get("/catalog/default/component/svc-01/docs").status()).isEqualTo(404);
    }

    @Test
    void addsCardsAndAFailingCardDoesNotBreakThePage() {
        var page = session.get("/catalog/default/component/orders-service");
        Document html = Jsoup.parse(page.body());

        assertThat(page.status()).isEqualTo(200);
        assertThat(html.select(".card-title").eachText()).containsSubsequence("About", "On call", "Broken", "Provided APIs (1)", "Relations");
        assertThat(html.select("section.card:has(.card-title:containsOwn(On call)) .card-body").text()).isEqualTo("Pager: orders-service");
        assertThat(html.select("section.card:has(.card-title:containsOwn(Broken)) .error-panel").text()).contains("This card failed")
                .doesNotContain("metrics backend");
        assertThat(Jsoup.parse(session.get("/catalog/default/api/orders-api").body()).select(".card-title").eachText()).doesNotContain("On call");
    }
}
