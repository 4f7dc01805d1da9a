package io.kerberus.test;

import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import io.kerberus.plugin.ui.Card;
import io.kerberus.plugin.ui.HomeCard;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.Icon;
import io.kerberus.plugin.ui.NavItem;
import io.kerberus.plugin.ui.View;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

class ShellBrowserIT {

    /** A plugin with a page, a nav item and a home card, the way real plugins add to the shell. */
    static final class GardenPlugin implements Plugin {
        @Override
        public String id() {
            return "garden";
        }

        @Override
        public void init(PluginContext context) {
            context.pages().get("", request -> View.of("Garden", Card.of("Plants", Html.text("<script>window.hacked = true</script> tulips"))));
            context.pages().nav(new NavItem("Garden", "/garden", Icon.PLUGIN, 500));
            context.pages().homeCard(new HomeCard("Garden news", 100, false, request -> Html.text("The tulips are out.")));
            context.pages().homeCard(new HomeCard("Broken card", 200, false, request -> {
                throw new IllegalStateException("card exploded");
            }));
        }
    }

    static TestBackend backend;
    static Browser browser;

    @BeforeAll
    static void start() {
        backend = TestBackend.builder().plugins(new GardenPlugin()).config("app:\n  title: Acme Portal\n  branding:\n    primaryColor: '#0f766e'\n").start();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        browser.close();
        backend.close();
    }

    @Test
    void guestSignsInUsesTheShellAndSignsOut() {
        browser.open(backend.url() + "/garden");
        browser.waitForPath("/sign-in");
        browser.waitFor(By.cssSelector(".sign-in-options button")).click();
        browser.waitForPath("/garden");

        assertThat(browser.waitFor(By.cssSelector("h1.page-title")).getText()).isEqualTo("Garden");
        assertThat(browser.driver().findElement(By.cssSelector(".brand-title")).getText()).isEqualTo("Acme Portal");
        assertThat(browser.driver().findElement(By.cssSelector(".card-body")).getText()).contains("<script>window.hacked = true</script> tulips");
        assertThat(browser.script("return window.hacked === undefined")).isEqualTo(true);
        assertThat(browser.script("return getComputedStyle(document.documentElement).getPropertyValue('--brand-primary').trim()")).isEqualTo("#0f766e");

        browser.driver().findElement(By.cssSelector(".sidebar a[href='/']")).click();
        browser.waitForPath("/");
        assertThat(browser.driver().findElement(By.cssSelector(".sidebar a[href='/']")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.driver().findElement(By.cssSelector(".home-grid")).getText())
                .contains("Garden news").contains("The tulips are out.").contains("This card could not load");

        browser.driver().findElement(By.cssSelector(".sidebar a[href='/garden']")).click();
        browser.waitForPath("/garden");
        assertThat(browser.driver().findElement(By.cssSelector(".sidebar a[href='/garden']")).getAttribute("aria-current")).isEqualTo("page");

        browser.driver().findElement(By.cssSelector(".user-menu summary")).click();
        browser.waitFor(By.cssSelector(".user-menu .menu-button")).click();
        browser.waitForPath("/sign-in");
        browser.open(backend.url() + "/");
        browser.waitForPath("/sign-in");
    }

    @Test
    void themeToggleSwitchesAndIsRememberedForTheUser() {
        browser.signInAsGuest(backend.url());
        String before = (String) browser.script("return document.documentElement.dataset.theme");

        browser.waitFor(By.cssSelector(".theme-toggle button")).click();
        browser.waitUntil("document.documentElement.dataset.theme === 'dark'");
        browser.driver().navigate().refresh();

        String after = (String) browser.waitFor(By.tagName("html")).getAttribute("data-theme");
        assertThat(before).isIn("auto", "light");
        assertThat(after).isEqualTo("dark");
        String background = (String) browser.script("return getComputedStyle(document.body).backgroundColor");
        assertThat(background).isNotEqualTo("rgb(255, 255, 255)");

        browser.waitFor(By.cssSelector(".theme-toggle button")).click();
        browser.waitUntil("document.documentElement.dataset.theme === 'light'");
        browser.driver().navigate().refresh();
        assertThat(browser.waitFor(By.tagName("html")).getAttribute("data-theme")).isEqualTo("light");
    }

    @Test
    void keyboardUsersCanSkipToTheContent() {
        browser.signInAsGuest(backend.url());

        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement focused = browser.driver().switchTo().activeElement();

        assertThat(focused.getAttribute("class")).contains("skip-link");
        focused.sendKeys(Keys.ENTER);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }

    @Test
    void phoneWidthHidesTheSidebarBehindTheMenuButton() {
        try (Browser phone = Browser.start(390, 844)) {
            phone.signInAsGuest(backend.url());
            WebElement toggle = phone.waitFor(By.cssSelector(".nav-toggle"));
            WebElement homeLink = phone.driver().findElement(By.cssSelector(".sidebar a[href='/garden']"));
            assertThat(homeLink.isDisplayed() && isOnScreen(phone, homeLink)).isFalse();

            toggle.click();

            phone.waitFor(By.cssSelector(".sidebar a[href='/garden']"));
            assertThat(isOnScreen(phone, homeLink)).isTrue();
            assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(phone.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        }
    }

    private static boolean isOnScreen(Browser browser, WebElement element) {
        return (Boolean) browser.script("const r = arguments[0].getBoundingClientRect(); return r.right > 0 && r.left < window.innerWidth;", element);
    }
}
