package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Permission;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code catalog:register}: registers a {@code catalog-info.yaml} as a catalog location and, once the
 * catalog has read it (waiting up to {@code entityWait}), outputs the ref of its main entity. The
 * task's creator needs {@code catalog.location.create}, as for {@code POST /api/catalog/locations}.
 */
public final class CatalogRegisterAction implements Action {

    static final String ID = "catalog:register";
    /** The catalog's permission to register locations. */
    static final Permission LOCATION_CREATE = Permission.basic("catalog.location.create", "create");
    private static final String ORIGIN_ANNOTATION = "backstage.io/managed-by-origin-location";

    private final Supplier<CatalogClient> catalog;
    private final Duration entityWait;
    private final CreatorAccess access;

    /**
     * @param catalog    the catalog client (the scaffolder's own, unrestricted)
     * @param entityWait how long to wait for the registered location's entities to appear (Kerberus: 10 s)
     * @param access     what the task's creator may do
     */
    public CatalogRegisterAction(Supplier<CatalogClient> catalog, Duration entityWait, CreatorAccess access) {
        this.catalog = catalog;
        this.entityWait = entityWait;
        this.access = access;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Registers entities from a catalog descriptor file in the workspace into the software catalog.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        Map<String, Object> byUrl = InputSchema.object().required("catalogInfoUrl")
                .string("catalogInfoUrl", "Catalog Info URL", "An absolute URL pointing to the catalog info file location")
                .bool("optional", "Optional", "Permit the registered location to optionally exist. Default: false")
                .build();
        Map<String, Object> byRepo = InputSchema.object().required("repoContentsUrl")
                .string("repoContentsUrl", "Repository Contents URL", "An absolute URL pointing to the root of a repository directory tree")
                .string("catalogInfoPath", "Fetch URL", "A relative path from the repo root pointing to the catalog info file, defaults to /catalog-info.yaml")
                .bool("optional", "Optional", "Permit the registered location to optionally exist. Default: false")
                .build();
        return Map.of("oneOf", List.of(byUrl, byRepo));
    }

    @Override
    public Map<String, Object> outputSchema() {
        return InputSchema.object()
                .string("entityRef", "Entity ref", "The ref of the main entity of the registered location, once the catalog has read it")
                .string("catalogInfoUrl", "Catalog info URL", "The registered URL")
                .build();
    }

    @Override
    public boolean supportsDryRun() {
        return true;
    }

    @Override
    public void run(ActionContext ctx) throws Exception {
        ActionInputs in = new ActionInputs(ID, ctx.input());
        String url = catalogInfoUrl(in);
        // as the task's creator: a user who may not register locations through the catalog may not through a template
        access.require(ctx, LOCATION_CREATE);
        if (ctx.dryRun()) {
            // before parsing: a dry run's URL may be a stand-in such as <example>/catalog-info.yaml
            ctx.log("Dry run: would register " + url + " in the catalog");
            ctx.output("catalogInfoUrl", url);
            return;
        }
        // file:///<repo>/blob/<branch>/<path> (publish:git to a file:// remote) is read by the catalog's local git reader as a url location
        URI uri = URI.create(url);
        boolean localGit = uri.getPath() != null && uri.getPath().contains("/blob/") && !Files.isRegularFile(Path.of(uri.getPath()));
        String type = TemplateSource.isFile(uri) && !localGit ? "file" : "url";
        String target = type.equals("file") ? Path.of(uri).toString() : url;
        ctx.log("Registering " + url + " in the catalog");
        String key;
        try {
            key = catalog.get().registerLocation(type, target, "scaffolder:" + ctx.taskId());
        } catch (RuntimeException e) {
            if (in.bool("optional", false)) {
                ctx.log("Registering " + url + " failed, skipping as it is optional: " + e.getMessage());
                return;
            }
            throw e;
        }
        ctx.output("catalogInfoUrl", url);
        awaitEntity(ctx, key).ifPresentOrElse(ref -> ctx.output("entityRef", ref.toString()),
                () -> ctx.log("The catalog has not read " + url + " yet; its entity will appear once it has"));
    }

    private static String catalogInfoUrl(ActionInputs in) {
        Optional<String> direct = in.string("catalogInfoUrl").filter(s -> !s.isBlank());
        if (direct.isPresent()) {
            return direct.get();
        }
        String contents = in.string("repoContentsUrl").filter(s -> !s.isBlank()).orElseThrow(() -> new InputException(
                ID + ": set catalogInfoUrl, or repoContentsUrl (with catalogInfoPath)"));
        String path = in.string("catalogInfoPath").orElse("/catalog-info.yaml");
        return stripEnd(contents) + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    private static String stripEnd(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private Optional<EntityRef> awaitEntity(ActionContext ctx, String locationKey) throws InterruptedException {
        long deadline = System.nanoTime() + entityWait.toNanos();
        List<String> filter = List.of("metadata.annotations." + ORIGIN_ANNOTATION + "=" + locationKey);
        while (true) {
            List<Entity> items = catalog.get().query(filter, 0, 100).items();
            Optional<Entity> main = items.stream().filter(e -> !"Location".equalsIgnoreCase(e.kind()) && access.mayRead(ctx, e))
                    .min(Comparator.comparingInt(CatalogRegisterAction::rank));
            if (main.isPresent()) {
                Entity entity = main.get();
                return Optional.of(EntityRef.of(entity.kind(), entity.namespace(), entity.name()));
            }
            if (System.nanoTime() >= deadline || ctx.cancelled()) {
                return Optional.empty();
            }
            Thread.sleep(200);
        }
    }

    /** Backstage prefers a Component, then any entity whose name was not generated. */
    private static int rank(Entity entity) {
        boolean generated = entity.name() != null && entity.name().startsWith("generated-");
        return generated ? 2 : "Component".equalsIgnoreCase(entity.kind()) ? 0 : 1;
    }
}
