package io.kerberus.catalog.plugin.ui;

import io.kerberus.test.Browser;
import io.kerberus.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog pages in headless Chromium: filtering, paging and sorting the table in place, entity
 * tabs, following a graph node, Swagger UI, importing and unregistering, the keyboard, a phone-width
 * screen and the dark theme. Screenshots of the main pages go to {@code target/screenshots}.
 */
@DisplayName("Catalog pages in a browser (issue #4)")
class CatalogBrowserIT {

    static final Path SHOTS = Path.of("target", "screenshots");

    static UiCatalog catalog;
    static Browser browser;

    @BeforeAll
    static void start() {
        catalog = UiCatalog.start(TestDatabase.H2);
        browser = Browser.start(1400, 1000);
        browser.signInAsGuest(catalog.backend.url());
    }

    @AfterAll
    static void stop() {
        browser.close();
        catalog.close();
    }

    @BeforeEach
    void wideWindow() {
        browser.driver().manage().window().setSize(new Dimension(1400, 1000));
    }

    @Test
    void filtersPagesAndSortsTheTableInPlace() {
        open("/catalog");
        browser.screenshotFullPage(SHOTS.resolve("catalog.png"));
        browser.script("window.notReloaded = true");

        new Select(browser.driver().findElement(By.name("kind"))).selectByValue("api");
        waitUntil(() -> rowNames().equals(List.of("events-api", "orders-api", "search-api")));
        assertThat(query()).contains("kind=api");

        new Select(browser.driver().findElement(By.name("kind"))).selectByValue("component");
        waitUntil(() -> rowNames().size() == 25);
        new Select(browser.driver().findElement(By.name("owner"))).selectByValue("group:default/team-b");
        waitUntil(() -> rowNames().size() == 16 && rowNames().contains("hostile") && !rowNames().contains("svc-01"));
        assertThat(query()).contains("owner=group%3Adefault%2Fteam-b");

        new Select(browser.driver().findElement(By.name("owner"))).selectByValue("");
        waitUntil(() -> rowNames().size() == 25);
        browser.driver().findElement(By.cssSelector("#catalog-table-results .pager a[rel=next]")).click();
        waitUntil(() -> rowNames().size() == UiCatalog.COMPONENTS - 25);
        assertThat(query()).contains("page=2");

        browser.driver().findElement(By.cssSelector("#catalog-table-results th a")).click();
        waitUntil(() -> !rowNames().isEmpty() && rowNames().getFirst().equals("svc-30"));
        assertThat(query()).contains("dir=desc");
        assertThat(browser.script("return window.notReloaded === true")).as("htmx swapped the table without a page load").isEqualTo(true);
    }

    @Test
    void opensAnEntitySwitchesTabsAndFollowsAGraphNode() {
        open("/catalog?q=orders");
        waitUntil(() -> rowNames().contains("Orders Service"));
        browser.driver().findElement(By.linkText("Orders Service")).click();
        browser.waitForPath("/catalog/default/component/orders-service");
        browser.screenshotFullPage(SHOTS.resolve("entity-overview.png"));

        browser.driver().findElement(By.linkText("Dependencies")).click();
        browser.waitForPath("/catalog/default/component/orders-service/dependencies");
        assertThat(browser.waitFor(By.cssSelector(".tab.active")).getText()).isEqualTo("Dependencies");

        browser.driver().findElement(By.linkText("Relations")).click();
        browser.waitForPath("/catalog/default/component/orders-service/relations");
        browser.waitFor(By.cssSelector("svg.graph-svg"));
        browser.screenshotFullPage(SHOTS.resolve("entity-relations.png"));
        browser.driver().findElement(By.cssSelector("svg.graph-svg a[href='/catalog/default/group/team-a']")).click();
        browser.waitForPath("/catalog/default/group/team-a");
        assertThat(browser.waitFor(By.cssSelector("h1.page-title")).getText()).isEqualTo("Team A");
        browser.screenshotFullPage(SHOTS.resolve("group.png"));
    }

    @Test
    void showsOpenApiInSwaggerUiAndHighlightsOtherDefinitions() {
        open("/catalog/default/api/orders-api");
        browser.driver().findElement(By.linkText("Definition")).click();
        browser.waitForPath("/catalog/default/api/orders-api/definition");
        WebElement operation = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector(".swagger-ui .opblock-summary-path")).stream().findFirst().orElse(null));
        assertThat(operation.getText()).contains("/orders/{id}");
        browser.screenshotFullPage(SHOTS.resolve("api-definition.png"));

        open("/catalog/default/api/search-api/definition");
        browser.waitUntil("document.querySelector('pre.definition-source code.hljs .hljs-keyword') !== null");
    }

    @Test
    void registersALocationFromTheImportPageAndUnregistersIt() {
        open("/catalog-import");
        browser.waitForPath("/catalog/import");
        browser.waitFor(By.id("import-target")).sendKeys(catalog.dir.resolve("import-me.yaml").toString());
        browser.driver().findElement(By.cssSelector("form[action='/catalog/import'] button[type=submit]")).click();
        waitUntil(() -> browser.driver().findElements(By.cssSelector("td[data-label=Name]")).size() == 2);
        browser.screenshotFullPage(SHOTS.resolve("import-preview.png"));

        browser.driver().findElement(By.xpath("//button[normalize-space()='Import']")).click();
        browser.waitFor(By.linkText("component:default/imported-service")).click();
        browser.waitForPath("/catalog/default/component/imported-service");

        browser.driver().findElement(By.linkText("Unregister")).click();
        browser.waitForPath("/catalog/default/component/imported-service/unregister");
        browser.driver().findElement(By.xpath("//button[normalize-space()='Unregister location']")).click();
        browser.waitForPath("/catalog");
        assertThat(browser.waitFor(By.cssSelector(".notice.success")).getText()).startsWith("Unregistered");
        open("/catalog/default/component/imported-service");
        assertThat(browser.waitFor(By.cssSelector(".error-page")).getText()).contains("There is no component named \"imported-service\"");
    }

    @Test
    void starsAnEntityWithTheKeyboardWithoutReloadingThePage() {
        open("/catalog/default/component/svc-03");
        browser.script("window.notReloaded = true");
        WebElement star = browser.waitFor(By.cssSelector("button.star"));
        assertThat(star.getAttribute("aria-pressed")).isEqualTo("false");

        star.sendKeys(Keys.ENTER);
        waitUntil(() -> "true".equals(browser.driver().findElement(By.cssSelector("button.star")).getAttribute("aria-pressed")));
        assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);

        open("/catalog?user=starred");
        assertThat(rowNames()).containsExactly("svc-03");
        browser.driver().findElement(By.cssSelector("input[name=user][value=all]")).click();
        waitUntil(() -> rowNames().size() == 25);
    }

    @Test
    void fitsAPhoneScreenAndReadsWellInBothThemes() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        for (String path : List.of("/catalog", "/catalog/default/component/orders-service", "/catalog/default/group/team-a")) {
            open(path);
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                    .as("%s scrolls sideways on a phone", path).isEqualTo(true);
        }
        browser.screenshotFullPage(SHOTS.resolve("group-phone.png"));
        open("/catalog");
        browser.screenshotFullPage(SHOTS.resolve("catalog-phone.png"));

        browser.driver().manage().window().setSize(new Dimension(1400, 1000));
        open("/catalog/default/component/orders-service");
        for (String theme : List.of("light", "dark")) {
            browser.script("document.documentElement.dataset.theme = arguments[0]", theme);
            for (String selector : List.of("h1.page-title", ".kv dd", "#main a", ".badge")) {
                double contrast = ((Number) browser.script(CONTRAST, selector)).doubleValue();
                assertThat(contrast).as("contrast of %s in the %s theme", selector, theme).isGreaterThanOrEqualTo(4.5);
            }
            browser.screenshotFullPage(SHOTS.resolve("entity-" + theme + ".png"));
        }
    }

    /** WCAG contrast of an element's text against the first opaque background behind it. */
    static final String CONTRAST = """
            const el = document.querySelector(arguments[0]);
            const rgb = s => { const n = s.match(/[0-9.]+/g).map(Number); return s.startsWith('color(') ? n.slice(0, 3).map(v => v * 255).concat(n.slice(3)) : n; };
            const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                               return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            let bg = null;
            for (let node = el; node && !bg; node = node.parentElement) {
              const c = rgb(getComputedStyle(node).backgroundColor);
              if (c.length < 4 || c[3] > 0.9) { if (c.length < 4 || c[3] > 0) bg = c; }
            }
            bg = bg || rgb(getComputedStyle(document.body).backgroundColor);
            const fg = rgb(getComputedStyle(el).color);
            const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
            return (a + 0.05) / (b + 0.05);
            """;

    private static void open(String path) {
        browser.open(catalog.backend.url() + path);
    }

    private static String query() {
        String query = URI.create(browser.driver().getCurrentUrl()).getRawQuery();
        return query == null ? "" : query;
    }

    private static List<String> rowNames() {
        try {
            return browser.driver().findElements(By.cssSelector("#catalog-table-results tbody td[data-label=Name]")).stream().map(WebElement::getText).toList();
        } catch (StaleElementReferenceException e) {
            return List.of();
        }
    }

    private static void waitUntil(BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }
}
