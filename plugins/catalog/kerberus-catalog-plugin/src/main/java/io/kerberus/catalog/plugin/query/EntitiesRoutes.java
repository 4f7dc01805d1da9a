package io.kerberus.catalog.plugin.query;

import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.plugin.processing.ProcessingEngine;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.Routes;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The single-entity reads of Backstage's catalog API under {@code /api/catalog}, with its shapes and
 * status codes: an entity by uid or by name, its ancestry, and the entity facets. The lists are in
 * {@link EntityListRoutes}, deleting, refreshing and validating in {@link EntityActionRoutes}.
 */
public final class EntitiesRoutes {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final EntityQueries queries;
    private final EntityIndex index;
    private final ProcessingEngine engine;

    /**
     * @param queries queries restricted to the caller's read filter
     * @param engine  where the ancestry of an entity is recorded
     */
    public EntitiesRoutes(EntityQueries queries, EntityIndex index, ProcessingEngine engine) {
        this.queries = queries;
        this.index = index;
        this.engine = engine;
    }

    public void mount(Routes routes) {
        routes.get("/entities/by-uid/{uid}", request -> json(index.refByUid(request.pathParam("uid")).filter(queries::readable)
                .flatMap(ref -> index.jsonByUid(request.pathParam("uid")))
                .orElseThrow(() -> new NotFoundException("No entity with uid " + request.pathParam("uid")))));
        routes.get("/entities/by-name/{kind}/{namespace}/{name}", request -> json(byName(request)));
        routes.get("/entities/by-name/{kind}/{namespace}/{name}/ancestry", this::ancestry);
        routes.get("/entity-facets", this::facets);
        routes.post("/entity-facets", this::facetsPost);
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

    private static Response json(String body) {
        return Response.text(200, "application/json", body);
    }
}
