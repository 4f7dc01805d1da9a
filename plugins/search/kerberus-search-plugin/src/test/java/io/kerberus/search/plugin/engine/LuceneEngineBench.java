package io.kerberus.search.plugin.engine;

import io.kerberus.search.SearchDocument;
import io.kerberus.search.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The issue 6 benchmark, run by hand: {@code -Dtest=LuceneEngineBench -Dkerberus.bench=true}. Prints
 * the full reindex time of 110k documents and query latencies; asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "kerberus.bench", matches = "true")
class LuceneEngineBench {

    private static final int DOCUMENTS = 110_000;
    private static final String[] KINDS = {"Component", "API", "Resource", "System", "Group"};

    @TempDir
    Path folder;

    @Test
    void measuresReindexAndQueries() throws Exception {
        Random random = new Random(6);
        String[] words = vocabulary(random, 20_000);
        List<SearchDocument> catalog = new ArrayList<>();
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            String title = words[random.nextInt(words.length)] + "-" + words[random.nextInt(words.length)] + "-" + i;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 10 + random.nextInt(60); w++) {
                text.append(words[(int) Math.min(words.length - 1, Math.abs(random.nextGaussian()) * 3000)]).append(' ');
            }
            SearchDocument document = new SearchDocument(i % 4 == 0 ? "techdocs" : "software-catalog", title, text.toString(),
                    "/catalog/default/component/" + title, List.of(words[random.nextInt(200)]),
                    Map.of("kind", List.of(KINDS[random.nextInt(KINDS.length)]), "owner", List.of("team-" + random.nextInt(300))),
                    Map.of());
            (i % 4 == 0 ? docs : catalog).add(document);
        }
        try (LuceneEngine engine = new LuceneEngine(folder)) {
            long start = System.nanoTime();
            engine.replaceAll("software-catalog", catalog);
            engine.replaceAll("techdocs", docs);
            System.out.printf("reindex of %d documents: %d ms%n", DOCUMENTS, (System.nanoTime() - start) / 1_000_000);

            List<String> terms = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String word = words[random.nextInt(3000)];
                terms.add(word);
                terms.add(word.substring(0, Math.max(2, word.length() - 2)));
                terms.add(typo(word, random));
                terms.add(word + " " + words[random.nextInt(300)]);
                terms.add("");
            }
            measure(engine, terms, List.of());
            measure(engine, terms, List.of("kind", "owner"));
        }
    }

    private static void measure(LuceneEngine engine, List<String> terms, List<String> facets) throws Exception {
        String[] kinds = {"word", "prefix", "typo", "two words", "empty"};
        for (String term : terms) {
            engine.query(SearchQuery.of(term, 25), facets);
        }
        long[] all = new long[terms.size() * 3];
        long[][] byKind = new long[kinds.length][all.length / kinds.length];
        for (int i = 0; i < all.length; i++) {
            long start = System.nanoTime();
            engine.query(SearchQuery.of(terms.get(i % terms.size()), 25), facets);
            all[i] = System.nanoTime() - start;
            byKind[i % kinds.length][i / kinds.length] = all[i];
        }
        print((facets.isEmpty() ? "without" : "with") + " facets, all", all);
        for (int k = 0; k < kinds.length; k++) {
            print("  " + kinds[k], byKind[k]);
        }
    }

    private static void print(String label, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf("queries %s: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", label,
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6);
    }

    private static String[] vocabulary(Random random, int size) {
        String letters = "abcdefghijklmnoprstuvw";
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            StringBuilder word = new StringBuilder();
            for (int l = 0; l < 4 + random.nextInt(8); l++) {
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
            words[i] = word.toString();
        }
        return words;
    }

    private static String typo(String word, Random random) {
        int at = random.nextInt(word.length() - 1);
        return word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
    }
}
