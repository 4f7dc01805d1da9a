package io.kerberus.catalog.plugin;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.CatalogExtensions;
import io.kerberus.catalog.CatalogProcessor;
import io.kerberus.catalog.EntityCard;
import io.kerberus.catalog.EntityTab;
import io.kerberus.catalog.plugin.ui.CatalogPages;
import io.kerberus.catalog.EntityProvider;
import io.kerberus.catalog.KindSchema;
import io.kerberus.catalog.PlaceholderResolver;
import io.kerberus.catalog.UrlReader;
import io.kerberus.catalog.plugin.ingest.CatalogRules;
import io.kerberus.catalog.plugin.ingest.HttpUrlReader;
import io.kerberus.catalog.plugin.ingest.LocationExpander;
import io.kerberus.catalog.plugin.ingest.Placeholders;
import io.kerberus.catalog.plugin.ingest.Readers;
import io.kerberus.catalog.plugin.locations.LocationRoutes;
import io.kerberus.catalog.plugin.locations.LocationService;
import io.kerberus.catalog.plugin.model.EntitySchemas;
import io.kerberus.catalog.plugin.model.EntityValidator;
import io.kerberus.catalog.plugin.permission.CatalogAccess;
import io.kerberus.catalog.plugin.permission.ScopedPages;
import io.kerberus.catalog.plugin.permission.ScopedRoutes;
import io.kerberus.catalog.plugin.processing.EngineLoop;
import io.kerberus.catalog.plugin.processing.Engines;
import io.kerberus.catalog.plugin.processing.FinalStore;
import io.kerberus.catalog.plugin.processing.ProcessingEngine;
import io.kerberus.catalog.plugin.query.EntitiesRoutes;
import io.kerberus.catalog.plugin.query.EntityActionRoutes;
import io.kerberus.catalog.plugin.query.EntityIndex;
import io.kerberus.catalog.plugin.query.EntityListRoutes;
import io.kerberus.catalog.plugin.query.EntityQueries;
import io.kerberus.catalog.plugin.query.IndexFollower;
import io.kerberus.catalog.plugin.query.LocalCatalogClient;
import io.kerberus.plugin.Database;
import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import io.kerberus.plugin.Registrar;
import io.kerberus.plugin.Routes;
import io.kerberus.plugin.Schedule;
import io.kerberus.plugin.auth.UserDirectory;
import io.kerberus.catalog.plugin.users.CatalogUserDirectory;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The software catalog: Backstage's entity model and descriptor format, ingestion from file and URL
 * locations and entity providers, a database-backed incremental processing engine, an in-memory query
 * index per replica, and Backstage's REST API under {@code /api/catalog}.
 */
public final class CatalogPlugin implements Plugin {

    private final List<CatalogProcessor> processors = new ArrayList<>();
    private final List<EntityProvider> providers = new ArrayList<>();
    private final Map<String, PlaceholderResolver> placeholders = new LinkedHashMap<>();
    private final List<KindSchema> kinds = new ArrayList<>();
    private final List<UrlReader> urlReaders = new ArrayList<>();
    private final List<EntityTab> entityTabs = new ArrayList<>();
    private final List<EntityCard> entityCards = new ArrayList<>();
    private CatalogConfig config;

    @Override
    public String id() {
        return "catalog";
    }

    @Override
    public void register(Registrar registrar) {
        config = CatalogConfig.from(registrar.config(), registrar.rootConfig());
        registrar.provides(CatalogClient.REF, UserDirectory.REF);
        registrar.extensionPoint(CatalogExtensions.PROCESSORS, processors::add);
        registrar.extensionPoint(CatalogExtensions.PROVIDERS, providers::add);
        registrar.extensionPoint(CatalogExtensions.PLACEHOLDERS, placeholders::put);
        registrar.extensionPoint(CatalogExtensions.KINDS, kinds::add);
        registrar.extensionPoint(CatalogExtensions.URL_READERS, urlReaders::add);
        registrar.extensionPoint(CatalogExtensions.ENTITY_TABS, entityTabs::add);
        registrar.extensionPoint(CatalogExtensions.ENTITY_CARDS, entityCards::add);
    }

    @Override
    public void init(PluginContext context) {
        Jdbi jdbi = context.database().unwrap(Jdbi.class);
        Database.Dialect dialect = context.database().dialect();
        List<UrlReader> readerChain = new ArrayList<>(urlReaders);
        readerChain.add(new HttpUrlReader(config.readingAllow()));
        Readers readers = new Readers(readerChain, config.fileRoots());
        EntityValidator validator = new EntityValidator(new EntitySchemas(kinds));
        LocationExpander expander = new LocationExpander(readers, new CatalogRules(config.rules()),
                origin -> Optional.ofNullable(config.locationRules().get(origin)));
        FinalStore finals = new FinalStore(jdbi, dialect);
        EntityIndex index = new EntityIndex();
        IndexFollower follower = new IndexFollower(finals, index, dialect == Database.Dialect.POSTGRES);
        ProcessingEngine engine = Engines.create(jdbi, dialect, finals, validator, new Placeholders(readers, placeholders), expander,
                processors, new ProcessingEngine.Settings(config.interval(), config.deleteOrphans(), Duration.ofMinutes(2)),
                context.clock(), stitched -> {
                    // this replica's own changes reach its index at once; the follower reconciles within a second
                    stitched.changed().forEach(row -> index.put(row.ref(), row.entityId(), row.json(), row.data()));
                    stitched.deleted().forEach(index::remove);
                });
        EngineLoop loop = new EngineLoop(engine, Duration.ofSeconds(1));
        engine.onWork(loop::wakeUp);
        LocationService locations = new LocationService(jdbi, engine, readers, context.clock());
        EntityQueries queries = new EntityQueries(index);
        CatalogAccess access = new CatalogAccess(context.permissions(), index::jsonByRef);
        // routes and pages see only what the caller may read (catalog.entity.read, filtered in the index)
        EntityQueries readable = new EntityQueries(index, access::currentPredicate);
        Routes routes = new ScopedRoutes(context.routes(), access);

        follower.catchUp();
        locations.syncConfigured(config.locations());
        new EntityListRoutes(readable).mount(routes);
        new EntitiesRoutes(readable, index, engine).mount(routes);
        new EntityActionRoutes(readable, index, engine, access, context.audit()).mount(routes);
        new LocationRoutes(locations, engine, index, readable, access, context.audit()).mount(routes);
        new CatalogPages(jdbi, context.clock(), readable, index, engine, locations, config.organization(), entityTabs, entityCards,
                access, context.audit()).mount(new ScopedPages(context.pages(), access));
        LocalCatalogClient client = new LocalCatalogClient(index, queries, engine, readers, locations);
        context.provide(CatalogClient.REF, client);
        context.provide(UserDirectory.REF, new CatalogUserDirectory(client));
        context.tasks().schedule("follow-changes", Schedule.every(Duration.ofSeconds(1)).local(), run -> follower.catchUp());
        context.tasks().schedule("prune-deletions", Schedule.every(Duration.ofHours(6)),
                run -> finals.pruneDeletions(context.clock().millis() - Duration.ofDays(1).toMillis()));
        context.lifecycle().onStarted(() -> {
            loop.start();
            connectProviders(engine, context);
        });
        context.lifecycle().onShutdown(loop::stop);
    }

    private void connectProviders(ProcessingEngine engine, PluginContext context) {
        for (EntityProvider provider : providers) {
            try {
                provider.connect(new EntityProvider.Connection() {
                    @Override
                    public void applyFull(List<io.kerberus.catalog.Entity> entities) {
                        engine.applyProvided(provider.name(), entities, List.of(), true);
                    }

                    @Override
                    public void applyDelta(List<io.kerberus.catalog.Entity> added, List<io.kerberus.catalog.EntityRef> removed) {
                        engine.applyProvided(provider.name(), added, removed, false);
                    }
                });
            } catch (Exception e) {
                context.logger().error("Entity provider {} failed to connect", provider.name(), e);
            }
        }
    }
}
