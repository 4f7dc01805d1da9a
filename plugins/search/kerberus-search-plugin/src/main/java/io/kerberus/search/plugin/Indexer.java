package io.kerberus.search.plugin;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.search.Collator;
import io.kerberus.search.SearchDocument;
import io.kerberus.search.SearchEngine;
import io.kerberus.search.SearchIndex;
import io.kerberus.search.plugin.collate.CatalogCollator;
import org.slf4j.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps the engine's index filled: full collations per type (on start, on a schedule, on demand)
 * and, between them, catalog changes as they happen, batched and applied within a second.
 */
public final class Indexer implements SearchIndex {

    /**
     * What the last collation of a type did.
     *
     * @param type      the type
     * @param documents how many documents it indexed
     * @param millis    how long it took
     * @param at        when it ended, epoch millis
     * @param error     why it failed, or null
     */
    public record Status(String type, long documents, long millis, long at, String error) {
    }

    private final SearchEngine engine;
    private final Map<String, Collator> collators = new LinkedHashMap<>();
    private final Map<String, Status> status = new ConcurrentHashMap<>();
    private final Set<EntityRef> pendingEntities = new LinkedHashSet<>();
    private final Set<String> soon = ConcurrentHashMap.newKeySet();
    private final Supplier<Optional<CatalogClient>> catalog;
    private final ExecutorService executor;
    private final Clock clock;
    private final Logger logger;

    public Indexer(SearchEngine engine, List<Collator> collators, Supplier<Optional<CatalogClient>> catalog, ExecutorService executor,
                   Clock clock, Logger logger) {
        this.engine = engine;
        collators.forEach(c -> {
            if (this.collators.putIfAbsent(c.type(), c) != null) {
                throw new IllegalStateException("Two search collators have the type '" + c.type() + "'; give one another type");
            }
        });
        this.catalog = catalog;
        this.executor = executor;
        this.clock = clock;
        this.logger = logger;
    }

    public SearchEngine engine() {
        return engine;
    }

    public List<Collator> collators() {
        return List.copyOf(collators.values());
    }

    /** The last collation of each type. */
    public List<Status> status() {
        return collators.keySet().stream().map(type -> status.getOrDefault(type, new Status(type, 0, 0, 0, null))).toList();
    }

    /** Collates one type now, in this thread; a failure keeps the documents indexed before. */
    public Status collate(Collator collator) {
        long start = System.nanoTime();
        try {
            List<SearchDocument> documents = new ArrayList<>();
            collator.collate(document -> {
                if (!document.type().equals(collator.type())) {
                    throw new IllegalArgumentException("Collator " + collator.type() + " handed a document of type " + document.type());
                }
                documents.add(document);
            });
            engine.replaceAll(collator.type(), documents);
            Status done = new Status(collator.type(), documents.size(), (System.nanoTime() - start) / 1_000_000, clock.millis(), null);
            status.put(collator.type(), done);
            logger.info("Indexed {} {} documents in {} ms", done.documents(), collator.type(), done.millis());
            return done;
        } catch (Exception e) {
            Status failed = new Status(collator.type(), status.getOrDefault(collator.type(), new Status(collator.type(), 0, 0, 0, null)).documents(),
                    (System.nanoTime() - start) / 1_000_000, clock.millis(), e.getMessage() == null ? e.toString() : e.getMessage());
            status.put(collator.type(), failed);
            logger.warn("Indexing {} failed; the documents indexed before stay: {}", collator.type(), failed.error(), e);
            return failed;
        }
    }

    @Override
    public void upsert(List<SearchDocument> documents) {
        try {
            engine.upsert(documents);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot index " + documents.size() + " documents: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String type, List<String> locations) {
        try {
            engine.delete(type, locations);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot remove " + locations.size() + " " + type + " documents: " + e.getMessage(), e);
        }
    }

    @Override
    public void reindex(String type) {
        for (Collator collator : collators.values()) {
            if (type == null || collator.type().equals(type)) {
                executor.execute(() -> collate(collator));
            }
        }
    }

    /**
     * Collates a type again a few seconds from now, once for a burst of calls (a docs site
     * published: its sections replace the old ones).
     */
    public void reindexSoon(String type) {
        Collator collator = collators.get(type);
        if (collator != null && soon.add(type) && executor instanceof java.util.concurrent.ScheduledExecutorService scheduler) {
            scheduler.schedule(() -> {
                soon.remove(type);
                collate(collator);
            }, 2, TimeUnit.SECONDS);
        }
    }

    /** Queues a catalog entity whose document changed; {@link #flushEntities} indexes the queue. */
    public void entityChanged(EntityRef ref) {
        synchronized (pendingEntities) {
            pendingEntities.add(ref);
        }
    }

    /** Indexes the queued catalog changes: upserts the entities still there, removes the others. */
    public int flushEntities() {
        List<EntityRef> refs;
        synchronized (pendingEntities) {
            refs = new ArrayList<>(pendingEntities);
            pendingEntities.clear();
        }
        Optional<CatalogClient> client = catalog.get();
        if (refs.isEmpty() || client.isEmpty() || !collators.containsKey(CatalogCollator.TYPE)) {
            return 0;
        }
        List<Optional<Entity>> entities = client.get().entities(refs);
        List<SearchDocument> upserts = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            Optional<Entity> entity = entities.get(i);
            if (entity.isPresent()) {
                upserts.add(CatalogCollator.document(entity.get()));
            } else {
                removed.add(CatalogCollator.location(refs.get(i)));
            }
        }
        if (!upserts.isEmpty()) {
            upsert(upserts);
        }
        if (!removed.isEmpty()) {
            delete(CatalogCollator.TYPE, removed);
        }
        return refs.size();
    }

    /** Stops the background work and closes the engine. */
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
            engine.close();
        } catch (Exception e) {
            logger.warn("Closing the search engine failed: {}", e.getMessage());
        }
    }
}
