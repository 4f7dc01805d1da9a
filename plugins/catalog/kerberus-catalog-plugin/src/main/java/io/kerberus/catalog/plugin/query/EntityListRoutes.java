package io.kerberus.catalog.plugin.query;

import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.Routes;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.kerberus.catalog.plugin.query.FieldProjection.array;
import static io.kerberus.catalog.plugin.query.FieldProjection.fields;
import static io.kerberus.catalog.plugin.query.FieldProjection.project;

/**
 * The list endpoints of Backstage's catalog API under {@code /api/catalog}: {@code GET /entities} with
 * offset paging and its {@code after} link, {@code /entities/by-query} (GET and POST) with cursors and
 * totals, and {@code POST /entities/by-refs}. Bodies are assembled from the entities' JSON as the index
 * holds it, projected to the requested fields.
 */
public final class EntityListRoutes {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final int DEFAULT_QUERY_LIMIT = 20;

    private final EntityQueries queries;

    /** @param queries queries restricted to the caller's read filter */
    public EntityListRoutes(EntityQueries queries) {
        this.queries = queries;
    }

    public void mount(Routes routes) {
        routes.get("/entities", this::list);
        routes.get("/entities/by-query", this::byQuery);
        routes.post("/entities/by-query", this::byQueryPost);
        routes.post("/entities/by-refs", this::byRefs);
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
        Response response = Response.text(200, "application/json", array(project(items, fields(request))));
        if (limit != Integer.MAX_VALUE && items.size() == limit) {
            String next = Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(offset + limit).getBytes());
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
            return Integer.parseInt(new String(Base64.getUrlDecoder().decode(after)));
        } catch (RuntimeException e) {
            throw new InputException("Malformed after cursor");
        }
    }
}
