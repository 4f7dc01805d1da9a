package io.kerberus.search.plugin;

import io.kerberus.test.Browser;
import io.kerberus.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Search in headless Chromium: "/" focuses the header box, suggestions appear as you type, the search page filters in place. */
@DisplayName("Search in a browser (issue #6)")
class SearchBrowserIT {

    static final Path SHOTS = Path.of("target", "screenshots");

    static SearchPortal portal;
    static Browser browser;

    @BeforeAll
    static void start() {
        portal = SearchPortal.start(TestDatabase.H2, "");
        browser = Browser.start(1400, 1000);
        browser.signInAsGuest(portal.backend.url());
    }

    @AfterAll
    static void stop() {
        browser.close();
        portal.close();
    }

    @Test
    void slashFocusesTheHeaderBoxAndSuggestionsLeadToTheEntity() {
        browser.open(portal.backend.url() + "/catalog");
        browser.waitFor(By.cssSelector(".header-search input"));
        new Actions(browser.driver()).sendKeys("/").perform();
        browser.waitUntil("document.activeElement && document.activeElement.matches('.header-search input')");
        new Actions(browser.driver()).sendKeys("ordres").perform();
        WebElement first = browser.waitFor(By.cssSelector(".search-suggestions li[role=option] a"));
        assertThat(first.getAttribute("href")).endsWith("/catalog/default/component/orders");
        browser.screenshotFullPage(SHOTS.resolve("search-suggestions.png"));
        first.click();
        browser.waitForPath("/catalog/default/component/orders");
    }

    @Test
    void theSearchPageFiltersAndSwitchesTypesInPlace() {
        browser.open(portal.backend.url() + "/search?term=orders");
        browser.waitFor(By.cssSelector(".search-result"));
        browser.script("window.notReloaded = true");
        new Select(browser.driver().findElement(By.name("kind"))).selectByValue("api");
        browser.waitUntil("document.querySelectorAll('.search-result').length === 1");
        assertThat(browser.driver().findElement(By.cssSelector(".search-result-title")).getText()).isEqualTo("orders-events");
        assertThat(browser.driver().getCurrentUrl()).contains("kind=api");

        WebElement box = browser.driver().findElement(By.cssSelector(".search-form input[type=search]"));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), "widget");
        // typing searches as you type (no widget is an API): wait for that answer before changing the filter
        browser.waitUntil("location.search.indexOf('term=widget') >= 0 && document.querySelector('.search-body .empty-state, .search-body') !== null"
                + " && document.querySelectorAll('.search-result').length === 0");
        new Select(browser.driver().findElement(By.name("kind"))).selectByValue("");
        browser.waitUntil("document.querySelectorAll('.search-result').length === 20");
        assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
        browser.screenshotFullPage(SHOTS.resolve("search-page.png"));

        browser.driver().findElement(By.cssSelector(".pager a[rel=next]")).click();
        browser.waitUntil("document.querySelectorAll('.search-result').length === 10");
        browser.driver().findElement(By.xpath("//nav[contains(@class,'search-tabs')]/a[normalize-space()='Docs']")).click();
        browser.waitUntil("location.search.indexOf('type=techdocs') >= 0");
        assertThat(browser.driver().findElement(By.cssSelector(".search-tabs a.active")).getText()).isEqualTo("Docs");
    }
}
