package io.kerberus.catalog.plugin.locations;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.LocationSpec;
import io.kerberus.catalog.plugin.processing.DryRun;
import io.kerberus.catalog.plugin.processing.ProcessingEngine;
import io.kerberus.catalog.plugin.query.EntityIndex;
import io.kerberus.catalog.plugin.query.EntityQueries;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.Routes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The location endpoints of Backstage's catalog API: list, get, create (with dryRun), update, delete, by-entity, analyze. */
public final class LocationRoutes {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final LocationService locations;
    private final ProcessingEngine engine;
    private final EntityIndex index;
    private final EntityQueries readable;
    private final io.kerberus.catalog.plugin.permission.CatalogAccess access;
    private final io.kerberus.plugin.AuditLog audit;

    /**
     * @param readable queries restricted to the caller's read filter ({@code catalog.entity.read})
     * @param access   permission checks: {@code catalog.location.read}, {@code .create}, {@code .delete}
     * @param audit    where location deletions are recorded
     */
    public LocationRoutes(LocationService locations, ProcessingEngine engine, EntityIndex index, EntityQueries readable,
                          io.kerberus.catalog.plugin.permission.CatalogAccess access, io.kerberus.plugin.AuditLog audit) {
        this.locations = locations;
        this.engine = engine;
        this.index = index;
        this.readable = readable;
        this.access = access;
        this.audit = audit;
    }

    private Routes.Handler needs(io.kerberus.plugin.Permission permission, Routes.Handler handler) {
        return request -> {
            access.require(request.requirePrincipal(), permission, null);
            return handler.handle(request);
        };
    }

    public void mount(Routes routes) {
        var read = io.kerberus.catalog.plugin.permission.CatalogPermissions.LOCATION_READ;
        var create = io.kerberus.catalog.plugin.permission.CatalogPermissions.LOCATION_CREATE;
        routes.get("/locations", needs(read, request -> locations.list().stream().map(location -> Response.object("data", location)).toList()));
        routes.post("/locations", needs(create, this::create));
        routes.post("/locations/by-query", needs(read, this::byQuery));
        routes.get("/locations/{id}", needs(read, request -> find(request.pathParam("id"))));
        routes.put("/locations/{id}", needs(create, this::update));
        routes.delete("/locations/{id}", needs(io.kerberus.catalog.plugin.permission.CatalogPermissions.LOCATION_DELETE, request -> {
            LocationService.Location location = find(request.pathParam("id"));
            locations.delete(location);
            audit.record(request.requirePrincipal(), "catalog.location.delete", location.target(), Map.of("id", request.pathParam("id"), "type", location.type()));
            return null;
        }));
        routes.get("/locations/by-entity/{kind}/{namespace}/{name}", needs(read, this::byEntity));
        routes.post("/analyze-location", needs(io.kerberus.catalog.plugin.permission.CatalogPermissions.LOCATION_ANALYZE, this::analyze));
    }

    /** The body of {@code POST /locations}. */
    record LocationInput(String type, String target) {
    }

    private LocationService.Location find(String id) {
        return locations.get(id).orElseThrow(() -> new NotFoundException("Found no location with ID " + id));
    }

    private Object create(Request request) {
        LocationInput input = request.bodyAs(LocationInput.class);
        LocationSpec spec = locations.check(input.type(), input.target());
        boolean dryRun = "true".equalsIgnoreCase(request.queryParam("dryRun").orElse("false"));
        if (dryRun) {
            DryRun.Result result = engine.dryRun().location(spec);
            if (result.entities().isEmpty() && !result.errors().isEmpty()) {
                throw new InputException(String.join("; ", result.errors()));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("exists", locations.find(spec).isPresent());
            body.put("location", Response.object("id", "dry-run", "type", spec.type(), "target", spec.target()));
            body.put("entities", result.entities());
            return Response.json(201, body);
        }
        var existing = locations.find(spec);
        if (existing.isPresent() && "refresh".equals(request.queryParam("onConflict").orElse("reject"))) {
            engine.refresh(ProcessingEngine.rootRef(spec).key());
            return Response.json(201, Response.object("location", existing.get(), "entities", List.of(), "exists", true));
        }
        LocationService.Location location = locations.create(spec, "api");
        return Response.json(201, Response.object("location", location, "entities", List.of()));
    }

    private Object update(Request request) {
        LocationService.Location old = find(request.pathParam("id"));
        LocationInput input = request.bodyAs(LocationInput.class);
        LocationSpec spec = locations.check(input.type(), input.target());
        locations.delete(old);
        return locations.create(spec, "api");
    }

    private Object byEntity(Request request) {
        String ref = EntityRef.of(request.pathParam("kind"), request.pathParam("namespace"), request.pathParam("name")).key();
        // an entity the caller may not read answers as one that does not exist
        String json = index.jsonByRef(ref).filter(found -> readable.readable(ref))
                .orElseThrow(() -> new NotFoundException("No entity " + ref + " in the catalog"));
        Entity entity = Entity.of(JSON.readValue(json, MAP));
        return locations.originOf(entity).orElseThrow(() -> new NotFoundException("Entity " + ref + " has no registered origin location"));
    }

    /** The body of {@code POST /locations/by-query}. */
    record LocationQuery(String cursor, Integer limit, Map<String, Object> query) {
    }

    private Object byQuery(Request request) {
        LocationQuery input = request.body().isBlank() ? new LocationQuery(null, null, null) : request.bodyAs(LocationQuery.class);
        int limit = input.limit() == null ? 1000 : input.limit();
        int offset = 0;
        if (input.cursor() != null) {
            try {
                offset = Integer.parseInt(new String(java.util.Base64.getUrlDecoder().decode(input.cursor())));
            } catch (RuntimeException e) {
                throw new InputException("Malformed cursor");
            }
        }
        List<LocationService.Location> matching = locations.list().stream().filter(location -> matches(location, input.query())).toList();
        List<LocationService.Location> page = matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        if (offset + limit < matching.size()) {
            pageInfo.put("nextCursor", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(offset + limit).getBytes()));
        }
        return Response.object("items", page, "totalItems", matching.size(), "pageInfo", pageInfo);
    }

    /** A location matches a predicate on its fields (id, type, target), values compared without case. */
    private static boolean matches(LocationService.Location location, Map<String, Object> query) {
        if (query == null) {
            return true;
        }
        Map<String, String> fields = Map.of("id", location.id(), "type", location.type(), "target", location.target());
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String actual = fields.get(condition.getKey());
            if (actual == null) {
                throw new InputException("query: locations can be filtered by id, type and target, not " + condition.getKey());
            }
            Object expected = condition.getValue();
            List<?> allowed = expected instanceof Map<?, ?> op && op.get("$in") instanceof List<?> in ? in : List.of(String.valueOf(expected));
            if (allowed.stream().noneMatch(value -> String.valueOf(value).equalsIgnoreCase(actual))) {
                return false;
            }
        }
        return true;
    }

    /** The body of {@code POST /analyze-location}. */
    record AnalyzeInput(LocationInput location, String catalogFileName) {
    }

    private Object analyze(Request request) {
        AnalyzeInput input = request.bodyAs(AnalyzeInput.class);
        if (input.location() == null) {
            throw new InputException("location: required, {type, target}");
        }
        LocationService.Analysis analysis = locations.analyze(input.location().type(), input.location().target(), input.catalogFileName());
        LocationSpec spec = analysis.spec();
        List<Map<String, Object>> files = new ArrayList<>();
        for (Map<String, Object> entity : analysis.entities()) {
            files.add(Response.object("location", Response.object("type", spec.type(), "target", spec.target()),
                    "isRegistered", analysis.registered(), "entity", entity));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("existingEntityFiles", files);
        body.put("generateEntities", List.of());
        if (!analysis.errors().isEmpty()) {
            body.put("errors", analysis.errors());
        }
        return body;
    }
}
