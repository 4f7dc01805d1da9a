package io.kerberus.example.plugin;

import io.kerberus.test.Browser;
import io.kerberus.test.TestBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The announcements page in a real browser: nav, form post, and the filter box updating the table through htmx. */
class ExamplePluginBrowserIT {

    static TestBackend backend;
    static Browser browser;

    @BeforeAll
    static void start() {
        backend = TestBackend.builder().plugins(new ExamplePlugin()).config("example:\n  enabled: true\n").start();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        browser.close();
        backend.close();
    }

    @Test
    void guestPostsAnnouncementsAndFiltersTheTableInPlace() {
        browser.signInAsGuest(backend.url());
        browser.waitFor(By.linkText("Announcements")).click();
        browser.waitForPath("/example");

        post("Sprint demo", "Friday at 3pm in the big room");
        post("Coffee machine fixed", "Finally");

        assertThat(rowTitles()).containsExactly("Coffee machine fixed", "Sprint demo");
        assertThat(browser.driver().findElement(By.cssSelector(".sidebar a[href='/example']")).getAttribute("aria-current")).isEqualTo("page");

        browser.script("window.loadedOnce = true");
        browser.driver().findElement(By.cssSelector("#announcements input[type=search]")).sendKeys("demo");

        waitUntil(() -> rowTitles().equals(List.of("Sprint demo")));
        assertThat(browser.script("return window.loadedOnce === true")).as("the page was not reloaded").isEqualTo(true);
        assertThat(URI.create(browser.driver().getCurrentUrl()).getQuery()).isEqualTo("q=demo");
        assertThat(browser.driver().findElement(By.cssSelector("#announcements input[type=search]")).getAttribute("value")).isEqualTo("demo");
    }

    private static void post(String title, String body) {
        browser.waitFor(By.id("title")).sendKeys(title);
        browser.driver().findElement(By.id("body")).sendKeys(body);
        browser.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitUntil(() -> rowTitles().contains(title));
        assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).isEqualTo("/example");
    }

    private static List<String> rowTitles() {
        return browser.driver().findElements(By.cssSelector("#announcements-results tbody td[data-label='Title']")).stream()
                .map(WebElement::getText).toList();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }
}
