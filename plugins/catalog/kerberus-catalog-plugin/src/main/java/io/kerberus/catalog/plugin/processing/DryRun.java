package io.kerberus.catalog.plugin.processing;

import io.kerberus.plugin.Response;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.LocationSpec;
import io.kerberus.catalog.plugin.ingest.LocationExpander;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Processes a location without storing anything: what registering it would bring into the catalog,
 * and what is wrong with it. Used by {@code dryRun}, {@code analyze-location} and {@code validate-entity}.
 */
public final class DryRun {

    private static final int MAX_ENTITIES = 10_000;

    private final EntityProcessor processor;

    DryRun(EntityProcessor processor) {
        this.processor = processor;
    }

    /**
     * What a location holds.
     *
     * @param entities the entities it would bring in, processed
     * @param errors   problems, each naming the file or entity
     */
    public record Result(List<Map<String, Object>> entities, List<String> errors) {
    }

    /** Reads a location and processes everything in it, Location entities included. */
    public Result location(LocationSpec location) {
        Map<String, Object> root = Response.object("apiVersion", "backstage.io/v1alpha1", "kind", "Location",
                "metadata", Response.object("name", ProcessingEngine.rootRef(location).name(),
                        "annotations", Response.object(LocationExpander.MANAGED_BY_LOCATION, location.key(), LocationExpander.MANAGED_BY_ORIGIN_LOCATION, location.key())),
                "spec", Response.object("type", location.type(), "target", location.target()));
        List<Map<String, Object>> entities = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Deque<Map<String, Object>> pending = new ArrayDeque<>();
        pending.add(root);
        boolean first = true;
        while (!pending.isEmpty() && entities.size() < MAX_ENTITIES) {
            Map<String, Object> data = pending.poll();
            EntityProcessor.Result result = processor.process(row(data));
            String prefix = first ? "" : safeRef(data) + ": ";
            result.errors().forEach(error -> errors.add(prefix + error));
            if (result.processed() != null && !first) {
                entities.add(result.processed());
            }
            result.children().forEach(child -> pending.add(child.data()));
            first = false;
        }
        return new Result(entities, errors);
    }

    /** Processes one entity as if read from {@code location}; the errors, empty when valid. */
    public List<String> entity(Map<String, Object> data, LocationSpec location) {
        Entity annotated = Entity.of(data).withAnnotation(LocationExpander.MANAGED_BY_LOCATION, location.key());
        return processor.process(row(annotated.data())).errors();
    }

    private static StateRow row(Map<String, Object> data) {
        String json = EntityProcessor.JSON.writeValueAsString(data);
        return new StateRow(safeRef(data), "dry-run", false, null, null, json, Hashes.of(json), null, null);
    }

    private static String safeRef(Map<String, Object> data) {
        try {
            return Entity.of(data).ref().key();
        } catch (RuntimeException e) {
            return "(entity without kind or name)";
        }
    }
}
