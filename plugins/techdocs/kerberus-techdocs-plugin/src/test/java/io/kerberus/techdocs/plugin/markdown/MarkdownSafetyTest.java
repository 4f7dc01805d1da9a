package io.kerberus.techdocs.plugin.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownSafetyTest {

    private static final String HOSTILE = """
            # Page

            <script>alert(1)</script>

            [x](javascript:alert(1)) [y](JaVaScRiPt:alert(2)) [z](vbscript:msgbox) ![d](data:text/html;base64,PHNjcmlwdD4=)

            <img src=x onerror=alert(1)>

            <a href="JaVaScRiPt:alert(3)">link</a>

            <iframe src="https://evil.example"></iframe>

            <svg onload=alert(4)><circle r="1"/></svg>

            <style>body { display: none }</style>

            <div class="box" onclick="alert(5)" style="color: red">raw <b onmouseover="x()">bold</b></div>

            <object data="x.swf"></object><form action="/x"><input type="text" name="q"></form>

            !!! note "<img src=x onerror=alert(6)>"
                text
            """;

    @Test
    void removesScriptsHandlersAndDangerousUrls() {
        String html = Pages.render(HOSTILE).html();
        Document doc = Jsoup.parseBodyFragment(html);

        assertThat(doc.select("script, iframe, style, svg, object, form, embed")).isEmpty();
        List<String> attributes = new ArrayList<>();
        for (Element element : doc.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                attributes.add(attribute.getKey());
            }
        }
        assertThat(attributes).noneMatch(name -> name.startsWith("on")).doesNotContain("style");
        assertThat(html.toLowerCase()).doesNotContain("javascript:").doesNotContain("vbscript:").doesNotContain("data:text");
        assertThat(doc.select("input[type=text]")).isEmpty();
    }

    @Test
    void keepsHarmlessRawHtml() {
        Document doc = Jsoup.parseBodyFragment(Pages.render(HOSTILE).html());

        assertThat(doc.selectFirst("div.box").text()).isEqualTo("raw bold");
        assertThat(doc.selectFirst("div.box b")).isNotNull();
        assertThat(doc.selectFirst("div.admonition.note > p.admonition-title").text()).isEqualTo("<img src=x onerror=alert(6)>");
        assertThat(doc.text()).contains("x y z", "link");
    }

    @Test
    void sanitisesPublishedHtmlWithTheSamePolicy() {
        String clean = MarkdownRenderer.sanitize("<p onclick=\"x()\">ok</p><script>alert(1)</script><input type=\"radio\" name=\"__tabbed_1\" id=\"t\" checked>");

        assertThat(clean).isEqualTo("<p>ok</p><input type=\"radio\" name=\"__tabbed_1\" id=\"t\" checked=\"checked\" />");
    }

    @Test
    void rendersTheSamePageFromManyThreads() throws Exception {
        String markdown = """
                # Title

                === "A"
                    ```java
                    class A {}
                    ```
                === "B"
                    [other](other.md) ![missing](nope.png)

                !!! tip
                    ==mark== and [^1]

                [^1]: note
                """;
        RenderedPage expected = Pages.render(markdown);
        Set<RenderedPage> results = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<RenderedPage>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                futures.add(pool.submit(() -> Pages.render(markdown)));
            }
            for (Future<RenderedPage> future : futures) {
                results.add(future.get());
            }
        }

        assertThat(results).containsExactly(expected);
        assertThat(expected.warnings()).hasSize(1);
    }
}
