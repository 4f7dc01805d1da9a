package io.kerberus.catalog.plugin.processing;

import io.kerberus.catalog.CatalogProcessor;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.LocationSpec;
import io.kerberus.catalog.plugin.ingest.LocationExpander;
import io.kerberus.catalog.plugin.ingest.Placeholders;
import io.kerberus.catalog.plugin.model.EntityValidator;
import io.kerberus.catalog.plugin.model.FieldRules;
import io.kerberus.catalog.plugin.model.RelationRules;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Processes one entity as Backstage's pipeline does: resolve placeholders, pre-process, validate
 * (schemas, field rules, then the processors for kinds plugins add), post-process, derive relations,
 * and for Location entities read their targets. It never throws for bad input: problems come back as
 * errors, and the caller keeps the last good version.
 */
final class EntityProcessor {

    static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final EntityValidator validator;
    private final Placeholders placeholders;
    private final LocationExpander expander;
    private final List<CatalogProcessor> processors;

    EntityProcessor(EntityValidator validator, Placeholders placeholders, LocationExpander expander, List<CatalogProcessor> processors) {
        this.validator = validator;
        this.placeholders = placeholders;
        this.expander = expander;
        this.processors = List.copyOf(processors);
    }

    /**
     * What processing one entity gave.
     *
     * @param processed the processed entity, or null when it failed
     * @param errors    problems; an entity with errors keeps its last good version
     * @param relations relations it implies, both directions, with the entity as originator
     * @param children  entities found by reading it (a Location) or emitted by processors
     * @param expanded  whether it was a Location that was read (its children replace the old ones)
     * @param failed    location keys (or prefixes) that could not be read: keep what came from them
     */
    record Result(Map<String, Object> processed, List<String> errors, List<Rel> relations,
                  List<LocationExpander.Found> children, boolean expanded, List<String> failed) {

        static Result failure(List<String> errors) {
            return new Result(null, errors, List.of(), List.of(), false, List.of());
        }
    }

    Result process(StateRow row) {
        List<String> errors = new ArrayList<>();
        List<Rel> relations = new ArrayList<>();
        List<LocationExpander.Found> children = new ArrayList<>();
        Map<String, Object> data = JSON.readValue(row.unprocessedJson(), MAP);
        String managedBy = Entity.of(data).annotations().getOrDefault(LocationExpander.MANAGED_BY_LOCATION, "file:.");
        LocationSpec location = LocationSpec.of(managedBy.substring(0, Math.max(0, managedBy.indexOf(':'))), managedBy.substring(managedBy.indexOf(':') + 1));
        try {
            if (row.unprocessedJson().contains("{\"$")) {
                data = placeholders.resolve(data, location);
            }
            Emitter emit = new Emitter(relations, children, errors);
            Entity entity = Entity.of(data);
            for (CatalogProcessor processor : processors) {
                entity = processor.preProcess(entity, location, emit);
            }
            List<FieldRules.Violation> violations = validate(entity);
            if (!violations.isEmpty()) {
                violations.forEach(v -> errors.add(v.message()));
                return Result.failure(errors);
            }
            for (CatalogProcessor processor : processors) {
                entity = processor.postProcess(entity, location, emit);
            }
            List<FieldRules.Violation> refProblems = new ArrayList<>();
            for (RelationRules.Derived derived : RelationRules.derive(entity, refProblems)) {
                emit.relation(derived.source(), derived.type(), derived.target());
            }
            refProblems.forEach(v -> errors.add(v.message()));
            if (!refProblems.isEmpty()) {
                return Result.failure(errors);
            }
            boolean expanded = false;
            List<String> failed = List.of();
            if ("location".equalsIgnoreCase(entity.kind())) {
                LocationExpander.Result result = expander.expand(entity);
                children.addAll(result.found());
                errors.addAll(result.errors());
                failed = result.failed();
                expanded = true;
            }
            return new Result(entity.data(), errors, relations, children, expanded, failed);
        } catch (Placeholders.PlaceholderException e) {
            errors.add(e.getMessage());
        } catch (Exception e) {
            errors.add("Processing failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        return Result.failure(errors);
    }

    private List<FieldRules.Violation> validate(Entity entity) throws Exception {
        List<FieldRules.Violation> violations = validator.validate(entity.data());
        if (violations.size() == 1 && violations.getFirst().field().equals("kind") && violations.getFirst().message().startsWith("No processor")) {
            for (CatalogProcessor processor : processors) {
                try {
                    if (processor.validate(entity)) {
                        return List.of();
                    }
                } catch (IllegalArgumentException e) {
                    return List.of(new FieldRules.Violation("", e.getMessage()));
                }
            }
        }
        return violations;
    }

    /** Collects what processors emit. */
    private record Emitter(List<Rel> relations, List<LocationExpander.Found> children, List<String> errors)
            implements CatalogProcessor.Emitter {

        @Override
        public void entity(Entity entity, LocationSpec location) {
            children.add(new LocationExpander.Found(entity.data(), location.key()));
        }

        @Override
        public void location(LocationSpec location) {
            errors.add("Emitting a location (" + location.key() + ") from a processor is not supported; emit a Location entity instead");
        }

        @Override
        public void relation(EntityRef source, String type, EntityRef target) {
            // kept on the source, one way; the query index adds the inverse on the target's side
            relations.add(new Rel(source.key(), type, target.key()));
        }

        @Override
        public void error(String message) {
            errors.add(message);
        }
    }
}
