package io.kerberus.search.plugin.engine;

import io.kerberus.search.SearchDocument;
import io.kerberus.search.SearchEngine;
import io.kerberus.search.SearchQuery;
import io.kerberus.search.SearchResults;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default engine: a Lucene index in a folder. One writer; writes are serialized, committed
 * (they survive a restart) and made visible before they return; queries run concurrently on the
 * latest searcher. Matching and ranking as {@link QueryTerms} and {@link Ranking} describe.
 */
public final class LuceneEngine implements SearchEngine {

    private final Path folder;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ReentrantLock writes = new ReentrantLock();
    /** Searches one query's slices in parallel: broad queries (a common word) score and count most of the index. */
    private final java.util.concurrent.ExecutorService queryThreads = java.util.concurrent.Executors.newFixedThreadPool(
            SlicedSearchers.CORES, Thread.ofPlatform().name("search-query-", 0).daemon().factory());

    /** Opens or creates the index in {@code folder}; {@link UnreadableIndexException} when it is corrupt. */
    public LuceneEngine(Path folder) throws IOException {
        this.folder = folder;
        Directory opened = null;
        IndexWriter openedWriter = null;
        try {
            Files.createDirectories(folder);
            opened = FSDirectory.open(folder);
            IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            openedWriter = new IndexWriter(opened, config);
            this.searchers = new SearcherManager(openedWriter, new SlicedSearchers(queryThreads));
        } catch (LockObtainFailedException e) {
            closeQuietly(openedWriter, opened);
            queryThreads.shutdownNow();
            throw new IOException("The search index in " + folder.toAbsolutePath()
                    + " is in use by another process; give each Kerberus instance its own data directory"
                    + " or use search.engine: postgres", e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(openedWriter, opened);
            queryThreads.shutdownNow();
            throw new UnreadableIndexException(folder, e);
        }
        this.directory = opened;
        this.writer = openedWriter;
    }

    @Override
    public String name() {
        return "lucene";
    }

    @Override
    public void replaceAll(String type, List<SearchDocument> documents) throws IOException {
        for (SearchDocument document : documents) {
            if (!document.type().equals(type)) {
                throw new IllegalArgumentException("replaceAll(" + type + ") got a document of type "
                        + document.type() + " at " + document.location());
            }
        }
        List<Document> built = build(documents);
        write(() -> {
            writer.deleteDocuments(new Term(LuceneDocuments.TYPE, type));
            writer.addDocuments(built);
        });
    }

    @Override
    public void upsert(List<SearchDocument> documents) throws IOException {
        Map<String, SearchDocument> unique = unique(documents);
        List<Document> built = build(List.copyOf(unique.values()));
        write(() -> {
            int i = 0;
            for (String id : unique.keySet()) {
                writer.updateDocument(new Term(LuceneDocuments.ID, id), built.get(i++));
            }
        });
    }

    @Override
    public void delete(String type, List<String> locations) throws IOException {
        Term[] ids = locations.stream().map(l -> new Term(LuceneDocuments.ID, LuceneDocuments.id(type, l))).toArray(Term[]::new);
        write(() -> writer.deleteDocuments(ids));
    }

    @Override
    public SearchResults query(SearchQuery query, List<String> facetFields) throws IOException {
        QueryTerms terms = QueryTerms.parse(query.term());
        if (QueryTerms.matchesNothing(query.term(), terms)) {
            return QueryTerms.nothing(facetFields);
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            Query lucene = LuceneDocuments.query(terms, query, searcher.getIndexReader());
            int hits = (int) Math.max(1, Math.min((long) query.offset() + query.limit(), searcher.getIndexReader().maxDoc()));
            var top = new TopFieldCollectorManager(LuceneDocuments.sort(terms), hits, null, Integer.MAX_VALUE);
            TopFieldDocs docs;
            Map<String, Map<String, Long>> facets = Map.of();
            if (facetFields.isEmpty()) {
                docs = searcher.search(lucene, top);
            } else {
                Object[] both = searcher.search(lucene, new MultiCollectorManager(top, new FacetCounter(facetFields)));
                docs = (TopFieldDocs) both[0];
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Long>> counted = (Map<String, Map<String, Long>>) both[1];
                facets = counted;
            }
            List<SearchResults.Result> results = new ArrayList<>();
            ScoreDoc[] page = docs.scoreDocs;
            for (int i = query.offset(); i < page.length && results.size() < query.limit(); i++) {
                SearchDocument document = DocumentCodec.read(searcher.storedFields().document(page[i].doc).get(LuceneDocuments.SOURCE));
                double score = terms.isEmpty() ? 0 : ((Number) ((FieldDoc) page[i]).fields[0]).doubleValue();
                results.add(new SearchResults.Result(document, score, Snippets.of(document, terms)));
            }
            return new SearchResults(results, docs.totalHits.value(), facets);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public Map<String, Long> counts() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Map<String, Long> counts = new TreeMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms types = leaf.reader().terms(LuceneDocuments.TYPE);
                TermsEnum each = types == null ? TermsEnum.EMPTY : types.iterator();
                for (BytesRef type = each.next(); type != null; type = each.next()) {
                    counts.putIfAbsent(type.utf8ToString(), 0L);
                }
            }
            for (String type : counts.keySet()) {
                counts.put(type, (long) searcher.count(new TermQuery(new Term(LuceneDocuments.TYPE, type))));
            }
            counts.values().removeIf(count -> count == 0);
            return counts;
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        writes.lock();
        try {
            searchers.close();
            writer.close();
            directory.close();
        } finally {
            queryThreads.shutdownNow();
            writes.unlock();
        }
    }

    @Override
    public String toString() {
        return "LuceneEngine[" + folder + "]";
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Write write) throws IOException {
        writes.lock();
        try {
            write.run();
            writer.commit();
            searchers.maybeRefreshBlocking();
        } finally {
            writes.unlock();
        }
    }

    private static List<Document> build(List<SearchDocument> documents) {
        Map<String, SearchDocument> unique = unique(documents);
        return unique.values().stream().map(LuceneDocuments::document).toList();
    }

    /** The last document for each type and location. */
    private static Map<String, SearchDocument> unique(List<SearchDocument> documents) {
        Map<String, SearchDocument> unique = new LinkedHashMap<>();
        for (SearchDocument document : documents) {
            String id = LuceneDocuments.id(document.type(), document.location());
            unique.remove(id);
            unique.put(id, document);
        }
        return unique;
    }

    private static void closeQuietly(IndexWriter writer, Directory directory) {
        try {
            if (writer != null) {
                writer.rollback();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // already failing with the original exception
        }
    }
}
