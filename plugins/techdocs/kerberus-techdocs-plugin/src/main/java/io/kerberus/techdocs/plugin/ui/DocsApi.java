package io.kerberus.techdocs.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.Routes;
import io.kerberus.techdocs.plugin.publish.ContentTypes;
import io.kerberus.techdocs.plugin.publish.Publisher;
import io.kerberus.techdocs.plugin.service.DocsService;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Optional;

/**
 * The TechDocs REST API in Backstage's shape ({@code @backstage/plugin-techdocs-backend}):
 * {@code /metadata/techdocs/:namespace/:kind/:name}, {@code /metadata/entity/...},
 * {@code /static/docs/:namespace/:kind/:name/*} and {@code /sync/...}.
 */
public final class DocsApi {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final DocsService service;
    private final DocsAccess access;

    public DocsApi(DocsService service, DocsAccess access) {
        this.service = service;
        this.access = access;
    }

    public void mount(Routes routes) {
        String triplet = "{namespace}/{kind}/{name}";
        routes.get("/metadata/techdocs/" + triplet, request -> {
            EntityRef ref = entity(request).ref();
            byte[] metadata = service.read(ref, Publisher.METADATA)
                    .orElseThrow(() -> new NotFoundException("No docs are published for " + ref));
            return JSON.readValue(metadata, Map.class);
        });
        routes.get("/metadata/entity/" + triplet, request -> entity(request).data());
        routes.get("/static/docs/" + triplet + "/<path>", request -> {
            EntityRef ref = entity(request).ref();
            String path = request.pathParam("path");
            Optional<byte[]> bytes;
            try {
                bytes = service.read(ref, path);
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("Not a file of a docs site: " + path);
            }
            return Response.bytes(ContentTypes.of(Publisher.checkPath(path)), bytes.orElseThrow(() -> new NotFoundException("No file " + path + " in the docs of " + ref)))
                    .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'")
                    .header("X-Content-Type-Options", "nosniff");
        });
        routes.get("/sync/" + triplet, request -> {
            Entity entity = entity(request);
            if (service.external()) {
                return Response.object("updated", false);
            }
            long before = service.site(entity.ref()).map(s -> s.builtAt()).orElse(0L);
            var build = service.buildNow(entity);
            long after = service.site(entity.ref()).map(s -> s.builtAt()).orElse(0L);
            if (build.error() != null && after == 0) {
                return Response.json(500, Response.object("error", Response.object("name", "BuildError", "message", build.error())));
            }
            return Response.object("updated", after != before);
        });
    }

    private Entity entity(Request request) {
        return access.require(request.principal().orElse(null), ref(request), service::entity);
    }

    private static EntityRef ref(Request request) {
        return EntityRef.of(request.pathParam("kind"), request.pathParam("namespace"), request.pathParam("name"));
    }
}
