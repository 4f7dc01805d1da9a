package io.kerberus.techdocs.plugin.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static io.kerberus.techdocs.plugin.markdown.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;

class MarkdownLinksTest {

    private static Document render(String sourcePath, String markdown) {
        return Jsoup.parseBodyFragment(Pages.CORE.render(markdown, page(sourcePath)).html());
    }

    private static String href(String sourcePath, String link) {
        return render(sourcePath, "[x](" + link + ")").selectFirst("a").attr("href");
    }

    @Test
    void rewritesPageLinksRelativeToThePageUrl() {
        assertThat(href("guide/setup.md", "other.md")).isEqualTo("../other/");
        assertThat(href("guide/setup.md", "other.md#install")).isEqualTo("../other/#install");
        assertThat(href("guide/setup.md", "../index.md")).isEqualTo("../../");
        assertThat(href("guide/setup.md", "../reference/api.md")).isEqualTo("../../reference/api/");
        assertThat(href("guide/setup.md", "./")).isEqualTo("../");
        assertThat(href("guide/setup.md", "index.md")).isEqualTo("../");
        assertThat(href("index.md", "guide/setup.md#a")).isEqualTo("guide/setup/#a");
        assertThat(href("index.md", "guide/")).isEqualTo("guide/");
        assertThat(href("guide/index.md", "setup.md")).isEqualTo("setup/");
        assertThat(href("guide/index.md", "../index.md")).isEqualTo("../");
        assertThat(href("reference/api.md", "../guide/setup.md#install")).isEqualTo("../../guide/setup/#install");
    }

    @Test
    void rewritesFileLinksAgainstTheSourceFolder() {
        assertThat(render("guide/setup.md", "![a](img/a.png)").selectFirst("img").attr("src")).isEqualTo("../img/a.png");
        assertThat(render("guide/index.md", "![a](img/a.png)").selectFirst("img").attr("src")).isEqualTo("img/a.png");
        assertThat(render("index.md", "![logo](img/logo.svg)").selectFirst("img").attr("src")).isEqualTo("img/logo.svg");
        assertThat(href("reference/api.md", "../files/manual.pdf")).isEqualTo("../../files/manual.pdf");
    }

    @Test
    void leavesAbsoluteAnchorAndSiteAbsoluteLinksAlone() {
        RenderedPage page = Pages.CORE.render("[a](https://example.com/x.md) [b](mailto:me@example.com) [c](#section) [d](/docs/x)", page("guide/setup.md"));

        assertThat(Jsoup.parseBodyFragment(page.html()).select("a").eachAttr("href"))
                .containsExactly("https://example.com/x.md", "mailto:me@example.com", "#section", "/docs/x");
        assertThat(page.warnings()).isEmpty();
    }

    @Test
    void warnsAboutBrokenLinksWithTheirLineAndKeepsThem() {
        RenderedPage page = Pages.CORE.render("# Title\n\nSee [gone](missing.md#x).\n\n![pic](img/missing.png)\n", page("guide/setup.md"));

        assertThat(page.warnings()).containsExactly(
                new Warning("guide/setup.md", 3, "link to 'missing.md#x' points to no page of the site"),
                new Warning("guide/setup.md", 5, "image 'img/missing.png' does not exist"));
        assertThat(page.html()).contains("href=\"missing.md#x\"").contains("src=\"img/missing.png\"");
    }

    @Test
    void countsFrontMatterLinesInWarnings() {
        RenderedPage page = Pages.CORE.render("---\ntitle: T\ntags:\n  - a\n---\n\nText\n[gone](../nowhere.md)\n\n- item\n  ![pic](img/missing.png)\n",
                page("guide/setup.md"));

        assertThat(page.warnings()).extracting(Warning::line).containsExactly(8, 11);
    }

    @Test
    void warnsAboutLinksInsideAdmonitionsAndReferenceLinks() {
        RenderedPage page = Pages.CORE.render("!!! note\n    text\n\n    [gone][ref]\n\n[ref]: nope.md\n", page("guide/setup.md"));

        assertThat(page.warnings()).extracting(Warning::message).containsExactly("link to 'nope.md' points to no page of the site");
        assertThat(page.warnings()).extracting(Warning::line).containsExactly(4);
    }
}
