package io.kerberus.plugin.ui;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlTest {

    @Test
    void escapesTextBetweenTagsAndInAttributes() {
        Html html = Html.format("<a title=\"{}\">{}</a>", "\"><script>x</script>", "<b>&'");

        assertThat(html.toString()).isEqualTo("<a title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">&lt;b&gt;&amp;&#39;</a>");
    }

    @Test
    void insertsComponentsAsTheyAreAndNullAsNothing() {
        Html html = Html.format("<p>{}{}</p>", Html.trusted("<em>ok</em>"), null);

        assertThat(html.toString()).isEqualTo("<p><em>ok</em></p>");
    }

    @Test
    void countsPlaceholdersAgainstArguments() {
        assertThatThrownBy(() -> Html.format("{} {}", "one")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Html.format("{}", "one", "two")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allowsOnlyHttpMailtoAndRelativeUrls() {
        assertThat(Html.safeUrl("https://example.com/x")).isEqualTo("https://example.com/x");
        assertThat(Html.safeUrl("/catalog?x=1")).isEqualTo("/catalog?x=1");
        assertThat(Html.safeUrl("docs/page")).isEqualTo("docs/page");
        assertThat(Html.safeUrl("mailto:team@example.com")).isEqualTo("mailto:team@example.com");
        assertThat(Html.safeUrl("javascript:alert(1)")).isEqualTo("#");
        assertThat(Html.safeUrl(" JaVaScRiPt:alert(1)")).isEqualTo("#");
        assertThat(Html.safeUrl("java\nscript:alert(1)")).isEqualTo("#");
        assertThat(Html.safeUrl("data:text/html,x")).isEqualTo("#");
        assertThat(Html.safeUrl("//evil.example.com")).isEqualTo("#");
        assertThat(Html.safeUrl(null)).isEqualTo("#");
    }

    @Test
    void linksToUnsafeUrlsBecomeHarmless() {
        assertThat(Link.to("javascript:alert(1)", "x").html().toString()).contains("href=\"#\"").doesNotContain("javascript");
        assertThat(Link.to("https://example.com", "<b>").html().toString())
                .contains("rel=\"noopener noreferrer\"").contains("&lt;b&gt;");
    }

    @Test
    void componentsEscapeWhatTheyAreGiven() {
        String rendered = Html.join(
                Card.of("<script>", Html.text("<img src=x onerror=alert(1)>")),
                TagChips.of(List.of("<i>tag</i>")),
                KeyValueList.create().with("Owner", "<u>team</u>"),
                EmptyState.of("<h1>", "<p>"),
                ErrorPanel.of("<x>", "<y>").details(List.of("<z>")),
                Progress.of(50, "<p>"),
                new Breadcrumbs(List.of(new Breadcrumbs.Crumb("<c>", "javascript:x")))).toString();

        assertThat(rendered).doesNotContain("<script>", "<img", "<i>", "<u>", "<h1>", "<x>", "<z>", "<c>", "javascript:");
    }
}
