package io.kerberus.scaffolder.plugin.ui;

import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.scaffolder.plugin.ScaffolderPlugin;
import io.kerberus.test.Browser;
import io.kerberus.test.Eventually;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestSession;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating a component in headless Chromium: pick a template, fill its form (a wrong name corrected
 * after the page says what is wrong), review, watch the live log, open the created entity. The run
 * pushes to a real local bare repository and registers it in the catalog.
 */
@DisplayName("Create a component in a browser (issue #7)")
class ScaffolderBrowserIT {

    static final Path SHOTS = Path.of("target", "screenshots");

    static final String TEMPLATE = """
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata:
              name: browser-service
              title: Browser service
              description: A service made in the browser test
              tags: [java]
            spec:
              owner: team-a
              type: service
              parameters:
                - title: Name the component
                  required: [name]
                  properties:
                    name: {title: Name, type: string, ui:field: EntityNamePicker, ui:autofocus: true}
                    description: {title: Description, type: string, default: Made by a test}
                - title: Choose the owner
                  required: [owner]
                  properties:
                    owner: {title: Owner, type: string, ui:field: OwnerPicker, ui:options: {catalogFilter: {kind: Group}}}
              steps:
                - id: fetch
                  name: Fetch the skeleton
                  action: fetch:template
                  input:
                    url: ./skeleton
                    values: {name: '${{ parameters.name }}', owner: '${{ parameters.owner }}', description: '${{ parameters.description }}'}
                - id: pause
                  name: Think it over
                  action: debug:wait
                  input: {seconds: 2}
                - id: publish
                  name: Publish
                  action: publish:git
                  input: {repoUrl: 'file://%s/${{ parameters.name }}.git'}
                - id: register
                  name: Register
                  action: catalog:register
                  input: {repoContentsUrl: '${{ steps.publish.output.repoContentsUrl }}', catalogInfoPath: /catalog-info.yaml}
              output:
                links:
                  - {title: Open in catalog, entityRef: '${{ steps.register.output.entityRef }}'}
                  - {title: Repository, url: '${{ steps.publish.output.remoteUrl }}'}
            """;

    static final String CATALOG_INFO = """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: ${{ values.name }}
              description: ${{ values.description }}
            spec:
              type: service
              lifecycle: experimental
              owner: ${{ values.owner }}
            """;

    static final Path DEMO_TEMPLATES = Path.of("../../../app/kerberus-app/src/main/resources/demo/catalog/templates");

    static Path dir;
    static Path repos;
    static TestBackend backend;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("scaffolder-browser");
        repos = Files.createDirectories(dir.resolve("repos"));
        Files.createDirectories(dir.resolve("skeleton"));
        Files.writeString(dir.resolve("skeleton/catalog-info.yaml"), CATALOG_INFO);
        Files.writeString(dir.resolve("template.yaml"), TEMPLATE.formatted(repos));
        Files.writeString(dir.resolve("org.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: team-a, title: Team A}
                spec: {type: team, children: []}
                """);
        Git.init().setBare(true).setDirectory(repos.resolve("browser-made.git").toFile()).call().close();
        // the app's demo Java service template, as ./kerberus start serves it: it publishes to ../../../demo-git
        Path demo = Files.createDirectories(dir.resolve("demo-catalog/templates"));
        io.kerberus.scaffolder.plugin.api.DemoTemplatesIT.copyTree(DEMO_TEMPLATES.resolve("java-service"), demo.resolve("java-service"));
        backend = TestBackend.builder().plugins(new CatalogPlugin(), new ScaffolderPlugin()).database(TestDatabase.H2).config("""
                catalog:
                  processingInterval: 1h
                  fileRoots: ['%s']
                  rules: [{allow: [Component, Group, Location, Template]}]
                  locations:
                    - {type: file, target: '%s'}
                    - {type: file, target: '%s'}
                    - {type: file, target: '%s'}
                scaffolder:
                  enabled: true
                  pollInterval: 100ms
                """.formatted(dir, dir.resolve("template.yaml"), dir.resolve("org.yaml"),
                dir.resolve("demo-catalog/templates/java-service/template.yaml"))).start();
        TestSession session = TestSession.signInAsGuest(backend);
        Eventually.until(() -> session.get("/create").body().contains("Browser service") && session.get("/create").body().contains("Java service (Maven)"),
                "the templates in the catalog");
        browser = Browser.start(1300, 950);
        browser.signInAsGuest(backend.url());
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        backend.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void createsAComponentFromATemplate() throws Exception {
        browser.open(backend.url() + "/create");
        browser.waitFor(By.cssSelector("[data-template='template:default/browser-service'] a.button")).click();
        browser.waitForPath("/create/templates/default/browser-service");

        WebElement name = browser.waitFor(By.name("v.name"));
        name.sendKeys("Not A Name!");
        browser.driver().findElement(By.cssSelector("button[value=next]")).click();
        WebElement error = browser.waitFor(By.cssSelector(".field-error"));
        assertThat(error.getText()).isNotBlank();
        assertThat(browser.driver().findElement(By.name("v.name")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshotFullPage(SHOTS.resolve("create-form-error.png"));

        WebElement again = browser.driver().findElement(By.name("v.name"));
        again.clear();
        again.sendKeys("browser-made");
        browser.driver().findElement(By.cssSelector("button[value=next]")).click();
        browser.waitFor(By.xpath("//li[@aria-current='step'][contains(., 'Choose the owner')]"));
        chooseOwner("group:default/team-a");
        browser.driver().findElement(By.cssSelector("button[value=next]")).click();

        WebElement review = browser.waitFor(By.cssSelector(".review"));
        assertThat(review.getText()).contains("browser-made", "Made by a test");
        browser.screenshotFullPage(SHOTS.resolve("create-review.png"));
        browser.script("window.sameDocument = true");
        browser.driver().findElement(By.cssSelector("button[value=create]")).click();

        // the run page follows the log live while the wait step runs, without reloading
        browser.waitUntil("location.pathname.startsWith('/create/tasks/') && document.querySelector('#task') !== null");
        browser.script("window.sameDocument = true");
        browser.waitUntil("document.getElementById('task-log').textContent.includes('[pause]')");
        assertThat(browser.script("return window.sameDocument === true && document.querySelector('#task').dataset.taskStatus !== 'completed'"))
                .isEqualTo(true);
        browser.screenshotFullPage(SHOTS.resolve("create-running.png"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.script(
                "var t = document.querySelector('#task'); return t !== null && ['completed', 'failed', 'cancelled'].includes(t.dataset.taskStatus)")));
        browser.screenshotFullPage(SHOTS.resolve("create-done.png"));
        String log = browser.driver().findElement(By.id("task-log")).getText();
        assertThat(browser.driver().findElement(By.cssSelector("[data-task-badge]")).getText()).as(log).isEqualTo("completed");
        assertThat(log).contains("[publish]", "[register]");
        WebElement open = browser.waitFor(By.linkText("Open in catalog"));

        open.click();
        browser.waitForPath("/catalog/default/component/browser-made");
        assertThat(browser.waitFor(By.cssSelector("h1")).getText()).contains("browser-made");
        assertThat(pushedFile(repos.resolve("browser-made.git"), "catalog-info.yaml")).contains("name: browser-made", "owner: group:default/team-a");
    }

    @Test
    void createsAServiceFromTheDemoJavaServiceTemplate() throws Exception {
        browser.open(backend.url() + "/create?tag=maven");
        browser.waitFor(By.cssSelector("[data-template='template:default/java-service'] a.button")).click();
        browser.waitForPath("/create/templates/default/java-service");
        browser.waitFor(By.name("v.name")).sendKeys("demo-made");
        chooseOwner("group:default/team-a");
        browser.driver().findElement(By.name("v.tags")).sendKeys("demo, browser");
        browser.driver().findElement(By.cssSelector("button[value=next]")).click();

        WebElement port = browser.waitFor(By.name("v.port"));
        port.clear();
        port.sendKeys("80");
        browser.driver().findElement(By.cssSelector("button[value=next]")).click();
        assertThat(browser.waitFor(By.cssSelector(".field-error")).getText()).contains("1024");
        WebElement again = browser.driver().findElement(By.name("v.port"));
        again.clear();
        again.sendKeys("8081");
        browser.driver().findElement(By.cssSelector("button[value=next]")).click();
        assertThat(browser.waitFor(By.cssSelector(".review")).getText()).contains("demo-made", "8081", "browser");
        browser.driver().findElement(By.cssSelector("button[value=create]")).click();

        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.script(
                "var t = document.querySelector('#task'); return t !== null && ['completed', 'failed', 'cancelled'].includes(t.dataset.taskStatus)")));
        String log = browser.driver().findElement(By.id("task-log")).getText();
        assertThat(browser.driver().findElement(By.cssSelector("[data-task-badge]")).getText()).as(log).isEqualTo("completed");
        assertThat(browser.driver().findElement(By.cssSelector(".task-text")).getText()).contains("git clone");
        browser.waitFor(By.linkText("Open in catalog")).click();
        browser.waitForPath("/catalog/default/component/demo-made");
        assertThat(pushedFile(dir.resolve("demo-git/demo-made.git"), "mkdocs.yml")).contains("demo-made");
        assertThat(pushedFile(dir.resolve("demo-git/demo-made.git"), "catalog-info.yaml"))
                .contains("name: demo-made", "owner: group:default/team-a", "- browser").doesNotContain("${{");
    }

    private static void chooseOwner(String ref) {
        WebElement owner = browser.waitFor(By.name("v.owner"));
        if (owner.getTagName().equals("select")) {
            new org.openqa.selenium.support.ui.Select(owner).selectByValue(ref);
        } else {
            owner.clear();
            owner.sendKeys(ref);
        }
    }

    private static String pushedFile(Path bare, String path) throws IOException {
        try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            var commit = walk.parseCommit(repo.resolve("refs/heads/main"));
            try (TreeWalk tree = TreeWalk.forPath(repo, path, commit.getTree())) {
                return new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
