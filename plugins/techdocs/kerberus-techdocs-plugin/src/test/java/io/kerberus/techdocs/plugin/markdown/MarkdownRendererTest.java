package io.kerberus.techdocs.plugin.markdown;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.kerberus.techdocs.plugin.markdown.Pages.html;
import static io.kerberus.techdocs.plugin.markdown.Pages.render;
import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

    @Test
    void givesHeadingsMkdocsIdsWithPermalinks() {
        Document doc = html("# Getting Started!\n\n## Setup & Install\n\n## Setup & Install\n\n### Café `code`\n\n## Custom {#my-id}\n");

        assertThat(doc.select("h1,h2,h3").eachAttr("id"))
                .containsExactly("getting-started", "setup-install", "setup-install_1", "cafe-code", "my-id");
        Element link = doc.selectFirst("h2#setup-install > a.headerlink");
        assertThat(link.attr("href")).isEqualTo("#setup-install");
        assertThat(link.attr("title")).isEqualTo("Permanent link");
        assertThat(link.text()).isEqualTo("¶");
    }

    @Test
    void listsLevelTwoAndThreeHeadingsInToc() {
        RenderedPage page = render("# T\n\n## A\n\n### B\n\n#### C\n\n## A\n");

        assertThat(page.toc()).containsExactly(new Heading(2, "a", "A"), new Heading(3, "b", "B"), new Heading(2, "a_1", "A"));
    }

    @Test
    void respectsTocDepthAndPermalinkText() {
        MarkdownRenderer renderer = new MarkdownRenderer(List.of(new MarkdownExtension("toc", Map.of("permalink", "#", "toc_depth", 2))));

        RenderedPage page = renderer.render("## A\n\n### B\n", Pages.page("index.md"));

        assertThat(page.toc()).containsExactly(new Heading(2, "a", "A"));
        assertThat(page.html()).contains("<a class=\"headerlink\" href=\"#a\" title=\"Permanent link\">#</a>");
    }

    @Test
    void omitsPermalinkWithoutTocOption() {
        RenderedPage page = new MarkdownRenderer(List.of()).render("## A\n", Pages.page("index.md"));

        assertThat(page.html()).contains("<h2 id=\"a\">A</h2>");
    }

    @Test
    void takesTitleFromFrontMatterElseFirstH1() {
        RenderedPage withMeta = render("---\ntitle: From meta\nowner: team-a\n---\n# Heading\n");
        RenderedPage withH1 = render("Intro\n\n# The *title*\n\n# Second\n");
        RenderedPage without = render("## Only h2\n");

        assertThat(withMeta.title()).isEqualTo("From meta");
        assertThat(withMeta.meta()).containsEntry("owner", "team-a").containsEntry("title", "From meta");
        assertThat(withMeta.html()).doesNotContain("owner");
        assertThat(withH1.title()).isEqualTo("The title");
        assertThat(withH1.meta()).isEmpty();
        assertThat(without.title()).isNull();
    }

    @Test
    void rendersAdmonitionsLikePythonMarkdown() {
        Document doc = html("""
                !!! note "Read this"
                    - one
                    - two

                    ```java
                    int a = 1 < 2;
                    ```

                    !!! warning
                        nested

                !!! tip ""
                    untitled
                """);

        Element note = doc.selectFirst("div.admonition.note");
        assertThat(note.selectFirst("> p.admonition-title").text()).isEqualTo("Read this");
        assertThat(note.select("> ul > li").eachText()).containsExactly("one", "two");
        assertThat(note.selectFirst("> pre > code.language-java").wholeText()).isEqualTo("int a = 1 < 2;\n");
        assertThat(note.selectFirst("> div.admonition.warning > p.admonition-title").text()).isEqualTo("Warning");
        assertThat(note.selectFirst("> div.admonition.warning > p:not(.admonition-title)").text()).isEqualTo("nested");
        Element tip = doc.selectFirst("div.admonition.tip");
        assertThat(tip.select("p.admonition-title")).isEmpty();
        assertThat(tip.text()).isEqualTo("untitled");
    }

    @Test
    void rendersCollapsibleAdmonitionsAsDetails() {
        Document doc = html("??? danger \"Click me\"\n    hidden\n\n???+ info\n    shown\n");

        Element closed = doc.selectFirst("details.danger");
        assertThat(closed.hasAttr("open")).isFalse();
        assertThat(closed.selectFirst("> summary").text()).isEqualTo("Click me");
        assertThat(closed.selectFirst("> p").text()).isEqualTo("hidden");
        Element open = doc.selectFirst("details.info");
        assertThat(open.hasAttr("open")).isTrue();
        assertThat(open.selectFirst("> summary").text()).isEqualTo("Info");
    }

    @Test
    void rendersContentTabsAsRadioSetsWithUniqueIds() {
        Document doc = html("""
                === "Java"
                    ```java
                    class A {}
                    ```
                === "Kotlin"
                    two

                Between.

                === "Only"
                    three
                ===! "New set"
                    four
                """);

        List<Element> sets = doc.select("div.tabbed-set");
        assertThat(sets).hasSize(3);
        assertThat(sets.get(0).attr("data-tabs")).isEqualTo("1:2");
        assertThat(sets.get(0).select("> label").eachText()).containsExactly("Java", "Kotlin");
        assertThat(sets.get(0).select("> input[type=radio]").eachAttr("name")).containsOnly("__tabbed_1");
        assertThat(sets.get(0).select("> input").get(0).hasAttr("checked")).isTrue();
        assertThat(sets.get(0).select("> input").get(1).hasAttr("checked")).isFalse();
        assertThat(sets.get(0).select("> label").eachAttr("for")).containsExactly("__tabbed_1_1", "__tabbed_1_2");
        assertThat(sets.get(0).selectFirst("> div.tabbed-content > pre > code.language-java")).isNotNull();
        assertThat(sets.get(1).select("> label").eachText()).containsExactly("Only");
        assertThat(sets.get(2).select("> label").eachText()).containsExactly("New set");
        assertThat(doc.select("input").eachAttr("id")).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void rendersCodeForClientSideHighlighting() {
        RenderedPage page = render("```java title=\"App.java\"\nif (a < b) {}\n```\n\n    indented\n");

        Document doc = html("```java title=\"App.java\"\nif (a < b) {}\n```\n");
        assertThat(doc.selectFirst("pre > code.language-java").wholeText()).isEqualTo("if (a < b) {}\n");
        assertThat(doc.selectFirst(".highlight > .filename").text()).isEqualTo("App.java");
        assertThat(page.assets()).containsExactly("highlight");
        assertThat(render("Plain text.").assets()).isEmpty();
        assertThat(render("    indented code\n").assets()).containsExactly("highlight");
    }

    @Test
    void rendersMermaidAsPreForTheClient() {
        RenderedPage page = render("```mermaid\ngraph TD; A-->B;\n```\n");

        Element pre = html("```mermaid\ngraph TD; A-->B;\n```\n").selectFirst("pre.mermaid");
        assertThat(pre.wholeText()).isEqualTo("graph TD; A-->B;\n");
        assertThat(pre.select("code")).isEmpty();
        assertThat(page.assets()).containsExactly("mermaid");
    }

    @Test
    void rendersTablesWithAlignment() {
        Document doc = html("| a | b |\n|:--|--:|\n| 1 | 2 |\n");

        assertThat(doc.select("table thead th").eachText()).containsExactly("a", "b");
        assertThat(doc.select("table tbody td").eachAttr("align")).containsExactly("left", "right");
    }

    @Test
    void rendersFootnotesTaskListsDefinitionsAndAbbreviations() {
        Document doc = html("""
                Text[^1] about HTML.

                [^1]: The note.

                - [x] done
                - [ ] todo

                Term
                :   Definition

                *[HTML]: Hyper Text Markup Language
                """);

        assertThat(doc.selectFirst("sup a[href=#fn-1]")).isNotNull();
        assertThat(doc.selectFirst(".footnotes li#fn-1").text()).contains("The note.");
        List<Element> boxes = doc.select("li.task-list-item > input[type=checkbox]");
        assertThat(boxes).hasSize(2).allMatch(box -> box.hasAttr("disabled"));
        assertThat(boxes.get(0).hasAttr("checked")).isTrue();
        assertThat(boxes.get(1).hasAttr("checked")).isFalse();
        assertThat(doc.selectFirst("dl > dt").text()).isEqualTo("Term");
        assertThat(doc.selectFirst("dl > dd").text()).isEqualTo("Definition");
        assertThat(doc.selectFirst("abbr").attr("title")).isEqualTo("Hyper Text Markup Language");
        assertThat(doc.selectFirst("abbr").text()).isEqualTo("HTML");
    }

    @Test
    void appliesAttributeLists() {
        Document doc = html("## Title {: .big #custom }\n\nA paragraph.\n{: .lead #intro }\n\n[link](https://x.y){: .button }\n");

        assertThat(doc.selectFirst("h2#custom").hasClass("big")).isTrue();
        assertThat(doc.selectFirst("p#intro").hasClass("lead")).isTrue();
        assertThat(doc.selectFirst("a.button").attr("href")).isEqualTo("https://x.y");
    }

    @Test
    void rendersPymdownxInlineMarkup() {
        Document doc = html("==marked== ^^inserted^^ ~~deleted~~ H~2~O x^2^ :smile:");

        assertThat(doc.selectFirst("mark").text()).isEqualTo("marked");
        assertThat(doc.selectFirst("ins").text()).isEqualTo("inserted");
        assertThat(doc.selectFirst("del").text()).isEqualTo("deleted");
        assertThat(doc.selectFirst("sub").text()).isEqualTo("2");
        assertThat(doc.selectFirst("sup").text()).isEqualTo("2");
        assertThat(doc.text()).contains("\uD83D\uDE04");
    }

    @Test
    void cutsTextIntoSectionsForSearch() {
        RenderedPage page = render("---\ntitle: T\n---\nIntro *text*.\n\n# Title\n\nUnder title.\n\n## Install\n\nRun `make`\nnow.\n\n```sh\nmake all\n```\n\n## Empty\n");

        assertThat(page.sections()).containsExactly(
                new Section("", "", "Intro text."),
                new Section("title", "Title", "Under title."),
                new Section("install", "Install", "Run make now. make all"),
                new Section("empty", "Empty", ""));
        assertThat(page.text()).isEqualTo("Intro text. Title Under title. Install Run make now. make all Empty");
    }

    @Test
    void reportsUnknownExtensionsOnly() {
        MarkdownRenderer renderer = new MarkdownRenderer(List.of(MarkdownExtension.of("admonition"), MarkdownExtension.of("pymdownx.arithmatex"),
                MarkdownExtension.of("markdown.extensions.toc"), MarkdownExtension.of("plantuml_markdown"), MarkdownExtension.of("meta")));

        assertThat(renderer.unsupported()).containsExactly("pymdownx.arithmatex", "plantuml_markdown");
    }

    @Test
    void supportsEveryTechdocsCoreExtension() {
        assertThat(Pages.CORE.unsupported()).isEmpty();
        assertThat(MarkdownRenderer.techdocsCore()).extracting(MarkdownExtension::name)
                .contains("toc", "admonition", "pymdownx.details", "pymdownx.tabbed", "pymdownx.extra", "pymdownx.tasklist");
    }

    @Test
    void leavesAdmonitionSyntaxAloneWhenNotConfigured() {
        RenderedPage page = new MarkdownRenderer(List.of()).render("!!! note\n    text\n", Pages.page("index.md"));

        assertThat(page.html()).doesNotContain("admonition");
    }

    @Test
    void neverThrows() {
        String deep = ">".repeat(20_000) + " x\n" + "- ".repeat(5_000) + "y\n" + "[".repeat(10_000);

        RenderedPage page = render(deep);
        RenderedPage empty = render("");
        RenderedPage nul = Pages.CORE.render(null, Pages.page("index.md"));

        assertThat(page.html()).isNotNull();
        assertThat(empty.html()).isEmpty();
        assertThat(nul.sections()).isEmpty();
        assertThat(render("---\ntitle: [broken\n---\ntext\n").warnings()).singleElement()
                .satisfies(w -> assertThat(w.file()).isEqualTo("guide/setup.md"));
    }
}
