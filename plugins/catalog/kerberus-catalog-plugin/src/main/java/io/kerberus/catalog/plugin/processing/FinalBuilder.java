package io.kerberus.catalog.plugin.processing;

import io.kerberus.plugin.Response;
import io.kerberus.catalog.EntityRef;
import tools.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Builds the stored form of an entity: the processed entity with {@code metadata.uid}, the default
 * namespace, the {@code backstage.io/orphan} annotation, {@code status.items} for processing errors,
 * and, as the last key, the relations that start at it. The query index adds the inverse relations.
 */
final class FinalBuilder {

    static final String ORPHAN = "backstage.io/orphan";
    static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private FinalBuilder() {
    }

    /** The stored form of a successfully processed entity. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> build(StateRow row, Map<String, Object> processed, List<Rel> relations, List<String> errors) {
        Map<String, Object> entity = new LinkedHashMap<>(processed);
        entity.remove("relations");
        entity.remove("status");
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) entity.getOrDefault("metadata", Map.of()));
        metadata.put("uid", row.entityId());
        metadata.putIfAbsent("namespace", EntityRef.DEFAULT_NAMESPACE);
        if (row.orphan()) {
            Map<String, Object> annotations = new LinkedHashMap<>((Map<String, Object>) metadata.getOrDefault("annotations", Map.of()));
            annotations.put(ORPHAN, "true");
            metadata.put("annotations", annotations);
        }
        entity.put("metadata", metadata);
        putStatus(entity, errors);
        List<Map<String, Object>> list = new ArrayList<>();
        new LinkedHashSet<>(relations).stream()
                .filter(relation -> relation.source().equals(row.ref()))
                .sorted(Comparator.comparing(Rel::type).thenComparing(Rel::target))
                .forEach(relation -> list.add(relation(relation.type(), relation.target())));
        entity.put("relations", list);
        return entity;
    }

    /** The stored form with new errors, for an entity whose last good version stays. */
    static Map<String, Object> withErrors(String storedJson, List<String> errors) {
        Map<String, Object> stored = EntityProcessor.JSON.readValue(storedJson, MAP);
        Map<String, Object> entity = new LinkedHashMap<>(stored);
        Object relations = entity.remove("relations");
        entity.remove("status");
        putStatus(entity, errors);
        entity.put("relations", relations == null ? List.of() : relations);
        return entity;
    }

    private static void putStatus(Map<String, Object> entity, List<String> errors) {
        if (errors.isEmpty()) {
            return;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (String message : errors) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", "backstage.io/catalog-processing");
            item.put("level", "error");
            item.put("message", message);
            item.put("error", Response.object("name", "InputError", "message", message));
            items.add(item);
        }
        entity.put("status", Response.object("items", items));
    }

    /** A relation as Backstage serves it: type, target ref and the deprecated target object. */
    static Map<String, Object> relation(String type, String targetRef) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.put("targetRef", targetRef);
        try {
            EntityRef target = EntityRef.parse(targetRef);
            out.put("target", Response.object("kind", target.kind(), "namespace", target.namespace(), "name", target.name()));
        } catch (IllegalArgumentException e) {
            // a malformed ref is served as it is, without the deprecated target object
        }
        return out;
    }
}
