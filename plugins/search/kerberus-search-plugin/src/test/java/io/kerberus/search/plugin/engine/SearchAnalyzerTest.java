package io.kerberus.search.plugin.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchAnalyzerTest {

    private final SearchAnalyzer analyzer = SearchAnalyzer.INSTANCE;

    @Test
    void keepsUnrelatedWordsApart() {
        assertThat(analyzer.terms("team tech universe university")).containsExactly("team", "tech", "universe", "university");
    }

    @Test
    void stemsInflections() {
        assertThat(analyzer.terms("deploying deployed deploys")).containsOnly("deploy");
    }

    @Test
    void splitsNamesAndFoldsAccents() {
        assertThat(analyzer.terms("OrdersService café")).containsExactly("ordersservice", "orders", "service", "cafe");
    }

    @Test
    void queryWordsRequirePartsOfSplitWords() {
        QueryTerms terms = QueryTerms.parse("OrdersService ordres");

        assertThat(terms.words()).extracting(QueryTerms.Word::stem).containsExactly("orders", "service", "ordre");
        assertThat(terms.words()).extracting(QueryTerms.Word::surface).containsExactly("orders", "service", "ordres");
        assertThat(terms.words().getLast().prefix()).isTrue();
    }

    @Test
    void measuresTranspositionsAsOneEdit() {
        assertThat(QueryTerms.distance("ordres", "orders", 2)).isEqualTo(1);
        assertThat(QueryTerms.distance("tech", "team", 2)).isEqualTo(2);
        assertThat(QueryTerms.distance("universe", "university", 2)).isEqualTo(3);
    }
}
