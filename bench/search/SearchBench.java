import io.kerberus.catalog.Entity;
import io.kerberus.search.SearchDocument;
import io.kerberus.search.SearchEngine;
import io.kerberus.search.SearchQuery;
import io.kerberus.search.SearchResults;
import io.kerberus.search.plugin.collate.CatalogCollator;
import io.kerberus.search.plugin.engine.LuceneEngine;
import io.kerberus.search.plugin.engine.PostgresEngine;
import org.jdbi.v3.core.Jdbi;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The search benchmark of issue 6 (bench/search/run.sh runs it): 100k catalog documents built by the real
 * CatalogCollator from synthetic entities plus 10k techdocs sections of about 150 words, a full reindex
 * (replaceAll per type) timed, then 50 fixed queries in 7 classes, each run ROUNDS times after one warm-up
 * round, on Lucene (index in a temporary folder) and PostgreSQL (a fresh schema, dropped afterwards).
 *
 *   java -cp CLASSPATH bench/search/SearchBench.java [--engines lucene,postgres] [--catalog 100000] [--docs 10000]
 *        [--rounds 20] [--words bench/search/words.txt] [--split] [--keep-index FOLDER]
 *
 * Prints tab-separated lines: "index ENGINE TYPE MS", "query ENGINE CLASS P50_MS P99_MS MAX_MS N" (CLASS "all" for every query),
 * "term ENGINE CLASS P50_MS P99_MS QUERY" per query, "hits ENGINE CLASS TOTAL QUERY" once per query. Data is generated with a
 * fixed seed, so every run indexes the same documents and asks the same queries.
 */
public class SearchBench {

    static final String CATALOG = "software-catalog";
    static final String DOCS = "techdocs";
    static final List<String> FACETS = List.of("kind", "owner", "lifecycle", "tags"); // as Searcher.FACETS
    static final int LIMIT = 25; // the search page's page size

    static final String[] DOMAINS = {"payments", "ledger", "orders", "checkout", "billing", "invoice", "shipping", "inventory",
            "catalog", "pricing", "search", "identity", "auth", "profile", "notification", "email", "messaging", "analytics",
            "reporting", "metrics", "logging", "tracing", "fraud", "risk", "compliance", "audit", "onboarding", "subscription",
            "recommendation", "media", "content", "cart", "wallet", "refund", "tax", "currency", "partner", "merchant",
            "customer", "support", "warehouse", "fulfillment", "routing", "geo", "booking", "loyalty", "promotion", "kyc",
            "settlement", "treasury", "payroll", "hr", "devops", "platform", "kubernetes", "storage", "backup", "feature", "config", "gateway"};
    static final String[] NOUNS = {"ledger", "gateway", "processor", "engine", "store", "scheduler", "dispatcher", "importer",
            "exporter", "indexer", "aggregator", "collector", "tracker", "resolver", "validator", "router", "publisher",
            "consumer", "manager", "portal", "dashboard", "registry", "broker", "sync", "bridge", "monitor", "planner",
            "calculator", "generator", "renderer", "streamer", "orchestrator", "reconciler", "auditor", "notifier",
            "cache", "vault", "hub", "pipeline", "core"};
    static final String[] SUFFIXES = {"service", "api", "worker", "db", "ui", "lib", "job", "proxy", "adapter", "cli"};
    static final String[] TEAM_AREAS = {"payments", "ledger", "orders", "checkout", "billing", "shipping", "inventory", "catalog",
            "pricing", "search", "identity", "profile", "notifications", "analytics", "observability", "fraud", "compliance",
            "onboarding", "subscriptions", "recommendations", "media", "cart", "wallet", "tax", "partners", "merchants",
            "support", "warehouse", "fulfillment", "routing", "booking", "loyalty", "promotions", "settlement", "treasury",
            "payroll", "devex", "platform", "data", "security"};
    static final String[] TEAM_SUFFIXES = {"core", "platform", "squad", "infra", "web"};
    static final String[] TAGS = {"java", "kotlin", "go", "python", "typescript", "rust", "scala", "node", "react", "spring",
            "postgres", "mysql", "redis", "kafka", "rabbitmq", "grpc", "graphql", "rest", "kubernetes", "terraform", "aws",
            "gcp", "azure", "lambda", "docker", "helm", "elasticsearch", "cassandra", "mongodb", "s3", "pci", "gdpr",
            "sox", "tier-1", "tier-2", "tier-3", "internal", "external", "batch", "streaming", "frontend", "backend",
            "mobile", "ios", "android", "ml", "etl", "cron", "legacy", "critical"};
    static final String[] HEADINGS = {"Overview", "Getting started", "Architecture", "Runbook", "Deployment", "Monitoring",
            "Troubleshooting", "API reference", "Configuration", "On-call", "FAQ", "Data model", "Security",
            "Local development", "Release process", "Alerts", "Dependencies", "Testing", "Migrations", "Capacity planning"};

    record Query(String kind, SearchQuery query) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("engines", "lucene,postgres", "catalog", "100000",
                "docs", "10000", "rounds", "20", "words", "bench/search/words.txt"));
        boolean split = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--split")) {
                split = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        String[] words = Files.readAllLines(Path.of(options.get("words"))).stream().filter(w -> !w.isBlank()).toArray(String[]::new);
        Data data = new Data(words, Integer.parseInt(options.get("catalog")), Integer.parseInt(options.get("docs")));
        List<Query> queries = queries(data);
        int rounds = Integer.parseInt(options.get("rounds"));
        System.err.printf("generated %d catalog and %d docs documents; %d queries%n", data.catalog.size(), data.docs.size(), queries.size());
        for (String engine : options.get("engines").split(",")) {
            switch (engine) {
                case "lucene" -> {
                    boolean keep = options.containsKey("keep-index");
                    Path folder = keep ? Path.of(options.get("keep-index")) : Files.createTempDirectory("kerberus-search-bench");
                    try (LuceneEngine lucene = new LuceneEngine(folder)) {
                        run(lucene, data, queries, rounds, split, () -> { });
                    } finally {
                        if (!keep) try (Stream<Path> files = Files.walk(folder)) {
                            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                        }
                    }
                }
                case "postgres" -> {
                    String url = env("KERBERUS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
                    String user = env("KERBERUS_TEST_PG_USER", "postgres");
                    String password = env("KERBERUS_TEST_PG_PASSWORD", "");
                    String schema = "search_bench_" + Long.toHexString(System.nanoTime());
                    try (Connection admin = DriverManager.getConnection(url, user, password); Statement statement = admin.createStatement()) {
                        statement.execute("CREATE SCHEMA " + schema);
                        // one connection reused, like a pool's, so that queries do not pay for connecting
                        try (Connection connection = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password)) {
                            Jdbi jdbi = Jdbi.create(connection);
                            migrate(jdbi);
                            try (PostgresEngine postgres = new PostgresEngine(jdbi)) {
                                run(postgres, data, queries, rounds, split, () -> jdbi.useHandle(h -> h.execute("ANALYZE")));
                            }
                        } finally {
                            statement.execute("DROP SCHEMA " + schema + " CASCADE");
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown engine " + engine);
            }
        }
    }

    /** afterIndex: PostgreSQL's ANALYZE, which autovacuum runs soon after a bulk write; not counted in the reindex time. */
    static void run(SearchEngine engine, Data data, List<Query> queries, int rounds, boolean split, Call afterIndex) throws Exception {
        String name = engine.name();
        System.gc();
        long start = System.nanoTime();
        engine.replaceAll(CATALOG, data.catalog);
        long catalog = System.nanoTime();
        engine.replaceAll(DOCS, data.docs);
        long end = System.nanoTime();
        out("index", name, CATALOG, ms(catalog - start));
        out("index", name, DOCS, ms(end - catalog));
        out("index", name, "total", ms(end - start));
        System.err.printf("%s: reindex %.0f ms (%s)%n", name, (end - start) / 1e6, engine.counts());
        long analyze = System.nanoTime();
        afterIndex.run();
        out("index", name, "analyze", ms(System.nanoTime() - analyze));

        for (Query q : queries) { // warm-up round
            SearchResults results = engine.query(q.query, FACETS);
            out("hits", name, q.kind, Long.toString(results.total()), describe(q));
        }
        // as GET /api/search/query runs them: no facet counts (the API returns none)
        long[][] nanos = new long[queries.size()][rounds];
        for (int round = 0; round < rounds; round++) { // round-robin, so that a slow moment hits every query alike
            for (int i = 0; i < queries.size(); i++) {
                long t = System.nanoTime();
                engine.query(queries.get(i).query, List.of());
                nanos[i][round] = System.nanoTime() - t;
            }
        }
        // as the /search page runs them: with the counts of its four facets over all matches
        List<Long> page = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (Query q : queries) {
                long t = System.nanoTime();
                engine.query(q.query, FACETS);
                page.add(System.nanoTime() - t);
            }
        }
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            long[] sorted = nanos[i].clone();
            Arrays.sort(sorted);
            out("term", name, q.kind, ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), describe(q));
            for (long n : nanos[i]) {
                byKind.computeIfAbsent(q.kind, k -> new ArrayList<>()).add(n);
                byKind.computeIfAbsent("all", k -> new ArrayList<>()).add(n);
            }
        }
        byKind.put("search page, with facets", page);
        byKind.forEach((kind, values) -> {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            out("query", name, kind, ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]),
                    Integer.toString(sorted.length));
        });
        if (split) {
            split(engine, queries, rounds);
        }
    }

    /** Where a query's time goes: the same query without facets, and with a limit of 0 (matching and counting only). */
    static void split(SearchEngine engine, List<Query> queries, int rounds) throws Exception {
        for (Query q : queries) {
            SearchQuery noPage = new SearchQuery(q.query.term(), q.query.types(), q.query.filters(), 0, 1);
            long[] full = time(rounds, () -> engine.query(q.query, FACETS));
            long[] noFacets = time(rounds, () -> engine.query(q.query, List.of()));
            long[] countOnly = time(rounds, () -> engine.query(noPage, List.of()));
            out("split", engine.name(), q.kind, ms(percentile(full, 50)), ms(percentile(noFacets, 50)), ms(percentile(countOnly, 50)), describe(q));
        }
    }

    interface Call {
        void run() throws Exception;
    }

    static long[] time(int rounds, Call call) throws Exception {
        call.run();
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    static void out(String... fields) {
        System.out.println(String.join("\t", fields));
    }

    static String describe(Query q) {
        StringBuilder s = new StringBuilder("\"" + q.query.term() + "\"");
        if (!q.query.types().isEmpty()) {
            s.append(" type=").append(String.join(",", q.query.types()));
        }
        new java.util.TreeMap<>(q.query.filters()).forEach((k, v) -> s.append(' ').append(k).append('=').append(String.join(",", v)));
        return s.toString();
    }

    /** The 50 queries, fixed: literal strings, and names of entities picked by index from the seeded data. */
    static List<Query> queries(Data data) {
        List<Query> q = new ArrayList<>();
        // exact names (8), as someone pastes them
        for (int i : new int[] {421, 7, 1999, 12_345, 33_333, 50_001, 77_777, 99_998}) {
            q.add(plain("exact name", data.names.get(i % data.names.size())));
        }
        // prefixes (8), as typed so far: the last word also matches as a prefix
        for (String t : new String[] {"pay", "kube", "ledger-ser", "checkout-gat", "inv", "orders-api-g", "auth", "notif"}) {
            q.add(plain("prefix", t));
        }
        // typos (7): one or two letters wrong in a longer word
        for (String t : new String[] {"paymnets", "ledgre", "chekout gateway", "invetory", "configuation", "databse migration", "reconcilier"}) {
            q.add(plain("typo", t));
        }
        // two words (8)
        for (String t : new String[] {"payments ledger", "checkout gateway", "database migration", "cache invalidation",
                "kafka consumer", "search index", "fraud scoring", "release pipeline"}) {
            q.add(plain("two words", t));
        }
        // filtered by kind / owner / lifecycle (7)
        q.add(filtered("payments", Map.of("kind", List.of("component"))));
        q.add(filtered("service", Map.of("owner", List.of("payments-core"))));
        q.add(filtered("ledger", Map.of("kind", List.of("api"), "lifecycle", List.of("production"))));
        q.add(filtered("", Map.of("kind", List.of("api"))));
        q.add(filtered("gateway", Map.of("owner", List.of("identity-platform", "checkout-squad"))));
        q.add(filtered("worker", Map.of("kind", List.of("component"), "tags", List.of("kafka"))));
        q.add(filtered("deprecated", Map.of("lifecycle", List.of("deprecated"))));
        // restricted to one type (6)
        q.add(typed("runbook", DOCS));
        q.add(typed("configuration cache", DOCS));
        q.add(typed("deploy", DOCS));
        q.add(typed("orders", CATALOG));
        q.add(typed("billing processor", CATALOG));
        q.add(typed("troubleshooting timeout", DOCS));
        // common words (6): the head of the Zipf distribution
        for (String t : new String[] {data.words[0], data.words[1], data.words[3], "service", "config", "test"}) {
            q.add(plain("common word", t));
        }
        if (q.size() != 50) {
            throw new IllegalStateException(q.size() + " queries");
        }
        return q;
    }

    static Query plain(String kind, String term) {
        return new Query(kind, new SearchQuery(term, List.of(), Map.of(), 0, LIMIT));
    }

    static Query filtered(String term, Map<String, List<String>> filters) {
        return new Query("filtered", new SearchQuery(term, List.of(), filters, 0, LIMIT));
    }

    static Query typed(String term, String type) {
        return new Query("one type", new SearchQuery(term, List.of(type), Map.of(), 0, LIMIT));
    }

    /** The synthetic corpus, from a fixed seed. */
    static final class Data {
        final String[] words;
        final double[] zipf;
        final Random random = new Random(6);
        final List<String> names = new ArrayList<>();
        final List<SearchDocument> catalog = new ArrayList<>();
        final List<SearchDocument> docs = new ArrayList<>();

        Data(String[] words, int catalogSize, int docsSize) {
            this.words = words;
            this.zipf = new double[words.length];
            double sum = 0;
            for (int i = 0; i < words.length; i++) {
                sum += 1.0 / (i + 1);
                zipf[i] = sum;
            }
            for (int i = 0; i < words.length; i++) {
                zipf[i] /= sum;
            }
            List<String> teams = new ArrayList<>();
            for (String area : TEAM_AREAS) {
                for (String suffix : TEAM_SUFFIXES) {
                    teams.add(area + "-" + suffix);
                }
            }
            Set<String> seen = new HashSet<>();
            List<Map<String, Object>> components = new ArrayList<>();
            while (catalog.size() < catalogSize) {
                String domain = pick(DOMAINS);
                String noun = pick(NOUNS);
                String suffix = pick(SUFFIXES);
                String name = domain + "-" + noun + "-" + suffix + "-" + String.format("%04d", random.nextInt(10_000));
                double k = random.nextDouble();
                String kind = k < 0.60 ? "Component" : k < 0.75 ? "API" : k < 0.87 ? "Resource" : k < 0.95 ? "System" : "Domain";
                if (!seen.add(kind + "/" + name)) {
                    continue;
                }
                String type = switch (kind) {
                    case "Component" -> pick(new String[] {"service", "service", "service", "website", "library"});
                    case "API" -> pick(new String[] {"openapi", "openapi", "grpc", "graphql", "asyncapi"});
                    case "Resource" -> pick(new String[] {"database", "queue", "bucket", "cache", "topic"});
                    default -> "";
                };
                double l = random.nextDouble();
                String lifecycle = l < 0.7 ? "production" : l < 0.9 ? "experimental" : "deprecated";
                String team = teams.get(Math.min(teams.size() - 1, (int) Math.floor(Math.pow(random.nextDouble(), 1.5) * teams.size())));
                List<String> tags = new ArrayList<>();
                for (int t = random.nextInt(5); t > 0; t--) {
                    String tag = pick(TAGS);
                    if (!tags.contains(tag)) {
                        tags.add(tag);
                    }
                }
                String description = "The " + domain + " " + noun + " " + suffix + ": " + sentence(6 + random.nextInt(30));
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put("name", name);
                metadata.put("namespace", "default");
                metadata.put("description", description);
                metadata.put("tags", tags);
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("owner", "group:default/" + team);
                if (!kind.equals("System") && !kind.equals("Domain")) {
                    spec.put("lifecycle", lifecycle);
                    spec.put("type", type);
                }
                Map<String, Object> entity = Map.of("apiVersion", "backstage.io/v1alpha1", "kind", kind, "metadata", metadata, "spec", spec);
                names.add(name);
                catalog.add(CatalogCollator.document(Entity.of(entity)));
                if (kind.equals("Component")) {
                    components.add(entity);
                }
            }
            // docs: sections of the first components' sites, ten sections each, as TechDocsCollator.document builds them
            for (int c = 0; docs.size() < docsSize; c++) {
                Map<String, Object> entity = components.get(c % components.size());
                @SuppressWarnings("unchecked") Map<String, Object> metadata = (Map<String, Object>) entity.get("metadata");
                @SuppressWarnings("unchecked") Map<String, Object> spec = (Map<String, Object>) entity.get("spec");
                String name = (String) metadata.get("name");
                String owner = ((String) spec.get("owner")).replaceFirst("^group:(default/)?", "");
                for (int s = 0; s < 10 && docs.size() < docsSize; s++) {
                    String heading = s == 0 ? HEADINGS[0] : random.nextBoolean() ? pick(HEADINGS)
                            : capitalize(words[zipfIndex()]) + " " + words[zipfIndex()];
                    String page = s < 3 ? "" : "page-" + (s / 3) + "/";
                    String anchor = heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + s;
                    String url = "/docs/default/component/" + name + "/" + page + "#" + anchor;
                    Map<String, List<String>> facets = new LinkedHashMap<>();
                    facets.put("kind", List.of("component"));
                    facets.put("namespace", List.of("default"));
                    facets.put("owner", List.of(owner));
                    facets.put("lifecycle", List.of((String) spec.get("lifecycle")));
                    Map<String, String> extra = new LinkedHashMap<>();
                    extra.put("kind", "Component");
                    extra.put("namespace", "default");
                    extra.put("name", name);
                    extra.put("entityRef", "component:default/" + name);
                    extra.put("entityTitle", name);
                    extra.put("owner", owner);
                    extra.put("lifecycle", (String) spec.get("lifecycle"));
                    extra.put("path", page + "#" + anchor);
                    docs.add(new SearchDocument(DOCS, heading, paragraph(120 + random.nextInt(61)), url, List.of(), facets, extra));
                }
            }
        }

        String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        int zipfIndex() {
            int i = Arrays.binarySearch(zipf, random.nextDouble());
            return Math.min(words.length - 1, i < 0 ? -i - 1 : i);
        }

        String sentence(int length) {
            StringBuilder s = new StringBuilder();
            for (int w = 0; w < length; w++) {
                s.append(w == 0 ? capitalize(words[zipfIndex()]) : words[zipfIndex()]).append(w == length - 1 ? "." : " ");
            }
            return s.toString();
        }

        String paragraph(int length) {
            StringBuilder p = new StringBuilder();
            for (int left = length; left > 0; ) {
                int n = Math.min(left, 8 + random.nextInt(14));
                p.append(sentence(n)).append(' ');
                left -= n;
            }
            return p.toString().strip();
        }

        static String capitalize(String word) {
            return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
    }

    static void migrate(Jdbi jdbi) throws Exception {
        String sql;
        try (InputStream in = PostgresEngine.class.getResourceAsStream("/db/migration/search/V1__search.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutComments = String.join("\n", sql.lines().filter(line -> !line.strip().startsWith("--")).toList());
        jdbi.useHandle(handle -> {
            for (String statement : withoutComments.split(";")) {
                if (!statement.isBlank()) {
                    handle.execute(statement);
                }
            }
        });
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
