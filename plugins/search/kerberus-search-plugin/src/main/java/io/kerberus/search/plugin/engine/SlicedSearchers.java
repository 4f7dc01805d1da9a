package io.kerberus.search.plugin.engine;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * Searchers that split the index into about one slice per core, cutting segments into partitions
 * when needed, so that one broad query (a word most documents contain: every match is scored,
 * counted and its facets tallied) uses every core. Lucene's default keeps an index of this size in
 * one slice.
 */
final class SlicedSearchers extends SearcherFactory {

    static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Below this many documents a slice is not worth a thread hand-off. */
    static final int MIN_DOCS_PER_SLICE = 20_000;

    private final Executor executor;

    SlicedSearchers(Executor executor) {
        this.executor = executor;
    }

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
        return new IndexSearcher(reader, executor) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                int docs = leaves.stream().mapToInt(leaf -> leaf.reader().maxDoc()).sum();
                return slices(leaves, Math.max(MIN_DOCS_PER_SLICE, docs / CORES + 1), Integer.MAX_VALUE, true);
            }
        };
    }
}
