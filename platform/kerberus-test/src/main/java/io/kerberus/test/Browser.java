package io.kerberus.test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A headless Chromium for page tests: Debian's {@code chromium} and {@code chromedriver}, never a
 * download. {@code ./kerberus test} installs them; a missing one fails with what to install.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("KERBERUS_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("KERBERUS_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser with a 1280x900 window. */
    public static Browser start() {
        return start(1280, 900);
    }

    /** Starts a browser with the given window size (390x844 for a phone). */
    public static Browser start(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": run ./kerberus test (it installs them as root) or apt-get install chromium chromium-driver");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            Path profile = Files.createTempDirectory("kerberus-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--window-size=" + width + "," + height,
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Waits up to 10 s for an element to be visible. */
    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits up to 10 s until the page's path is {@code path}. */
    public void waitForPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> java.net.URI.create(d.getCurrentUrl()).getPath().equals(path));
    }

    /** Signs in as guest through the sign-in page (signing out whoever was signed in), ending on {@code /}. */
    public void signInAsGuest(String baseUrl) {
        open(baseUrl + "/healthcheck");
        driver.manage().deleteAllCookies();
        open(baseUrl + "/sign-in");
        waitFor(By.cssSelector(".sign-in-options button")).click();
        waitForPath("/");
    }

    /** Waits up to 10 s until a JavaScript expression is true. */
    public void waitUntil(String booleanExpression) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(driver.executeScript("return " + booleanExpression)));
    }

    /** Runs JavaScript in the page and returns its result. */
    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Saves a PNG screenshot, for looking at a page while writing a test. */
    public void screenshot(Path file) {
        try {
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves a PNG of the whole page (the window grown to the page's height, up to 5000 px, then put
     * back), creating the folder; for the screenshots a test run leaves under {@code target/screenshots}.
     */
    public void screenshotFullPage(Path file) {
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        long height = ((Number) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(), (int) Math.min(5000, Math.max(height, before.getHeight()))));
            screenshot(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
