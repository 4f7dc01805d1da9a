package io.kerberus.catalog.plugin.query;

import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.LocationSpec;
import io.kerberus.catalog.plugin.processing.ProcessingEngine;
import io.kerberus.catalog.plugin.permission.CatalogAccess;
import io.kerberus.catalog.plugin.permission.CatalogPermissions;
import io.kerberus.plugin.AuditLog;
import io.kerberus.plugin.Principal;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The entity endpoints of Backstage's catalog API under {@code /api/catalog}, with its shapes and status codes. */
public final class EntitiesRoutes {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final int DEFAULT_QUERY_LIMIT = 20;

    private final EntityQueries queries;
    private final EntityIndex index;
    private final ProcessingEngine engine;
    private final CatalogAccess access;
    private final AuditLog audit;

    /**
     * @param queries queries restricted to the caller's read filter
     * @param access  permission checks for refresh and delete
     * @param audit   where entity deletions are recorded
     */
    public EntitiesRoutes(EntityQueries queries, EntityIndex index, ProcessingEngine engine, CatalogAccess access, AuditLog audit) {
        this.queries = queries;
        this.index = index;
        this.engine = engine;
        this.access = access;
        this.audit = audit;
    }

    public void mount(Routes routes) {
        routes.get("/entities", this::list);
        routes.get("/entities/by-query", this::byQuery);
        routes.post("/entities/by-query", this::byQueryPost);
        routes.post("/entities/by-refs", this::byRefs);
        routes.get("/entities/by-uid/{uid}", request -> json(index.refByUid(request.pathParam("uid")).filter(queries::readable)
                .flatMap(ref -> index.jsonByUid(request.pathParam("uid")))
                .orElseThrow(() -> new NotFoundException("No entity with uid " + request.pathParam("uid")))));
        routes.delete("/entities/by-uid/{uid}", this::deleteByUid);
        routes.get("/entities/by-name/{kind}/{namespace}/{name}", request -> json(byName(request)));
        routes.get("/entities/by-name/{kind}/{namespace}/{name}/ancestry", this::ancestry);
        routes.get("/entity-facets", this::facets);
        routes.post("/entity-facets", this::facetsPost);
        routes.post("/refresh", this::refresh);
        routes.post("/validate-entity", this::validate);
    }

    private Object list(Request request) {
        List<OrderField> order = OrderField.parseOrder(request.queryParams("order"));
        int offset = intParam(request, "offset", 0);
        int limit = intParam(request, "limit", Integer.MAX_VALUE);
        Optional<String> after = request.queryParam("after");
        if (after.isPresent()) {
            offset = decodeAfter(after.get());
        }
        List<String> items = queries.list(request.queryParams("filter"), order, offset, limit);
        Response response = json(array(project(items, fields(request))));
        if (limit != Integer.MAX_VALUE && items.size() == limit) {
            String next = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(offset + limit).getBytes());
            response = response.header("Link", "<" + request.path() + "?after=" + next + "&limit=" + limit + ">; rel=\"next\"");
        }
        return response;
    }

    private Object byQuery(Request request) {
        List<String> termFields = new ArrayList<>();
        request.queryParams("fullTextFilterFields").forEach(value -> termFields.addAll(List.of(value.split(","))));
        boolean total = !"exclude".equals(request.queryParam("totalItems").orElse("include"));
        EntityQueries.Page page = queries.byQuery(request.queryParams("filter"), request.queryParams("orderField"),
                request.queryParam("fullTextFilterTerm").orElse(null), termFields, intParam(request, "limit", DEFAULT_QUERY_LIMIT),
                intParam(request, "offset", 0), request.queryParam("cursor").orElse(null), total);
        return pageResponse(page, fields(request), total);
    }

    /** The body of {@code POST /entities/by-query}. */
    record QueryRequest(String cursor, Integer limit, Integer offset, List<Map<String, String>> orderBy, Map<String, Object> fullTextFilter,
                        List<String> fields, String totalItems, Map<String, Object> query) {
    }

    @SuppressWarnings("unchecked")
    private Object byQueryPost(Request request) {
        QueryRequest input = request.body().isBlank() ? new QueryRequest(null, null, null, null, null, null, null, null)
                : request.bodyAs(QueryRequest.class);
        List<String> order = new ArrayList<>();
        if (input.orderBy() != null) {
            input.orderBy().forEach(o -> order.add(o.getOrDefault("field", "") + "," + o.getOrDefault("order", "asc")));
        }
        String term = input.fullTextFilter() == null ? null : (String) input.fullTextFilter().get("term");
        List<String> termFields = input.fullTextFilter() == null || !(input.fullTextFilter().get("fields") instanceof List<?> list)
                ? List.of() : (List<String>) list;
        boolean total = !"exclude".equals(input.totalItems());
        int limit = input.limit() == null ? DEFAULT_QUERY_LIMIT : input.limit();
        int offset = input.offset() == null ? 0 : input.offset();
        if (limit < 0 || offset < 0) {
            throw new InputException("limit and offset must be 0 or more");
        }
        EntityQueries.Page page = queries.byQuery(List.of(), input.query(), order, term, termFields, limit, offset, input.cursor(), total);
        return pageResponse(page, input.fields() == null ? List.of() : input.fields(), total);
    }

    private static Response pageResponse(EntityQueries.Page page, List<String> fields, boolean total) {
        StringBuilder body = new StringBuilder(page.items().size() * 1024 + 128);
        body.append("{\"items\":").append(array(project(page.items(), fields)));
        if (total) {
            body.append(",\"totalItems\":").append(page.totalItems());
        }
        body.append(",\"pageInfo\":{");
        List<String> info = new ArrayList<>();
        if (page.nextCursor() != null) {
            info.add("\"nextCursor\":" + JSON.writeValueAsString(page.nextCursor()));
        }
        if (page.prevCursor() != null) {
            info.add("\"prevCursor\":" + JSON.writeValueAsString(page.prevCursor()));
        }
        body.append(String.join(",", info)).append("}}");
        return Response.text(200, "application/json", body.toString());
    }

    /** The body of {@code POST /entities/by-refs}. */
    record ByRefs(List<String> entityRefs, List<String> fields) {
    }

    private Object byRefs(Request request) {
        ByRefs input = request.bodyAs(ByRefs.class);
        if (input.entityRefs() == null) {
            throw new InputException("entityRefs: required, a list of entity refs");
        }
        List<String> fields = input.fields() == null ? fields(request) : input.fields();
        List<String> items = new ArrayList<>();
        for (Optional<String> entity : queries.byRefs(input.entityRefs(), request.queryParams("filter"))) {
            items.add(entity.map(json -> project(List.of(json), fields).getFirst()).orElse("null"));
        }
        return Response.text(200, "application/json", "{\"items\":" + array(items) + "}");
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

    private String byName(Request request) {
        String kind = request.pathParam("kind");
        String namespace = request.pathParam("namespace");
        String name = request.pathParam("name");
        String key = EntityRef.of(kind, namespace, name).key();
        return index.jsonByRef(key).filter(json -> queries.readable(key)).orElseThrow(() -> new NotFoundException(
                "No entity named '" + name + "' found, with kind '" + kind.toLowerCase(Locale.ROOT) + "' in namespace '" + namespace + "'"));
    }

    private Object ancestry(Request request) {
        String json = byName(request);
        String ref = EntityRef.of(request.pathParam("kind"), request.pathParam("namespace"), request.pathParam("name")).key();
        List<String> chain = engine.ancestry(ref);
        // ancestors the caller may not read are left out, and not named as parents either
        List<Optional<String>> visible = chain.isEmpty() ? List.of() : queries.byRefs(chain, List.of());
        StringBuilder body = new StringBuilder("{\"rootEntityRef\":").append(JSON.writeValueAsString(ref)).append(",\"items\":[");
        for (int i = 0; i < chain.size(); i++) {
            String entity = i == 0 ? json : visible.get(i).orElse(null);
            if (entity == null) {
                continue;
            }
            List<String> parents = i + 1 < chain.size() && visible.get(i + 1).isPresent() ? List.of(chain.get(i + 1)) : List.of();
            body.append(i == 0 ? "" : ",").append("{\"entity\":").append(entity).append(",\"parentEntityRefs\":")
                    .append(JSON.writeValueAsString(parents)).append('}');
        }
        return Response.text(200, "application/json", body.append("]}").toString());
    }

    private Object facets(Request request) {
        List<String> facets = request.queryParams("facet");
        if (facets.isEmpty()) {
            throw new InputException("facet: at least one facet is required, such as facet=kind");
        }
        return facetsResponse(queries.facets(facets, request.queryParams("filter")));
    }

    /** The body of {@code POST /entity-facets}. */
    record FacetsRequest(List<String> facets, Map<String, Object> query) {
    }

    private Object facetsPost(Request request) {
        FacetsRequest input = request.bodyAs(FacetsRequest.class);
        if (input.facets() == null || input.facets().isEmpty()) {
            throw new InputException("facets: at least one facet is required, such as [\"kind\"]");
        }
        return facetsResponse(queries.facets(input.facets(), List.of(), input.query()));
    }

    private static Map<String, Object> facetsResponse(Map<String, Map<String, Long>> facets) {
        Map<String, Object> out = new LinkedHashMap<>();
        facets.forEach((facet, counts) -> {
            List<Map<String, Object>> values = new ArrayList<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(entry -> values.add(Response.object("value", entry.getKey(), "count", entry.getValue())));
            out.put(facet, values);
        });
        return Response.object("facets", out);
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

    private static List<String> fields(Request request) {
        List<String> fields = new ArrayList<>();
        request.queryParams("fields").forEach(value -> {
            for (String field : value.split(",")) {
                if (!field.isBlank()) {
                    fields.add(field.strip());
                }
            }
        });
        return fields;
    }

    /** Keeps only the given dotted fields of each entity. */
    @SuppressWarnings("unchecked")
    static List<String> project(List<String> items, List<String> fields) {
        if (fields.isEmpty()) {
            return items;
        }
        List<String> out = new ArrayList<>(items.size());
        for (String item : items) {
            Map<String, Object> entity = JSON.readValue(item, MAP);
            Map<String, Object> projected = new LinkedHashMap<>();
            for (String field : fields) {
                String[] parts = field.split("\\.");
                Object value = entity;
                for (String part : parts) {
                    value = value instanceof Map<?, ?> map ? map.get(part) : null;
                }
                if (value == null) {
                    continue;
                }
                Map<String, Object> target = projected;
                for (int i = 0; i < parts.length - 1; i++) {
                    target = (Map<String, Object>) target.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
                }
                target.put(parts[parts.length - 1], value);
            }
            out.add(JSON.writeValueAsString(projected));
        }
        return out;
    }

    private static String array(List<String> items) {
        StringBuilder out = new StringBuilder(items.size() * 1024 + 2).append('[');
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ",").append(items.get(i));
        }
        return out.append(']').toString();
    }

    private static Response json(String body) {
        return Response.text(200, "application/json", body);
    }

    private static int intParam(Request request, String name, int fallback) {
        Optional<String> text = request.queryParam(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get().strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException("Invalid " + name + " \"" + text.get() + "\"; expected a whole number of 0 or more");
    }

    private static int decodeAfter(String after) {
        try {
            return Integer.parseInt(new String(java.util.Base64.getUrlDecoder().decode(after)));
        } catch (RuntimeException e) {
            throw new InputException("Malformed after cursor");
        }
    }
}
