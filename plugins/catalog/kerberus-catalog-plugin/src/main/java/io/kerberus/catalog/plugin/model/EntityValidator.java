package io.kerberus.catalog.plugin.model;

import io.kerberus.catalog.Entity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates entities the way Backstage does: the envelope, the field formats (names, namespaces,
 * labels, annotations, tags), the common schema and the kind's schema. An unknown kind is an error on
 * the entity, never a crash.
 */
public final class EntityValidator {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final EntitySchemas schemas;

    public EntityValidator(EntitySchemas schemas) {
        this.schemas = schemas;
    }

    public EntitySchemas schemas() {
        return schemas;
    }

    /** Every problem of the entity, each naming its field; empty when it is valid. */
    public List<FieldRules.Violation> validate(Map<String, Object> data) {
        List<FieldRules.Violation> violations = new ArrayList<>();
        for (String field : List.of("apiVersion", "kind")) {
            Object value = data.get(field);
            if (!(value instanceof String text) || text.isEmpty()) {
                violations.add(new FieldRules.Violation(field, "\"" + field + "\" " + (value == null ? "is missing" : "must be a non-empty string")));
            }
        }
        if (!(data.get("metadata") instanceof Map<?, ?> metadata)) {
            violations.add(new FieldRules.Violation("metadata", "\"metadata\" " + (data.get("metadata") == null ? "is missing" : "must be an object")));
            return violations;
        }
        if (!(metadata.get("name") instanceof String)) {
            violations.add(new FieldRules.Violation("metadata.name", "\"metadata.name\" " + (metadata.get("name") == null ? "is missing" : "must be a string")));
        }
        if (!violations.isEmpty()) {
            return violations;
        }
        violations.addAll(FieldRules.check(data));
        if (!violations.isEmpty()) {
            return violations;
        }
        JsonNode json = JSON.valueToTree(data);
        violations.addAll(schemas.checkEntity(json));
        if (!violations.isEmpty()) {
            return violations;
        }
        String kind = (String) data.get("kind");
        if (!schemas.knows(kind)) {
            violations.add(new FieldRules.Violation("kind", "No processor recognized the entity " + Entity.of(data).ref()
                    + ": kind \"" + kind + "\" is not known to the catalog. Fix the kind, or add it with a catalog module."));
            return violations;
        }
        List<String> apiVersions = schemas.apiVersions(kind);
        if (!apiVersions.isEmpty() && !apiVersions.contains(data.get("apiVersion"))) {
            violations.add(new FieldRules.Violation("apiVersion", "\"apiVersion\" of a " + kind + " must be one of " + apiVersions
                    + " but found \"" + data.get("apiVersion") + "\""));
            return violations;
        }
        Object specType = data.get("spec") instanceof Map<?, ?> spec ? spec.get("type") : null;
        violations.addAll(schemas.checkKind(kind, specType instanceof String text ? text : null, json));
        return violations;
    }
}
