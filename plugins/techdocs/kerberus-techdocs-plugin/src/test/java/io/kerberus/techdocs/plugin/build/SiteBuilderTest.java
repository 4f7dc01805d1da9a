package io.kerberus.techdocs.plugin.build;

import io.kerberus.techdocs.plugin.markdown.Warning;
import io.kerberus.techdocs.plugin.publish.Publisher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Builds the test corpus (every feature, broken links, hostile Markdown) and Backstage's example docs, and reads what was written. */
class SiteBuilderTest {

    static final JsonMapper JSON = JsonMapper.shared();
    static final SiteBuilder BUILDER = new SiteBuilder(name -> null, "kerberus test");

    @TempDir
    static Path out;
    static SiteBuilder.Result result;

    @BeforeAll
    static void build() throws Exception {
        result = BUILDER.build(corpus(), out.resolve("site"), "orders", BuildListener.NONE);
    }

    static Path corpus() throws URISyntaxException {
        return Path.of(SiteBuilderTest.class.getResource("/corpus/mkdocs.yml").toURI()).getParent();
    }

    static Document page(String url) throws Exception {
        return Jsoup.parse(Files.readString(out.resolve("site").resolve(url + "index.html")));
    }

    @Test
    void writesAPagePerMarkdownFileWithFolderUrls() {
        Path site = out.resolve("site");
        assertThat(result.pages()).isEqualTo(6);
        for (String page : List.of("index.html", "guide/setup/index.html", "guide/features/index.html", "guide/internals/index.html",
                "guide/broken/index.html", "hostile/index.html", "img/logo.png", "search/search_index.json", Publisher.METADATA, DocsSite.FILE,
                "assets/content.css")) {
            assertThat(site.resolve(page)).as(page).isRegularFile();
        }
    }

    @Test
    void buildsTheNavFromMkdocsYmlWithSectionsAndExternalLinks() throws Exception {
        DocsSite site = JSON.readValue(out.resolve("site").resolve(DocsSite.FILE).toFile(), DocsSite.class);
        assertThat(site.siteName()).isEqualTo("Orders Service");
        assertThat(site.nav()).extracting(DocsSite.NavNode::title).containsExactly("Home", "Guide", "Broken", "Status page", "Hostile");
        DocsSite.NavNode guide = site.nav().get(1);
        assertThat(guide.url()).isNull();
        assertThat(guide.children()).extracting(DocsSite.NavNode::title).containsExactly("Setup", "Features", "Deep");
        assertThat(guide.children().get(2).children()).extracting(DocsSite.NavNode::url).containsExactly("guide/internals/");
        assertThat(site.nav().get(3).external()).isTrue();
    }

    @Test
    void givesEachPageTitleTocNeighboursAndEditLink() throws Exception {
        DocsSite site = JSON.readValue(out.resolve("site").resolve(DocsSite.FILE).toFile(), DocsSite.class);
        DocsSite.PageInfo setup = site.pages().get("guide/setup/");
        assertThat(setup.title()).as("front matter title wins").isEqualTo("Setting up");
        assertThat(setup.previous()).isEqualTo("");
        assertThat(setup.next()).isEqualTo("guide/features/");
        assertThat(setup.editUrl()).isEqualTo("https://github.com/acme/orders/edit/main/docs/guide/setup.md");
        assertThat(setup.toc()).extracting(h -> h.id()).containsExactly("install");
        assertThat(site.pages().get("guide/features/").toc()).extracting(h -> h.title()).containsExactly("Tables", "Tabs", "Lists");

        Document html = page("guide/setup/");
        assertThat(html.select(".docs-pager a[rel=next]").attr("href")).isEqualTo("../features/");
        assertThat(html.select(".docs-pager a[rel=prev]").attr("href")).isEqualTo("../../");
    }

    @Test
    void rendersMarkdownFeatures() throws Exception {
        Document setup = page("guide/setup/");
        assertThat(setup.select(".techdocs-content div.admonition.note > p.admonition-title").text()).isEqualTo("Before you start");
        assertThat(setup.select(".techdocs-content div.admonition.note li")).hasSize(2);
        assertThat(setup.select(".techdocs-content div.admonition.warning > p.admonition-title").text()).isEqualTo("Warning");
        assertThat(setup.select(".techdocs-content details.tip:not([open]) > summary").text()).isEqualTo("Collapsed");
        assertThat(setup.select(".techdocs-content details.danger[open] > summary").text()).isEqualTo("Open");
        assertThat(setup.select(".techdocs-content pre > code.language-bash").text()).isEqualTo("./mvnw install");
        assertThat(setup.select(".techdocs-content pre.mermaid").text()).contains("shop --> orders");
        assertThat(setup.select(".techdocs-content h2#install a.headerlink").attr("href")).isEqualTo("#install");
        assertThat(setup.select(".techdocs-content a:containsOwn(home)").attr("href")).isEqualTo("../../");
        assertThat(setup.select(".techdocs-content a:containsOwn(internals)").attr("href")).isEqualTo("../internals/");

        Document features = page("guide/features/");
        assertThat(features.select(".techdocs-content table th").eachText()).containsExactly("Field", "Type");
        assertThat(features.select(".techdocs-content .tabbed-set label").eachText()).containsExactly("Java", "Kotlin");
        assertThat(features.select(".techdocs-content .tabbed-set code.language-kotlin")).hasSize(1);
        assertThat(features.select(".techdocs-content input[type=checkbox][disabled]")).hasSize(2);
        assertThat(features.select(".techdocs-content dl dt").text()).isEqualTo("Term");
        assertThat(features.select(".techdocs-content abbr[title=Hyper Text Markup Language]").text()).isEqualTo("HTML");
        assertThat(features.select(".techdocs-content .footnote, .techdocs-content [class*=footnote]")).isNotEmpty();
        assertThat(features.select(".techdocs-content p.lead").text()).isEqualTo("Paragraph with a class.");

        Document home = page("");
        assertThat(home.select(".techdocs-content img").attr("src")).isEqualTo("img/logo.png");
        assertThat(home.select(".techdocs-content a:containsOwn(features)").attr("href")).isEqualTo("guide/features/#tables");
    }

    @Test
    void neutralisesHostileMarkdown() throws Exception {
        String html = Files.readString(out.resolve("site/hostile/index.html"));
        Document doc = Jsoup.parse(html);
        assertThat(doc.select(".techdocs-content script, .techdocs-content iframe, .techdocs-content style")).isEmpty();
        assertThat(doc.select(".techdocs-content *").stream().flatMap(e -> e.attributes().asList().stream())
                .filter(a -> a.getKey().toLowerCase().startsWith("on") || a.getKey().equalsIgnoreCase("style"))).isEmpty();
        assertThat(html.toLowerCase()).doesNotContain("javascript:").doesNotContain("alert(2)").doesNotContain("alert(4)");
        assertThat(doc.select(".techdocs-content").text()).contains("div with handler");
    }

    @Test
    void warnsWithFileAndLineAndBuildsTheRest() {
        List<String> warnings = result.warnings().stream().map(Warning::toString).toList();
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("docs/guide/broken.md:3:").contains("nowhere.md"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("docs/guide/broken.md:5:").contains("missing.png"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("mkdocs.yml:13:").contains("does-not-exist.md"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("mkdocs.yml").contains("markdown_katex_unknown"));
        assertThat(warnings).noneSatisfy(w -> assertThat(w).contains("'admonition'"));
        assertThat(out.resolve("site/guide/broken/index.html")).isRegularFile();
    }

    @Test
    void writesMkdocsSearchIndexAndMetadata() throws Exception {
        JsonNode index = JSON.readTree(out.resolve("site/search/search_index.json").toFile());
        List<String> locations = new ArrayList<>();
        index.path("docs").forEach(doc -> locations.add(doc.path("location").asString()));
        assertThat(locations).contains("guide/internals/", "guide/internals/#storage", "guide/internals/#events");
        index.path("docs").forEach(doc -> {
            if (doc.path("location").asString().equals("guide/internals/#storage")) {
                assertThat(doc.path("title").asString()).isEqualTo("Storage");
                assertThat(doc.path("text").asString()).contains("Orders live in PostgreSQL");
            }
        });
        JsonNode metadata = JSON.readTree(out.resolve("site").resolve(Publisher.METADATA).toFile());
        assertThat(metadata.path("site_name").asString()).isEqualTo("Orders Service");
        assertThat(metadata.path("etag").asString()).isEqualTo(SourceFingerprint.of(corpus()));
        assertThat(metadata.path("files")).isNotEmpty();
    }

    @Test
    void buildsBackstagesExampleDocs(@TempDir Path target) throws Exception {
        Path example = Path.of("../../../../shared/backstage-reference/packages/create-app/templates/next-app/examples/example-docs");
        if (!Files.isDirectory(example)) {
            example = Path.of("/work/shared/backstage-reference/packages/create-app/templates/next-app/examples/example-docs");
        }
        assertThat(example).isDirectory();
        SiteBuilder.Result built = BUILDER.build(example, target.resolve("site"), "example-website", BuildListener.NONE);
        assertThat(built.pages()).isEqualTo(1);
        assertThat(built.warnings()).isEmpty();
        Document home = Jsoup.parse(Files.readString(target.resolve("site/index.html")));
        assertThat(home.select(".techdocs-content h1").text()).startsWith("Example TechDocs page");
        assertThat(home.select(".techdocs-content code").eachText()).contains("example-website");
        assertThat(built.site().siteName()).isEqualTo("example-website");
    }

    @Test
    void buildsWithoutMkdocsYmlFromAFolderWithDocs(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("docs"));
        Files.writeString(project.resolve("docs/index.md"), "# Hello\n");
        SiteBuilder.Result built = BUILDER.build(project, project.resolveSibling(project.getFileName() + "-site"), "my-lib", BuildListener.NONE);
        assertThat(built.site().siteName()).isEqualTo("my-lib");
        assertThat(built.pages()).isEqualTo(1);
    }

    @Test
    void failsClearlyOnBrokenYamlAndMissingDocs(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("mkdocs.yml"), "site_name: x\nnav: [\n");
        assertThatThrownBy(() -> BUILDER.build(project, project.resolve("out"), "x", BuildListener.NONE))
                .hasMessageStartingWith("mkdocs.yml:").hasMessageContaining("invalid YAML");
        Files.writeString(project.resolve("mkdocs.yml"), "site_name: x\ndocs_dir: ../../etc\n");
        assertThatThrownBy(() -> BUILDER.build(project, project.resolve("out"), "x", BuildListener.NONE)).hasMessageContaining("leaves the project folder");
        Files.writeString(project.resolve("mkdocs.yml"), "site_name: x\n");
        assertThatThrownBy(() -> BUILDER.build(project, project.resolve("out"), "x", BuildListener.NONE)).hasMessageContaining("docs_dir 'docs' does not exist");
    }

    @Test
    void refusesToEmptyAFolderThatIsNotASite(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("docs"));
        Files.writeString(project.resolve("docs/index.md"), "# Hello\n");
        Path precious = project.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("thesis.tex"), "years of work");
        assertThatThrownBy(() -> BUILDER.build(project, precious, "x", BuildListener.NONE)).hasMessageContaining("not empty");
        assertThat(precious.resolve("thesis.tex")).hasContent("years of work");
    }

    @Test
    void skipsLinksLeadingOutOfTheDocsFolderAndFollowsThoseInside(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("docs"));
        Files.writeString(project.resolve("docs/index.md"), "# Home\n");
        Files.writeString(dir.resolve("secret.md"), "# Secret\n");
        Files.createSymbolicLink(project.resolve("docs/leak.md"), dir.resolve("secret.md"));
        Files.createSymbolicLink(project.resolve("docs/alias.md"), project.resolve("docs/index.md"));
        Files.createSymbolicLink(project.resolve("docs/broken.md"), dir.resolve("nothing.md"));

        SiteBuilder.Result built = BUILDER.build(project, dir.resolve("site"), "x", BuildListener.NONE);

        assertThat(built.warnings()).extracting(Warning::toString).anySatisfy(w -> assertThat(w).contains("leak.md").contains("outside the docs folder"));
        assertThat(dir.resolve("site/leak")).doesNotExist();
        assertThat(dir.resolve("site/alias/index.html")).content().contains("Home");
        assertThat(built.pages()).isEqualTo(2);
    }

    @Test
    void fingerprintsOnlyWhatTheBuildReads(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("mkdocs.yml"), "site_name: x\ndocs_dir: handbook\n");
        Files.createDirectories(project.resolve("handbook"));
        Files.createDirectories(project.resolve("node_modules/big"));
        Files.writeString(project.resolve("handbook/index.md"), "# One\n");
        String before = SourceFingerprint.of(project);
        Files.writeString(project.resolve("node_modules/big/index.js"), "module.exports = 1;");
        Files.writeString(project.resolve("Main.java"), "class Main {}");
        assertThat(SourceFingerprint.of(project)).as("files outside docs_dir").isEqualTo(before);
        Files.writeString(project.resolve("handbook/index.md"), "# One, changed\n");
        assertThat(SourceFingerprint.of(project)).isNotEqualTo(before);
        String docsChanged = SourceFingerprint.of(project);
        Files.writeString(project.resolve("mkdocs.yml"), "site_name: y\ndocs_dir: handbook\n");
        assertThat(SourceFingerprint.of(project)).isNotEqualTo(docsChanged);
    }

    @Test
    void rendersOnlyChangedPagesAgainInTheSameJvm(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("project");
        io.kerberus.techdocs.plugin.TestFiles.copy(corpus(), project);
        SiteBuilder builder = new SiteBuilder(name -> null, "kerberus test");
        List<String> first = new ArrayList<>();
        builder.build(project, dir.resolve("one"), "orders", first::add);
        assertThat(first).noneMatch(line -> line.startsWith("Reused"));

        Files.writeString(project.resolve("docs/guide/internals.md"), "# Internals\n\nChanged.\n");
        List<String> second = new ArrayList<>();
        SiteBuilder.Result rebuilt = builder.build(project, dir.resolve("two"), "orders", second::add);
        assertThat(second).contains("Reused 5 unchanged pages of the last build");
        assertThat(Files.readString(dir.resolve("two/guide/internals/index.html"))).contains("Changed.");
        assertThat(rebuilt.warnings()).extracting(Warning::toString).anyMatch(w -> w.startsWith("docs/guide/broken.md:3:"));

        Files.writeString(project.resolve("docs/new-page.md"), "# New\n");
        List<String> third = new ArrayList<>();
        builder.build(project, dir.resolve("three"), "orders", third::add);
        assertThat(third).as("a new page changes every page's links").noneMatch(line -> line.startsWith("Reused"));
    }

    @Test
    void rebuildsAfterAChangeWithANewEtag(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("docs"));
        Files.writeString(project.resolve("docs/index.md"), "# One\n");
        Path site = project.resolveSibling(project.getFileName() + "-out");
        String first = BUILDER.build(project, site, "x", BuildListener.NONE).site().etag();
        Files.writeString(project.resolve("docs/index.md"), "# Two, longer\n");
        SiteBuilder.Result second = BUILDER.build(project, site, "x", BuildListener.NONE);
        assertThat(second.site().etag()).isNotEqualTo(first);
        assertThat(Files.readString(site.resolve("index.html"))).contains("Two, longer").doesNotContain(">One<");
        try (Stream<Path> files = Files.walk(site)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> site.relativize(p).toString().replace('\\', '/')))
                    .doesNotContain("old.html");
        }
        assertThat(new String(Files.readAllBytes(site.resolve(Publisher.METADATA)), StandardCharsets.UTF_8)).contains(second.site().etag());
    }
}
