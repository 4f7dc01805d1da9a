package io.kerberus.catalog.plugin.query;

import io.kerberus.catalog.LocationSpec;
import io.kerberus.catalog.plugin.permission.CatalogAccess;
import io.kerberus.catalog.plugin.permission.CatalogPermissions;
import io.kerberus.catalog.plugin.processing.ProcessingEngine;
import io.kerberus.plugin.AuditLog;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.Routes;

import java.util.List;
import java.util.Map;

/**
 * The entity endpoints of Backstage's catalog API under {@code /api/catalog} that act through the
 * processing engine rather than read the index: deleting by uid, refreshing, and validating an entity
 * without storing it. Each checks its permission; an entity the caller may not read is not found.
 */
public final class EntityActionRoutes {

    private final EntityQueries queries;
    private final EntityIndex index;
    private final ProcessingEngine engine;
    private final CatalogAccess access;
    private final AuditLog audit;

    /**
     * @param queries queries restricted to the caller's read filter
     * @param access  permission checks for delete, refresh and validate
     * @param audit   where entity deletions are recorded
     */
    public EntityActionRoutes(EntityQueries queries, EntityIndex index, ProcessingEngine engine, CatalogAccess access, AuditLog audit) {
        this.queries = queries;
        this.index = index;
        this.engine = engine;
        this.access = access;
        this.audit = audit;
    }

    public void mount(Routes routes) {
        routes.delete("/entities/by-uid/{uid}", this::deleteByUid);
        routes.post("/refresh", this::refresh);
        routes.post("/validate-entity", this::validate);
    }

    private Object deleteByUid(Request request) {
        String ref = index.refByUid(request.pathParam("uid")).filter(queries::readable)
                .orElseThrow(() -> new NotFoundException("No entity with uid " + request.pathParam("uid")));
        Principal principal = request.requirePrincipal();
        access.require(principal, CatalogPermissions.ENTITY_DELETE, ref);
        engine.delete(List.of(ref));
        audit.record(principal, "catalog.entity.delete", ref, Map.of("uid", request.pathParam("uid"), "via", "api"));
        return null;
    }

    /** The body of {@code POST /refresh}. */
    record RefreshRequest(String entityRef, String authorizationToken) {
    }

    private Object refresh(Request request) {
        RefreshRequest input = request.bodyAs(RefreshRequest.class);
        if (input.entityRef() == null) {
            throw new InputException("entityRef: required");
        }
        String ref = EntityQueries.normalizeRef(input.entityRef());
        if (!queries.readable(ref)) {
            throw new NotFoundException("No entity " + input.entityRef() + " in the catalog");
        }
        access.require(request.requirePrincipal(), CatalogPermissions.ENTITY_REFRESH, ref);
        if (!engine.refresh(ref)) {
            throw new NotFoundException("No entity " + input.entityRef() + " in the catalog");
        }
        return Response.status(200);
    }

    /** The body of {@code POST /validate-entity}. */
    record ValidateRequest(String location, Map<String, Object> entity) {
    }

    private Object validate(Request request) {
        access.require(request.requirePrincipal(), CatalogPermissions.ENTITY_VALIDATE, null);
        ValidateRequest input = request.bodyAs(ValidateRequest.class);
        if (input.entity() == null || input.location() == null) {
            throw new InputException("location and entity are required");
        }
        int colon = input.location().indexOf(':');
        LocationSpec location = colon < 0 ? LocationSpec.of("url", input.location())
                : LocationSpec.of(input.location().substring(0, colon), input.location().substring(colon + 1));
        List<String> errors = engine.dryRun().entity(input.entity(), location);
        if (errors.isEmpty()) {
            return Response.status(200);
        }
        List<Map<String, Object>> list = errors.stream().map(message -> Response.object("name", "InputError", "message", message)).toList();
        return Response.json(400, Response.object("errors", list));
    }
}
