package io.kerberus.search.plugin.engine;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts facet values over the matching documents from their sorted-set doc values: per segment an
 * array of counts by ordinal, turned into strings once per segment, so the cost follows the number
 * of matches and distinct values, not the stored documents.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counts, Map<String, Map<String, Long>>> {

    private final List<String> fields;

    FacetCounter(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    @Override
    public Counts newCollector() {
        return new Counts();
    }

    @Override
    public Map<String, Map<String, Long>> reduce(Collection<Counts> collectors) {
        Map<String, Map<String, Long>> total = new HashMap<>();
        for (String field : fields) {
            total.put(field, new TreeMap<>());
        }
        for (Counts counts : collectors) {
            counts.values.forEach((field, values) ->
                    values.forEach((value, count) -> total.get(field).merge(value, count, Long::sum)));
        }
        return total;
    }

    final class Counts implements Collector {

        private final Map<String, Map<String, Long>> values = new HashMap<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues[] docValues = new SortedSetDocValues[fields.size()];
            // fields with at most one value per document (kind, owner, lifecycle) read faster as single values
            SortedDocValues[] single = new SortedDocValues[fields.size()];
            int[][] counts = new int[fields.size()][];
            for (int i = 0; i < fields.size(); i++) {
                docValues[i] = DocValues.getSortedSet(context.reader(), LuceneDocuments.FACET + fields.get(i));
                single[i] = DocValues.unwrapSingleton(docValues[i]);
                counts[i] = new int[(int) docValues[i].getValueCount()];
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    for (int i = 0; i < docValues.length; i++) {
                        if (single[i] != null) {
                            if (single[i].advanceExact(doc)) {
                                counts[i][single[i].ordValue()]++;
                            }
                        } else if (docValues[i].advanceExact(doc)) {
                            for (int k = docValues[i].docValueCount(); k > 0; k--) {
                                counts[i][(int) docValues[i].nextOrd()]++;
                            }
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int i = 0; i < docValues.length; i++) {
                        Map<String, Long> field = values.computeIfAbsent(fields.get(i), f -> new HashMap<>());
                        for (int ord = 0; ord < counts[i].length; ord++) {
                            if (counts[i][ord] > 0) {
                                field.merge(docValues[i].lookupOrd(ord).utf8ToString(), (long) counts[i][ord], Long::sum);
                            }
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
