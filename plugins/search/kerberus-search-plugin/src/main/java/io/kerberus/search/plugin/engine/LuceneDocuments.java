package io.kerberus.search.plugin.engine;

import io.kerberus.search.SearchDocument;
import io.kerberus.search.SearchQuery;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * How {@link LuceneEngine} lays out documents and builds queries. The searched fields hold the
 * {@link SearchAnalyzer} terms, computed here and indexed with a whitespace analyzer, so that Lucene
 * and PostgreSQL index exactly the same terms. Every clause has a constant score, so scores are the
 * {@link Ranking} sums and not BM25.
 */
final class LuceneDocuments {

    static final String ID = "id";
    static final String TYPE = "type";
    static final String TYPE_SORT = "type_sort";
    static final String LOCATION_SORT = "location_sort";
    static final String TITLE_SORT = "title_sort";
    static final String TITLE_LENGTH = "title_length";
    static final String TITLE_KEY = "title_key";
    static final String SOURCE = "source";
    static final String FACET = "facet.";

    /** Lucene's limit for one term is 32,766 bytes; longer identifiers are refused before anything is written. */
    private static final int MAX_ID_BYTES = 30_000;

    private LuceneDocuments() {
    }

    static String id(String type, String location) {
        return type + '\u0000' + location;
    }

    static Document document(SearchDocument source) {
        String id = id(source.type(), source.location());
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("Search document location too long (over " + MAX_ID_BYTES
                    + " bytes): " + source.location().substring(0, 100) + "…");
        }
        Document document = new Document();
        document.add(new StringField(ID, id, Store.NO));
        document.add(new StringField(TYPE, source.type(), Store.NO));
        document.add(new SortedDocValuesField(TYPE_SORT, new BytesRef(source.type())));
        document.add(new SortedDocValuesField(LOCATION_SORT, new BytesRef(source.location())));
        document.add(new SortedDocValuesField(TITLE_SORT, new BytesRef(Ranking.titleSort(source.title()))));
        document.add(new NumericDocValuesField(TITLE_LENGTH, Ranking.titleLength(source)));
        document.add(new StringField(TITLE_KEY, Ranking.titleKey(source.title()), Store.NO));
        for (Ranking.Field field : Ranking.Field.values()) {
            var terms = new LinkedHashSet<>(SearchAnalyzer.INSTANCE.terms(Ranking.text(source, field)));
            document.add(new TextField(field.lucene, String.join(" ", terms), Store.NO));
        }
        for (Map.Entry<String, List<String>> facet : source.facets().entrySet()) {
            for (String normalized : new LinkedHashSet<>(facet.getValue().stream().map(Ranking::facetValue).toList())) {
                document.add(new StringField(FACET + facet.getKey(), normalized, Store.NO));
                document.add(new SortedSetDocValuesField(FACET + facet.getKey(), new BytesRef(normalized)));
            }
        }
        document.add(new StoredField(SOURCE, DocumentCodec.write(source)));
        return document;
    }

    static Query query(QueryTerms terms, SearchQuery query, IndexReader reader) throws IOException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        if (!query.types().isEmpty()) {
            builder.add(new TermInSetQuery(TYPE, query.types().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        for (Map.Entry<String, List<String>> filter : query.filters().entrySet()) {
            if (filter.getValue().isEmpty()) {
                continue;
            }
            List<BytesRef> values = filter.getValue().stream().map(v -> new BytesRef(Ranking.facetValue(v))).toList();
            builder.add(new TermInSetQuery(FACET + filter.getKey(), values), Occur.FILTER);
        }
        if (terms.isEmpty()) {
            builder.add(new MatchAllDocsQuery(), Occur.MUST);
            return builder.build();
        }
        for (QueryTerms.Word word : terms.words()) {
            builder.add(word(word, reader), Occur.MUST);
        }
        builder.add(scored(new TermQuery(new Term(TITLE_KEY, terms.titleKey())), Ranking.EXACT_TITLE), Occur.SHOULD);
        return builder.build();
    }

    /**
     * The best of the word's matches: exact, prefix (last word) or typo, in title, tags or text.
     * Typos are expanded once per word into the terms the index holds (one automaton, every field
     * and segment), not by a fuzzy query per field that rebuilds it for each segment: for words of
     * eight letters and more that build costs milliseconds.
     */
    private static Query word(QueryTerms.Word word, IndexReader reader) throws IOException {
        List<Query> matches = new ArrayList<>();
        int edits = QueryTerms.maxEdits(word.fuzzyForm());
        CompiledAutomaton typos = edits > 0 ? FuzzyQuery.getFuzzyAutomaton(word.fuzzyForm(), edits, 0, true) : null;
        for (Ranking.Field field : Ranking.Field.values()) {
            for (String form : word.forms()) {
                Term term = new Term(field.lucene, form);
                matches.add(scored(new TermQuery(term), field.weight * Ranking.Kind.EXACT.weight));
                if (word.prefix()) {
                    matches.add(scored(new PrefixQuery(term), field.weight * Ranking.Kind.PREFIX.weight));
                }
            }
            if (typos != null) {
                List<BytesRef> candidates = expand(reader, field.lucene, typos);
                if (!candidates.isEmpty()) {
                    matches.add(scored(new TermInSetQuery(field.lucene, candidates), field.weight * Ranking.Kind.FUZZY.weight));
                }
            }
        }
        return new DisjunctionMaxQuery(matches, 0f);
    }

    /** At most this many index terms stand for one word's typos (PostgreSQL's vocabulary has no such cap; real words have far fewer). */
    static final int MAX_TYPO_TERMS = 1_000;

    private static List<BytesRef> expand(IndexReader reader, String field, CompiledAutomaton automaton) throws IOException {
        java.util.TreeSet<BytesRef> found = new java.util.TreeSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum matching = automaton.getTermsEnum(terms);
            for (BytesRef term = matching.next(); term != null && found.size() < MAX_TYPO_TERMS; term = matching.next()) {
                found.add(BytesRef.deepCopyOf(term));
            }
        }
        return List.copyOf(found);
    }

    private static Query scored(Query query, float score) {
        return new BoostQuery(new ConstantScoreQuery(query), score);
    }

    static Sort sort(QueryTerms terms) {
        SortField location = new SortField(LOCATION_SORT, SortField.Type.STRING);
        SortField type = new SortField(TYPE_SORT, SortField.Type.STRING);
        if (terms.isEmpty()) {
            return new Sort(new SortField(TITLE_SORT, SortField.Type.STRING), location, type);
        }
        return new Sort(SortField.FIELD_SCORE, new SortField(TITLE_LENGTH, SortField.Type.LONG), location, type);
    }
}
