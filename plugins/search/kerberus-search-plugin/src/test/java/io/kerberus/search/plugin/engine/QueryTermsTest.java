package io.kerberus.search.plugin.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How many typos a word may have: none for short words and for numbers and ids. */
class QueryTermsTest {

    @Test
    void allowsTyposByLengthButNotInNumbers() {
        assertThat(QueryTerms.maxEdits("api")).isZero();
        assertThat(QueryTerms.maxEdits("order")).isEqualTo(1);
        assertThat(QueryTerms.maxEdits("payments")).isEqualTo(2);
        assertThat(QueryTerms.maxEdits("4327")).isZero();
        assertThat(QueryTerms.maxEdits("v2beta")).isZero();
    }

    @Test
    void looksForTyposAroundTheTypedWordOnly() {
        QueryTerms terms = QueryTerms.parse("ordres 4327");
        assertThat(terms.match("orders")).contains(Ranking.Kind.FUZZY);
        assertThat(terms.match("4321")).isEmpty();
        assertThat(terms.match("4327")).contains(Ranking.Kind.EXACT);
        assertThat(terms.match("43270")).contains(Ranking.Kind.PREFIX);
    }
}
