package io.kerberus.search.plugin;

import io.kerberus.plugin.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small pieces of the search plugin: highlight escaping, cursors, narrowing filters by access. */
class SearchUnitsTest {

    @Test
    void keepsOnlyTheMarksOfAHighlight() {
        String html = SearchPages.marked("<mark>x</mark> &lt;script&gt;alert(1)&lt;/script&gt; <script>alert(2)</script> <b onclick=y>z</b>", "").toString();
        assertThat(html).startsWith("<mark>x</mark>").doesNotContain("<script>").doesNotContain("<b ")
                .contains("&lt;script&gt;alert(1)").contains("&lt;script&gt;alert(2)");
        assertThat(SearchPages.marked("<mark>open", "").toString()).isEqualTo("<mark>open</mark>");
        assertThat(SearchPages.marked(null, "a < b").toString()).isEqualTo("a &lt; b");
    }

    @Test
    void cursorsRoundTripAndForeignOnesAreRefused() {
        assertThat(SearchRoutes.offsetOf(SearchRoutes.cursor(40))).isEqualTo(40);
        assertThatThrownBy(() -> SearchRoutes.offsetOf("bogus")).isInstanceOf(InputException.class).hasMessageContaining("pageCursor");
        assertThatThrownBy(() -> SearchRoutes.offsetOf(SearchRoutes.cursor(-1))).isInstanceOf(InputException.class);
    }

    @Test
    void narrowsTheUsersFiltersByWhatTheyMaySee() {
        assertThat(Searcher.narrow(Map.of("kind", List.of("component")), Map.of())).contains(Map.of("kind", List.of("component")));
        assertThat(Searcher.narrow(Map.of(), Map.of("owner", List.of("team-a")))).contains(Map.of("owner", List.of("team-a")));
        assertThat(Searcher.narrow(Map.of("owner", List.of("Team-A", "team-b")), Map.of("owner", List.of("team-a"))))
                .contains(Map.of("owner", List.of("Team-A")));
        assertThat(Searcher.narrow(Map.of("owner", List.of("team-b")), Map.of("owner", List.of("team-a")))).isEmpty();
    }
}
