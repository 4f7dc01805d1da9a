package io.kerberus.search.plugin.engine;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The text analysis both engines share, so that they find the same documents: words split at
 * spaces, punctuation and case/dash boundaries ({@code orders-service} and {@code OrdersService}
 * give {@code orders}, {@code service} and the whole), accents folded, lower-cased, English
 * possessives dropped and words reduced with KStem, a light stemmer that maps {@code deploying},
 * {@code deployed} and {@code deploys} to {@code deploy} but keeps {@code universe} apart from
 * {@code university} and {@code team} apart from {@code tech} (Porter, behind Lunr and PostgreSQL's
 * {@code english} configuration, conflates many such words).
 */
public final class SearchAnalyzer extends Analyzer {

    /** The one instance; analyzers are thread-safe. */
    public static final SearchAnalyzer INSTANCE = new SearchAnalyzer(true);

    /**
     * The same analysis without the stemmer, for the words people type: KStem keeps {@code orders}
     * apart from {@code order}, so a typo such as {@code ordres} is compared with the index's terms as
     * typed as well as stemmed ({@code ordre}).
     */
    public static final SearchAnalyzer UNSTEMMED = new SearchAnalyzer(false);

    private final boolean stem;

    private SearchAnalyzer(boolean stem) {
        this.stem = stem;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        int flags = WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;
        TokenStream stream = new WordDelimiterGraphFilter(tokenizer, flags, null);
        stream = new ASCIIFoldingFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        if (stem) {
            stream = new KStemFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }

    /** The terms of {@code text}, in order (with duplicates), as both engines index and query them. */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = tokenStream("text", text == null ? "" : text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
