package io.kerberus.search.plugin.engine;

import io.kerberus.search.SearchDocument;
import io.kerberus.search.SearchEngine;
import io.kerberus.search.SearchQuery;
import io.kerberus.search.SearchResults;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * PostgreSQL's full-text search over the {@code search_} tables, shared by all replicas. Terms are
 * analyzed in Java with {@link SearchAnalyzer} and stored as a {@code tsvector} with weights (A title,
 * B tags, C text), so PostgreSQL does no stemming of its own; queries are tsqueries of those terms
 * ({@code :*} for the prefix word, typos expanded against {@link Vocabulary}), ranked as {@link Ranking}
 * says. The tsvector column and its GIN index are PostgreSQL-only, so they are added here, not in the
 * migration that also runs on H2.
 */
public final class PostgresEngine implements SearchEngine {

    /** Serializes the DDL of replicas starting together. */
    private static final long DDL_LOCK = 0x4B5345415243484CL;
    private static final int MAX_TERM = 300;

    private static final String UPSERT = """
            INSERT INTO search_documents (doc_id, type, location, title_key, title_sort, title_length, source, terms)
            VALUES (:id, :type, :location, :titleKey, :titleSort, :titleLength, :source, CAST(:terms AS tsvector))
            ON CONFLICT (doc_id) DO UPDATE SET type = EXCLUDED.type, location = EXCLUDED.location,
                title_key = EXCLUDED.title_key, title_sort = EXCLUDED.title_sort,
                title_length = EXCLUDED.title_length, source = EXCLUDED.source, terms = EXCLUDED.terms""";

    private final Jdbi jdbi;
    private final Vocabulary vocabulary;

    /** Uses the tables of the {@code search} migration; adds the PostgreSQL-only column and index when missing. */
    public PostgresEngine(Jdbi jdbi) throws java.sql.SQLException {
        this.jdbi = jdbi;
        this.vocabulary = new Vocabulary(jdbi, Clock.systemUTC());
        jdbi.useTransaction(handle -> {
            String product = handle.getConnection().getMetaData().getDatabaseProductName();
            if (!"PostgreSQL".equalsIgnoreCase(product)) {
                throw new IllegalStateException("search.engine: postgres needs a PostgreSQL database (backend.database"
                        + " is " + product + "); use search.engine: lucene on the embedded database");
            }
            handle.execute("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")");
            handle.execute("ALTER TABLE search_documents ADD COLUMN IF NOT EXISTS terms tsvector");
            handle.execute("CREATE INDEX IF NOT EXISTS search_documents_terms ON search_documents USING GIN (terms)");
        });
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void replaceAll(String type, List<SearchDocument> documents) {
        for (SearchDocument document : documents) {
            if (!document.type().equals(type)) {
                throw new IllegalArgumentException("replaceAll(" + type + ") got a document of type "
                        + document.type() + " at " + document.location());
            }
        }
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM search_documents WHERE type = :type").bind("type", type).execute();
            write(handle, documents);
        });
        vocabulary.invalidate();
    }

    @Override
    public void upsert(List<SearchDocument> documents) {
        jdbi.useTransaction(handle -> write(handle, documents));
        vocabulary.invalidate();
    }

    @Override
    public void delete(String type, List<String> locations) {
        if (locations.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch("DELETE FROM search_documents WHERE doc_id = :id");
            locations.forEach(location -> batch.bind("id", id(type, location)).add());
            batch.execute();
        });
    }

    @Override
    public SearchResults query(SearchQuery query, List<String> facetFields) {
        QueryTerms terms = QueryTerms.parse(query.term());
        if (QueryTerms.matchesNothing(query.term(), terms)) {
            return QueryTerms.nothing(facetFields);
        }
        PostgresQuery sql = new PostgresQuery(terms, query, vocabulary::fuzzy);
        return jdbi.inTransaction(handle -> {
            long total = bind(handle.createQuery("SELECT COUNT(*) FROM search_documents d WHERE " + sql.where), sql)
                    .mapTo(Long.class).one();
            List<SearchResults.Result> results = new ArrayList<>();
            if (query.limit() > 0 && query.offset() < total) {
                bind(handle.createQuery("SELECT d.source, " + sql.score + " AS score FROM search_documents d WHERE "
                        + sql.where + " ORDER BY " + PostgresQuery.orderBy(terms) + " LIMIT :limit OFFSET :offset"), sql)
                        .bind("limit", query.limit()).bind("offset", query.offset())
                        .map((rs, ctx) -> {
                            SearchDocument document = DocumentCodec.read(rs.getString(1));
                            return new SearchResults.Result(document, rs.getDouble(2), Snippets.of(document, terms));
                        })
                        .forEach(results::add);
            }
            return new SearchResults(results, total, facets(handle, sql, facetFields));
        });
    }

    @Override
    public Map<String, Long> counts() {
        return jdbi.withHandle(handle -> {
            Map<String, Long> counts = new TreeMap<>();
            handle.createQuery("SELECT type, COUNT(*) FROM search_documents GROUP BY type")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            return counts;
        });
    }

    private static Map<String, Map<String, Long>> facets(Handle handle, PostgresQuery sql, List<String> fields) {
        Map<String, Map<String, Long>> facets = new HashMap<>();
        if (fields.isEmpty()) {
            return facets;
        }
        fields.forEach(field -> facets.put(field, new TreeMap<>()));
        Query query = handle.createQuery("SELECT f.facet, f.facet_value, COUNT(*) FROM search_facets f"
                + " JOIN search_documents d ON d.doc_id = f.doc_id WHERE f.facet IN (<fields>) AND " + sql.where
                + " GROUP BY f.facet, f.facet_value");
        bind(query, sql).bindList("fields", fields)
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})
                .forEach(row -> facets.get((String) row[0]).put((String) row[1], (Long) row[2]));
        return facets;
    }

    private static Query bind(Query query, PostgresQuery sql) {
        sql.binds.forEach(query::bind);
        return query;
    }

    private static void write(Handle handle, List<SearchDocument> documents) {
        Map<String, SearchDocument> unique = new TreeMap<>();
        documents.forEach(document -> unique.put(id(document.type(), document.location()), document));
        // Rows in id order, so that replicas writing the same documents cannot deadlock.
        PreparedBatch rows = handle.prepareBatch(UPSERT);
        PreparedBatch clear = handle.prepareBatch("DELETE FROM search_facets WHERE doc_id = :id");
        PreparedBatch facets = handle.prepareBatch("INSERT INTO search_facets (doc_id, facet, facet_value)"
                + " VALUES (:id, :field, :value) ON CONFLICT DO NOTHING");
        TreeSet<String> vocabulary = new TreeSet<>();
        unique.forEach((id, document) -> {
            rows.bind("id", id).bind("type", document.type()).bind("location", document.location())
                    .bind("titleKey", Ranking.titleKey(document.title()))
                    .bind("titleSort", Ranking.titleSort(document.title()))
                    .bind("titleLength", Ranking.titleLength(document))
                    .bind("source", DocumentCodec.write(document))
                    .bind("terms", tsvector(document, vocabulary)).add();
            clear.bind("id", id).add();
            document.facets().forEach((field, values) -> new TreeSet<>(values.stream().map(Ranking::facetValue).toList())
                    .forEach(value -> facets.bind("id", id).bind("field", field).bind("value", value).add()));
        });
        if (unique.isEmpty()) {
            return;
        }
        rows.execute();
        clear.execute();
        if (facets.size() > 0) {
            facets.execute();
        }
        List<String> terms = new ArrayList<>(vocabulary);
        for (int from = 0; from < terms.size(); from += 10_000) {
            handle.createUpdate("INSERT INTO search_terms (term) SELECT unnest(CAST(:terms AS text[])) ON CONFLICT DO NOTHING")
                    .bindArray("terms", String.class, terms.subList(from, Math.min(terms.size(), from + 10_000)))
                    .execute();
        }
    }

    /** The weighted tsvector of a document: each distinct term once per field, A title, B tags, C text. */
    private static String tsvector(SearchDocument document, TreeSet<String> vocabulary) {
        StringBuilder vector = new StringBuilder();
        int position = 1;
        for (Ranking.Field field : Ranking.Field.values()) {
            for (String term : new LinkedHashSet<>(SearchAnalyzer.INSTANCE.terms(Ranking.text(document, field)))) {
                if (term.isEmpty() || term.length() > MAX_TERM) {
                    continue;
                }
                vocabulary.add(term);
                vector.append(PostgresQuery.lexeme(term)).append(':').append(Math.min(position++, 16_383))
                        .append(field.weightLabel).append(' ');
            }
        }
        return vector.toString();
    }

    static String id(String type, String location) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((type + '\u0000' + location).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
