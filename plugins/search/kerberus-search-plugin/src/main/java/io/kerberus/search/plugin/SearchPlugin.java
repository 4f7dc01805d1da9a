package io.kerberus.search.plugin;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.plugin.Database;
import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import io.kerberus.plugin.Registrar;
import io.kerberus.plugin.Schedule;
import io.kerberus.plugin.ui.Icon;
import io.kerberus.plugin.ui.NavItem;
import io.kerberus.search.Collator;
import io.kerberus.search.SearchAccess;
import io.kerberus.search.SearchEngine;
import io.kerberus.search.SearchExtensions;
import io.kerberus.search.SearchIndex;
import io.kerberus.search.plugin.collate.CatalogCollator;
import io.kerberus.search.plugin.collate.TechDocsCollator;
import io.kerberus.search.plugin.engine.LuceneEngine;
import io.kerberus.search.plugin.engine.PostgresEngine;
import io.kerberus.techdocs.TechDocs;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Search over everything: the catalog, TechDocs and what other plugins' collators feed, with
 * Lucene on disk (each replica its own index) or PostgreSQL's full-text search (one index for all
 * replicas). The catalog's changes are indexed within a second; everything is collated again on
 * start and every {@code search.reindexInterval}.
 */
public final class SearchPlugin implements Plugin {

    /**
     * Lucene warns on every start that the JDK's incubating Vector API is not enabled; it only speeds
     * up vector search, which Kerberus does not use. Held here so the setting is not collected.
     */
    private static final java.util.logging.Logger LUCENE_VECTORS = quiet("org.apache.lucene.internal.vectorization.VectorizationProvider");

    private final List<Collator> moduleCollators = new ArrayList<>();
    private SearchConfig config;

    @Override
    public String id() {
        return "search";
    }

    @Override
    public void register(Registrar registrar) {
        config = SearchConfig.from(registrar.config());
        registrar.usesIfPresent(CatalogClient.REF, TechDocs.REF, SearchAccess.REF);
        registrar.provides(SearchIndex.REF);
        registrar.extensionPoint(SearchExtensions.COLLATORS, moduleCollators::add);
    }

    @Override
    public void init(PluginContext context) throws Exception {
        SearchEngine engine;
        if (config.postgres()) {
            if (context.database().dialect() != Database.Dialect.POSTGRES) {
                throw context.config().error("engine", "postgres needs backend.database.client: pg; the embedded database uses search.engine: lucene");
            }
            engine = new PostgresEngine(context.database().unwrap(Jdbi.class));
        } else {
            engine = openLucene(context.dataDirectory().resolve("index"), context);
        }
        Supplier<Optional<CatalogClient>> catalog = context.optionalService(CatalogClient.REF);
        Supplier<Optional<TechDocs>> techdocs = context.optionalService(TechDocs.REF);
        List<Collator> collators = new ArrayList<>();
        collators.add(new CatalogCollator(catalog));
        collators.add(new TechDocsCollator(techdocs, catalog));
        collators.addAll(moduleCollators);
        ScheduledExecutorService background = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("search-", 0).daemon().factory());
        Indexer indexer = new Indexer(engine, collators, catalog, background, context.clock(), context.logger());
        context.provide(SearchIndex.REF, indexer);
        context.lifecycle().onShutdown(indexer::close);

        Searcher searcher = new Searcher(engine, config, new ReadAccess(context.permissions(), catalog, context.clock()),
                context.optionalService(SearchAccess.REF));
        new SearchRoutes(searcher, indexer).mount(context.routes());
        new SearchPages(searcher).mount(context.pages());
        context.pages().nav(new NavItem("Search", "/search", Icon.SEARCH, 150));
        context.pages().stylesheet("/static/search/search.css");

        for (Collator collator : collators) {
            Duration every = collator.interval().equals(Duration.ofMinutes(10)) ? config.reindexInterval() : collator.interval();
            if (config.postgres()) {
                // one index for all replicas: one replica collates at a time
                context.tasks().schedule("reindex-" + collator.type(), Schedule.every(every), run -> indexer.collate(collator));
            } else {
                // an index per replica: each collates its own, from start-up on
                context.lifecycle().onStarted(() ->
                        background.scheduleWithFixedDelay(() -> indexer.collate(collator), 0, every.toMillis(), TimeUnit.MILLISECONDS));
            }
        }
        context.lifecycle().onStarted(() -> {
            catalog.get().ifPresent(client -> client.onChange(indexer::entityChanged));
            techdocs.get().ifPresent(docs -> docs.onPublished(ref -> indexer.reindexSoon(TechDocsCollator.TYPE)));
            background.scheduleWithFixedDelay(() -> {
                try {
                    indexer.flushEntities();
                } catch (RuntimeException e) {
                    context.logger().warn("Indexing catalog changes failed; the next full reindex catches up: {}", e.getMessage());
                }
            }, 200, 200, TimeUnit.MILLISECONDS);
        });
        context.logger().info("Search uses {}", engine.name());
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /**
     * Opens the Lucene index; one that cannot be read (corrupt, from another version) is moved aside
     * and rebuilt by the collators. A locked index (another process) fails start-up.
     */
    private static SearchEngine openLucene(java.nio.file.Path dir, PluginContext context) throws Exception {
        try {
            return new LuceneEngine(dir);
        } catch (io.kerberus.search.plugin.engine.UnreadableIndexException e) {
            java.nio.file.Path aside = dir.resolveSibling("index-broken-" + context.clock().millis());
            context.logger().warn("The search index at {} cannot be opened ({}); moving it to {} and building a new one", dir, e.getMessage(), aside);
            java.nio.file.Files.move(dir, aside);
            return new LuceneEngine(dir);
        }
    }
}
