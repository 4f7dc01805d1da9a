package io.kerberus.catalog.plugin.processing;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.LocationSpec;
import io.kerberus.catalog.plugin.ingest.LocationExpander;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The catalog's processing loop, database-backed and incremental: claim due entities in batches,
 * process them, and store what came out in the same transaction: children of locations, errors, and the
 * final entity with the relations that start at it (the query index adds the inverses). Unchanged input
 * is detected by hash and costs a comparison. Replicas on one PostgreSQL database claim disjoint batches.
 */
public final class ProcessingEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessingEngine.class);
    static final int BATCH = 500;

    /**
     * How the engine behaves.
     *
     * @param interval       how often an entity is processed again
     * @param deleteOrphans  whether entities no location emits any more are deleted (else annotated as orphans)
     * @param lease          how long a claim lasts before another replica may take the row
     */
    public record Settings(Duration interval, boolean deleteOrphans, Duration lease) {
    }

    private final Jdbi jdbi;
    private final StateStore states;
    private final FinalStore finals;
    private final EntityProcessor processor;
    private final Settings settings;
    private final Clock clock;
    private final String node = "catalog-" + UUID.randomUUID().toString().substring(0, 8);
    private final Consumer<Stitched> onStitched;
    private volatile Runnable wakeUp = () -> { };

    ProcessingEngine(Jdbi jdbi, FinalStore finals, io.kerberus.plugin.Database.Dialect dialect, EntityProcessor processor,
                     Settings settings, Clock clock, Consumer<Stitched> onStitched) {
        this.jdbi = jdbi;
        this.states = new StateStore(jdbi, dialect);
        this.finals = finals;
        this.processor = processor;
        this.settings = settings;
        this.clock = clock;
        this.onStitched = onStitched;
    }

    /** Called whenever work became due (a new location, a refresh, provider changes), to process it at once. */
    public void onWork(Runnable hook) {
        wakeUp = hook;
    }

    /** The ref of the Location entity that stands for a registered location. */
    public static EntityRef rootRef(LocationSpec location) {
        return EntityRef.of("location", EntityRef.DEFAULT_NAMESPACE, "generated-" + Hashes.sha1(location.key()));
    }

    /** Adds a registered location as a root Location entity, due now; does nothing when it exists. */
    public void addRoot(LocationSpec location) {
        EntityRef ref = rootRef(location);
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put(LocationExpander.MANAGED_BY_LOCATION, location.key());
        annotations.put(LocationExpander.MANAGED_BY_ORIGIN_LOCATION, location.key());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", ref.name());
        metadata.put("namespace", ref.namespace());
        metadata.put("annotations", annotations);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", location.type());
        spec.put("target", location.target());
        if (location.optional()) {
            spec.put("presence", "optional");
        }
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("apiVersion", "backstage.io/v1alpha1");
        entity.put("kind", "Location");
        entity.put("metadata", metadata);
        entity.put("spec", spec);
        String json = EntityProcessor.JSON.writeValueAsString(entity);
        long now = clock.millis();
        jdbi.useTransaction(handle -> {
            if (states.findAll(List.of(ref.key())).isEmpty()) {
                states.insert(handle, List.of(new StateRow(ref.key(), UUID.randomUUID().toString(), true, null, location.key(), json,
                        Hashes.of(json), null, null)), now, now);
            }
        });
        wakeUp.run();
    }

    /**
     * Removes a registered location and everything only it brought in, with their relations.
     *
     * @return the refs removed
     */
    public List<String> removeRoot(LocationSpec location) {
        String root = rootRef(location).key();
        long now = clock.millis();
        List<String> removed = jdbi.inTransaction(handle -> {
            List<String> tree = states.subtree(handle, root);
            delete(handle, tree, now);
            return tree;
        });
        onStitched.accept(new Stitched(List.of(), removed));
        return removed;
    }

    /** Deletes entities outright (API delete of an orphan, orphan strategy delete). */
    public void delete(List<String> refs) {
        long now = clock.millis();
        jdbi.useTransaction(handle -> delete(handle, refs, now));
        onStitched.accept(new Stitched(List.of(), refs));
    }

    private void delete(Handle handle, List<String> refs, long now) {
        states.delete(handle, refs);
        finals.delete(handle, refs, now);
    }

    /**
     * Applies what an entity provider sent: its entities are owned by {@code provider:<name>}, are never
     * orphans, and in a full mutation everything the provider no longer sends is removed.
     */
    public void applyProvided(String provider, List<Entity> entities, List<EntityRef> removed, boolean full) {
        String owner = "provider:" + provider;
        long now = clock.millis();
        List<String> deleted = new ArrayList<>();
        jdbi.useTransaction(handle -> {
            Map<String, Entity> byRef = new LinkedHashMap<>();
            for (Entity entity : entities) {
                Entity annotated = entity;
                if (!entity.annotations().containsKey(LocationExpander.MANAGED_BY_LOCATION)) {
                    annotated = annotated.withAnnotation(LocationExpander.MANAGED_BY_LOCATION, owner);
                }
                if (!entity.annotations().containsKey(LocationExpander.MANAGED_BY_ORIGIN_LOCATION)) {
                    annotated = annotated.withAnnotation(LocationExpander.MANAGED_BY_ORIGIN_LOCATION, owner);
                }
                byRef.put(annotated.ref().key(), annotated);
            }
            Map<String, StateRow> existing = states.findAll(byRef.keySet());
            List<StateRow> inserts = new ArrayList<>();
            List<StateRow> updates = new ArrayList<>();
            byRef.forEach((ref, entity) -> {
                String json = EntityProcessor.JSON.writeValueAsString(entity.data());
                String hash = Hashes.of(json);
                StateRow old = existing.get(ref);
                if (old == null) {
                    inserts.add(new StateRow(ref, UUID.randomUUID().toString(), false, owner, owner, json, hash, null, null));
                } else if (!owner.equals(old.parentRef()) && !(old.parentRef() == null && !old.root())) {
                    LOG.warn("Provider {} sent {}, which {} already provides; ignored", provider, ref, old.locationKey());
                } else if (!hash.equals(old.unprocessedHash()) || !owner.equals(old.parentRef())) {
                    updates.add(new StateRow(ref, old.entityId(), false, owner, owner, json, hash, null, null));
                }
            });
            states.insert(handle, inserts, now, now);
            states.updateUnprocessed(handle, updates, now);
            List<String> gone = new ArrayList<>(removed.stream().map(EntityRef::key).toList());
            if (full) {
                for (String ref : states.childrenOf(handle, owner)) {
                    if (!byRef.containsKey(ref)) {
                        gone.add(ref);
                    }
                }
            }
            Map<String, StateRow> goneRows = states.findAll(gone);
            gone.removeIf(ref -> goneRows.get(ref) == null || !owner.equals(goneRows.get(ref).parentRef()));
            delete(handle, gone, now);
            deleted.addAll(gone);
        });
        onStitched.accept(new Stitched(List.of(), deleted));
        wakeUp.run();
    }

    /** Processes the entity and the location that emitted it again, soon. */
    public boolean refresh(String ref) {
        var row = states.find(ref);
        if (row.isEmpty()) {
            return false;
        }
        List<String> due = new ArrayList<>(List.of(ref));
        if (row.get().parentRef() != null && !row.get().parentRef().startsWith("provider:")) {
            due.add(row.get().parentRef());
        }
        states.makeDue(due, clock.millis());
        wakeUp.run();
        return true;
    }

    /**
     * Processes one batch of due entities and stores what came out.
     *
     * @return how many entities it processed
     */
    public int processBatch() {
        long now = clock.millis();
        List<StateRow> claimed = states.claimDue(node, now, settings.lease().toMillis(), BATCH);
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<StateRow, EntityProcessor.Result> results = new LinkedHashMap<>();
        for (StateRow row : claimed) {
            results.put(row, isUnchanged(row) ? null : processor.process(row));
        }
        onStitched.accept(jdbi.inTransaction(handle -> commit(handle, results, now)));
        return claimed.size();
    }

    /** Input that was already processed successfully and has nothing to re-read. */
    private static boolean isUnchanged(StateRow row) {
        return row.unprocessedHash().equals(row.processedHash()) && row.errorsJson() == null
                && !row.unprocessedJson().contains("\"kind\":\"Location\"") && !row.unprocessedJson().contains("{\"$");
    }

    private Stitched commit(Handle handle, Map<StateRow, EntityProcessor.Result> results, long now) {
        List<StateStore.Outcome> outcomes = new ArrayList<>();
        Map<String, Map<String, Object>> written = new LinkedHashMap<>();
        Set<String> orphaned = new HashSet<>();
        Set<String> parentsToRedo = new HashSet<>();
        Map<String, String> stored = finals.existing(handle, results.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().processed() == null).map(e -> e.getKey().ref()).toList());
        for (Map.Entry<StateRow, EntityProcessor.Result> entry : results.entrySet()) {
            StateRow row = entry.getKey();
            EntityProcessor.Result result = entry.getValue();
            long next = now + jittered(settings.interval());
            if (result == null) {
                outcomes.add(new StateStore.Outcome(row.ref(), row.processedHash(), row.errorsJson(), next, row.unprocessedHash()));
                continue;
            }
            List<String> errors = new ArrayList<>(result.errors());
            if (result.expanded()) {
                orphaned.addAll(updateChildren(handle, row, result, errors, now));
            }
            boolean ok = result.processed() != null;
            String errorsJson = errors.isEmpty() ? null : EntityProcessor.JSON.writeValueAsString(errors);
            outcomes.add(new StateStore.Outcome(row.ref(), ok ? row.unprocessedHash() : row.processedHash(), errorsJson, next, row.unprocessedHash()));
            if (ok) {
                List<String> shown = new ArrayList<>(errors);
                if (result.expanded()) {
                    states.failedChildren(handle, row.ref()).forEach(child -> EntityProcessor.JSON.readValue(child.getValue(), FinalBuilder.STRINGS)
                            .forEach(message -> shown.add(child.getKey() + ": " + message)));
                }
                written.put(row.ref(), FinalBuilder.build(row, result.processed(), result.relations(), shown));
                if (row.errorsJson() != null && row.parentRef() != null) {
                    parentsToRedo.add(row.parentRef());
                }
            } else if (stored.containsKey(row.ref())) {
                written.put(row.ref(), FinalBuilder.withErrors(stored.get(row.ref()), errors));
            } else if (row.parentRef() != null && !java.util.Objects.equals(errorsJson, row.errorsJson())) {
                // an entity that never made it shows its errors on its location
                parentsToRedo.add(row.parentRef());
            }
            if (!errors.isEmpty()) {
                LOG.debug("Processing {} gave errors: {}", row.ref(), errors);
            }
        }
        states.saveOutcomes(handle, outcomes, node);
        parentsToRedo.removeIf(parent -> parent.startsWith("provider:"));
        states.forceReprocess(handle, parentsToRedo, now);
        List<String> deleted = new ArrayList<>();
        if (settings.deleteOrphans()) {
            delete(handle, new ArrayList<>(orphaned), now);
            deleted.addAll(orphaned);
            orphaned.forEach(written::remove);
        } else {
            states.orphan(handle, orphaned, now);
        }
        return new Stitched(writeFinals(handle, written), deleted);
    }

    /** Writes the final entities whose content changed; returns them. */
    private List<FinalStore.Row> writeFinals(Handle handle, Map<String, Map<String, Object>> entities) {
        Map<String, String> hashes = finals.hashes(handle, entities.keySet());
        List<FinalStore.Row> changed = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : entities.entrySet()) {
            String json = EntityProcessor.JSON.writeValueAsString(entry.getValue());
            String hash = Hashes.of(json);
            if (!hash.equals(hashes.get(entry.getKey()))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> metadata = (Map<String, Object>) entry.getValue().get("metadata");
                String uid = String.valueOf(metadata.get("uid"));
                changed.add(new FinalStore.Row(entry.getKey(), uid, withEtag(json, hash), hash, 0, entry.getValue()));
            }
        }
        finals.upsert(handle, changed);
        return changed;
    }

    /** Adds {@code metadata.etag} to an entity's JSON without serialising it again. */
    private static String withEtag(String json, String hash) {
        int metadata = json.indexOf("\"metadata\":{");
        if (metadata < 0) {
            return json;
        }
        int at = metadata + "\"metadata\":{".length();
        return json.substring(0, at) + "\"etag\":\"" + hash + "\"," + json.substring(at);
    }

    /**
     * Writes what a Location emitted: new entities, changed ones, conflicts (refused, reported on the
     * Location) and entities it no longer emits (orphaned, unless their file failed to read).
     *
     * @return the refs that became orphans
     */
    private Set<String> updateChildren(Handle handle, StateRow parent, EntityProcessor.Result result, List<String> errors, long now) {
        Map<String, LocationExpander.Found> emitted = new LinkedHashMap<>();
        for (LocationExpander.Found found : result.children()) {
            String ref;
            try {
                ref = Entity.of(found.data()).ref().key();
            } catch (RuntimeException e) {
                errors.add(found.locationKey() + ": an entity without kind or metadata.name cannot be read");
                continue;
            }
            if (emitted.putIfAbsent(ref, found) != null) {
                errors.add(found.locationKey() + ": " + ref + " is defined twice in this location; the first one is kept");
            }
        }
        Map<String, StateRow> existing = states.findAll(emitted.keySet());
        List<StateRow> inserts = new ArrayList<>();
        List<StateRow> updates = new ArrayList<>();
        for (Map.Entry<String, LocationExpander.Found> entry : emitted.entrySet()) {
            String ref = entry.getKey();
            LocationExpander.Found found = entry.getValue();
            String json = EntityProcessor.JSON.writeValueAsString(found.data());
            String hash = Hashes.of(json);
            StateRow old = existing.get(ref);
            if (old == null) {
                inserts.add(new StateRow(ref, UUID.randomUUID().toString(), false, parent.ref(), found.locationKey(), json, hash, null, null));
                continue;
            }
            boolean mine = parent.ref().equals(old.parentRef()) || found.locationKey().equals(old.locationKey()) || old.orphan();
            if (!mine) {
                errors.add("Conflicting entity " + ref + ": already provided by " + old.locationKey() + ", so the one in "
                        + found.locationKey() + " is ignored. Remove one of them, or unregister the other location.");
                continue;
            }
            if (!hash.equals(old.unprocessedHash()) || !parent.ref().equals(old.parentRef()) || !found.locationKey().equals(old.locationKey())) {
                updates.add(new StateRow(ref, old.entityId(), old.root(), parent.ref(), found.locationKey(), json, hash, null, null));
            }
        }
        states.insert(handle, inserts, now, now);
        states.updateUnprocessed(handle, updates, now);
        Set<String> gone = new HashSet<>();
        for (String child : states.childrenOf(handle, parent.ref())) {
            if (!emitted.containsKey(child)) {
                gone.add(child);
            }
        }
        if (!gone.isEmpty() && !result.failed().isEmpty()) {
            Map<String, StateRow> goneRows = states.findAll(gone);
            gone.removeIf(ref -> {
                String key = goneRows.get(ref) == null ? null : goneRows.get(ref).locationKey();
                return key != null && result.failed().stream().anyMatch(key::startsWith);
            });
        }
        return gone;
    }

    /** Whether nothing is due. */
    public boolean isIdle() {
        long now = clock.millis();
        long due = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM catalog_refresh_state WHERE next_update_at <= :now")
                .bind("now", now).mapTo(Long.class).one());
        return due == 0;
    }

    /** The entities nothing emits any more (for orphan clean-up). */
    public List<String> orphans() {
        return jdbi.withHandle(states::orphans);
    }

    /** Processing without storing, for dry runs and validation. */
    public DryRun dryRun() {
        return new DryRun(processor);
    }

    /** The ref and its chain of parents (the Location entities that brought it in), nearest first. */
    public List<String> ancestry(String ref) {
        List<String> chain = new ArrayList<>();
        String current = ref;
        while (current != null && chain.size() < 32 && !chain.contains(current)) {
            var row = states.find(current);
            if (row.isEmpty()) {
                break;
            }
            chain.add(current);
            current = row.get().parentRef();
        }
        return chain;
    }

    /** Whether the catalog knows the ref at all (processed or not). */
    public boolean exists(String ref) {
        return states.find(ref).isPresent();
    }

    private static long jittered(Duration interval) {
        long millis = interval.toMillis();
        return millis + ThreadLocalRandom.current().nextLong(Math.max(1, millis / 5)) - millis / 10;
    }
}
