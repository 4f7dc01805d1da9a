package io.kerberus.catalog.plugin.processing;

import io.kerberus.catalog.EntityRef;
import org.jdbi.v3.core.Handle;
import tools.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds final entities: the last good processed entity, its uid and etag, the relations that start
 * at it (emitted by itself or, inverted, by others), {@code status.items} for processing errors and
 * the {@code backstage.io/orphan} annotation. Writes only what changed.
 */
final class Stitcher {

    static final String ORPHAN = "backstage.io/orphan";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final StateStore states;
    private final RelationStore relations;
    private final FinalStore finals;

    Stitcher(StateStore states, RelationStore relations, FinalStore finals) {
        this.states = states;
        this.relations = relations;
        this.finals = finals;
    }

    /** Stitches refs inside the caller's transaction. */
    Stitched stitch(Handle handle, Collection<String> refs, long now) {
        Map<String, StateRow> rows = states.findAll(refs);
        Map<String, List<RelationStore.Row>> bySource = relations.forEntities(handle, refs);
        Map<String, String> hashes = finals.hashes(handle, refs);
        List<FinalStore.Row> changed = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (String ref : refs) {
            StateRow row = rows.get(ref);
            if (row == null || row.processedJson() == null) {
                if (hashes.containsKey(ref)) {
                    deleted.add(ref);
                }
                continue;
            }
            List<String> childErrors = row.processedJson().contains("\"kind\":\"Location\"") ? childErrors(handle, ref) : List.of();
            Map<String, Object> entity = build(row, bySource.getOrDefault(ref, List.of()), childErrors);
            String json = EntityProcessor.JSON.writeValueAsString(entity);
            String hash = Hashes.of(json);
            if (!hash.equals(hashes.get(ref))) {
                changed.add(new FinalStore.Row(ref, row.entityId(), withEtag(json, hash), hash, 0, entity));
            }
        }
        finals.upsert(handle, changed);
        finals.delete(handle, deleted, now);
        return new Stitched(changed, deleted);
    }

    /** What is wrong with entities this location read that never made it into the catalog. */
    private List<String> childErrors(Handle handle, String ref) {
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, String> child : states.failedChildren(handle, ref)) {
            for (String message : EntityProcessor.JSON.readValue(child.getValue(), STRINGS)) {
                errors.add(child.getKey() + ": " + message);
            }
        }
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> build(StateRow row, List<RelationStore.Row> relations, List<String> childErrors) {
        Map<String, Object> entity = EntityProcessor.JSON.readValue(row.processedJson(), MAP);
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) entity.getOrDefault("metadata", Map.of()));
        metadata.put("uid", row.entityId());
        if (!metadata.containsKey("namespace")) {
            metadata.put("namespace", EntityRef.DEFAULT_NAMESPACE);
        }
        boolean orphan = row.parentRef() == null && !row.root() && (row.locationKey() == null || !row.locationKey().startsWith("provider:"));
        if (orphan) {
            Map<String, Object> annotations = new LinkedHashMap<>((Map<String, Object>) metadata.getOrDefault("annotations", Map.of()));
            annotations.put(ORPHAN, "true");
            metadata.put("annotations", annotations);
        }
        entity.put("metadata", metadata);
        List<Map<String, Object>> list = new ArrayList<>();
        relations.stream()
                .sorted(Comparator.comparing(RelationStore.Row::type).thenComparing(RelationStore.Row::target))
                .forEach(relation -> list.add(relation(relation)));
        entity.put("relations", list);
        List<String> messages = new ArrayList<>(row.errorsJson() == null ? List.of() : EntityProcessor.JSON.readValue(row.errorsJson(), STRINGS));
        messages.addAll(childErrors);
        if (!messages.isEmpty()) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (String message : messages) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("type", "backstage.io/catalog-processing");
                item.put("level", "error");
                item.put("message", message);
                item.put("error", Map.of("name", "InputError", "message", message));
                items.add(item);
            }
            entity.put("status", Map.of("items", items));
        } else {
            entity.remove("status");
        }
        return entity;
    }

    private static Map<String, Object> relation(RelationStore.Row relation) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", relation.type());
        out.put("targetRef", relation.target());
        try {
            EntityRef target = EntityRef.parse(relation.target());
            out.put("target", Map.of("kind", target.kind(), "namespace", target.namespace(), "name", target.name()));
        } catch (IllegalArgumentException e) {
            // a malformed ref is served as it is, without the deprecated target object
        }
        return out;
    }

    /** Adds {@code metadata.etag} to an entity's JSON without parsing it again. */
    private static String withEtag(String json, String hash) {
        int metadata = json.indexOf("\"metadata\":{");
        if (metadata < 0) {
            return json;
        }
        int at = metadata + "\"metadata\":{".length();
        return json.substring(0, at) + "\"etag\":\"" + hash + "\"," + json.substring(at);
    }
}
