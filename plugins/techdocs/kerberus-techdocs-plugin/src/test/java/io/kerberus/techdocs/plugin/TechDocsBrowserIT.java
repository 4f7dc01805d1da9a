package io.kerberus.techdocs.plugin;

import io.kerberus.techdocs.plugin.build.BuildListener;
import io.kerberus.techdocs.plugin.build.SiteBuilder;
import io.kerberus.test.Browser;
import io.kerberus.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TechDocs in headless Chromium: the Docs tab builds on first view and shows the docs when ready,
 * nav and pager lead through the site, content tabs switch without script, code is highlighted,
 * Mermaid draws, in-docs search finds a section; a built site opened from disk draws its nav. Screenshots go to {@code target/screenshots}.
 */
@DisplayName("TechDocs in a browser (issue #5)")
class TechDocsBrowserIT {

    static final Path SHOTS = Path.of("target", "screenshots");

    static DocsPortal portal;
    static Browser browser;

    @BeforeAll
    static void start() {
        portal = DocsPortal.start(TestDatabase.H2, "");
        browser = Browser.start(1400, 1000);
        browser.signInAsGuest(portal.backend.url());
    }

    @AfterAll
    static void stop() {
        browser.close();
        portal.close();
    }

    static void open(String path) {
        browser.open(portal.backend.url() + path);
    }

    @Test
    void docsTabBuildsThenNavLeadsThroughTheSite() {
        open("/catalog/default/component/orders");
        browser.waitFor(By.cssSelector(".tabs a[href$='/docs']")).click();
        // the first view builds the site; the tab follows the build and shows the docs when it is done
        WebElement title = browser.waitFor(By.cssSelector(".techdocs-tab .techdocs-content h1"));
        assertThat(title.getText()).startsWith("Orders Service");
        browser.screenshotFullPage(SHOTS.resolve("techdocs-tab.png"));

        browser.driver().findElement(By.cssSelector(".techdocs-tab .techdocs-nav summary")).click();
        browser.waitFor(By.linkText("Setup")).click();
        browser.waitForPath("/docs/default/component/orders/guide/setup/");
        assertThat(browser.waitFor(By.cssSelector(".techdocs-nav a.active")).getText()).isEqualTo("Setup");
        assertThat(browser.driver().findElement(By.cssSelector(".techdocs-toc a[href='#install']")).isDisplayed()).isTrue();
        browser.waitUntil("document.querySelector('.techdocs-content pre.mermaid svg') !== null");
        browser.waitUntil("document.querySelector('.techdocs-content code.language-bash.hljs') !== null");
        browser.screenshotFullPage(SHOTS.resolve("techdocs-page.png"));

        browser.driver().findElement(By.cssSelector(".docs-pager a[rel=next]")).click();
        browser.waitForPath("/docs/default/component/orders/guide/features/");
        WebElement java = browser.waitFor(By.xpath("//div[contains(@class,'tabbed-set')]//code[contains(@class,'language-java')]"));
        assertThat(java.isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(By.xpath("//div[contains(@class,'tabbed-set')]//code[contains(@class,'language-kotlin')]")).isDisplayed())
                .isFalse();
        browser.driver().findElement(By.xpath("//div[contains(@class,'tabbed-set')]//label[normalize-space()='Kotlin']")).click();
        browser.waitUntil("document.querySelector('.tabbed-set code.language-kotlin').offsetParent !== null");
        assertThat(java.isDisplayed()).isFalse();
    }

    @Test
    void builtSiteOpenedFromDiskDrawsItsNavFromTheNavScript(@TempDir Path out) throws Exception {
        Path corpus = Path.of(TechDocsBrowserIT.class.getResource("/corpus/mkdocs.yml").toURI()).getParent();
        new SiteBuilder(name -> null, "kerberus test").build(corpus, out.resolve("site"), "orders", BuildListener.NONE);

        browser.open(out.resolve("site/guide/setup/index.html").toUri().toString());

        // assets/nav.js holds the nav once; it marks the page shown and opens the sections around it
        WebElement active = browser.waitFor(By.cssSelector(".site-nav a.active"));
        assertThat(active.getText()).isEqualTo("Setup");
        assertThat(active.getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.script("return [...document.querySelectorAll('.site-nav details[open] > summary')].map(s => s.textContent)"))
                .asList().containsExactly("Guide");
        assertThat(browser.script("return document.querySelector('.site-nav a[href=\"../../guide/features/\"]').href"))
                .asString().startsWith("file:").endsWith("/site/guide/features/");
        assertThat(browser.script("return document.querySelector('.site-nav a[href=\"../../\"]').textContent")).isEqualTo("Home");
        assertThat(browser.script("return document.querySelector('.site-nav a[target=_blank]').getAttribute('href')"))
                .isEqualTo("https://status.acme.example");
        browser.screenshot(SHOTS.resolve("techdocs-standalone.png"));
    }

    @Test
    void searchesInsideTheDocs() {
        open("/docs/default/component/orders/");
        browser.waitUntil("document.querySelector('.techdocs-reader') !== null || document.querySelector('.techdocs-building') !== null");
        WebElement box = browser.waitFor(By.cssSelector(".techdocs-search input[type=search]"));
        box.sendKeys("postgresql");
        WebElement hit = browser.waitFor(By.cssSelector(".techdocs-search-results li a"));
        assertThat(hit.getText()).isEqualTo("Storage");
        hit.click();
        browser.waitForPath("/docs/default/component/orders/guide/internals/");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#storage");
    }

    @Test
    void listsDocumentedEntitiesAndFiltersInPlace() {
        open("/docs");
        browser.waitFor(By.cssSelector("#docs-view table"));
        browser.script("window.notReloaded = true");
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.name("owner"))).selectByValue("team-b");
        browser.waitUntil("document.querySelectorAll('#docs-view tbody tr').length === 1");
        assertThat(browser.driver().findElement(By.cssSelector("#docs-view tbody td a")).getText()).isEqualTo("remote");
        assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
        assertThat(browser.driver().getCurrentUrl()).contains("owner=team-b");
    }
}
