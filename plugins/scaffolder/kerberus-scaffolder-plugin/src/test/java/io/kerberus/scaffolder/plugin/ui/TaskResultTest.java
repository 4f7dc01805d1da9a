package io.kerberus.scaffolder.plugin.ui;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TaskResultTest {

    static String render(String outputJson) {
        return TaskResult.html(JsonMapper.shared().readTree(outputJson)).toString();
    }

    @Test
    void linksUrlsAndEntityRefsAndShowsOtherAddressesAsText() {
        String html = render("""
                {"links": [
                  {"title": "Repository", "url": "file:///srv/git/x/blob/main"},
                  {"title": "Open in catalog", "entityRef": "Component:default/x"},
                  {"title": "Docs", "url": "https://docs.example.com/x"},
                  {"title": "Sneaky", "url": "javascript:alert(1)"},
                  {"title": "Nothing"}
                ]}""");

        assertThat(html).contains("<a class=\"button primary\" href=\"/catalog/default/component/x\">Open in catalog</a>",
                "<a class=\"button\" href=\"https://docs.example.com/x\">Docs</a>",
                "Repository: <code>file:///srv/git/x/blob/main</code>", "Sneaky: <code>javascript:alert(1)</code>");
        assertThat(html).doesNotContain("href=\"javascript", "href=\"file:", "Nothing");
    }

    @Test
    void showsTextBlocksEscaped() {
        String html = render("""
                {"text": [{"title": "Clone it", "content": "git clone <x> && echo"}]}""");

        assertThat(html).contains("<h3>Clone it</h3>", "git clone &lt;x&gt; &amp;&amp; echo");
    }
}
