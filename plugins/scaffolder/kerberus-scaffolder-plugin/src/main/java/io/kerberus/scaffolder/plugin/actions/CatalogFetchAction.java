package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code catalog:fetch}: reads one entity ({@code entityRef}) or several ({@code entityRefs}) from the
 * catalog, as the task's creator: an entity they may not read ({@code catalog.entity.read}) is
 * treated exactly like a missing one, so a template never reveals that it exists.
 */
public final class CatalogFetchAction implements Action {

    static final String ID = "catalog:fetch";

    private final Supplier<CatalogClient> catalog;
    private final CreatorAccess access;

    /**
     * @param catalog the catalog client (the scaffolder's own, unrestricted)
     * @param access  what the task's creator may read
     */
    public CatalogFetchAction(Supplier<CatalogClient> catalog, CreatorAccess access) {
        this.catalog = catalog;
        this.access = access;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Returns entity or entities from the catalog by entity reference(s)";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return InputSchema.object()
                .string("entityRef", "Entity reference", "Entity reference of the entity to get")
                .strings("entityRefs", "Entity references", "Entity references of the entities to get")
                .bool("optional", "Optional", "Allow the entity or entities to optionally exist. Default: false")
                .string("defaultKind", "Default kind", "The default kind")
                .string("defaultNamespace", "Default namespace", "The default namespace")
                .build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        return InputSchema.object()
                .obj("entity", "Entity", "Object containing same values used in the Entity schema. Only when used with `entityRef` parameter.")
                .property("entities", InputSchema.field("array", "Entities", "Array containing objects with same values used in the Entity schema. Only when used with `entityRefs` parameter."))
                .build();
    }

    @Override
    public boolean supportsDryRun() {
        return true;
    }

    @Override
    public void run(ActionContext ctx) {
        ActionInputs in = new ActionInputs(ID, ctx.input());
        boolean optional = in.bool("optional", false);
        String defaultKind = in.string("defaultKind").orElse(null);
        String defaultNamespace = in.string("defaultNamespace").orElse(EntityRef.DEFAULT_NAMESPACE);
        if (!in.has("entityRef") && !in.has("entityRefs")) {
            throw new InputException(ID + ": missing entity reference or references; set entityRef or entityRefs");
        }
        if (in.has("entityRef")) {
            String ref = in.required("entityRef");
            Optional<Entity> entity = readable(ctx, catalog.get().entity(parse(ref, defaultKind, defaultNamespace)));
            if (entity.isEmpty() && !optional) {
                throw new InputException(ID + ": entity " + ref + " not found");
            }
            ctx.output("entity", entity.map(Entity::data).orElse(null));
        }
        if (in.has("entityRefs")) {
            List<EntityRef> refs = new ArrayList<>();
            in.list("entityRefs").forEach(ref -> refs.add(parse(String.valueOf(ref), defaultKind, defaultNamespace)));
            List<Optional<Entity>> found = catalog.get().entities(refs);
            List<Object> entities = new ArrayList<>();
            for (int i = 0; i < refs.size(); i++) {
                Optional<Entity> entity = readable(ctx, found.get(i));
                if (entity.isEmpty() && !optional) {
                    throw new InputException(ID + ": entity " + refs.get(i) + " not found");
                }
                entities.add(entity.map(Entity::data).orElse(null));
            }
            ctx.output("entities", entities);
        }
    }

    /** The entity if the task's creator may read it; empty (as if missing) otherwise. */
    private Optional<Entity> readable(ActionContext ctx, Optional<Entity> entity) {
        return entity.filter(e -> access.mayRead(ctx, e));
    }

    private static EntityRef parse(String ref, String defaultKind, String defaultNamespace) {
        try {
            return EntityRef.parse(ref, defaultKind, defaultNamespace);
        } catch (IllegalArgumentException e) {
            throw new InputException(ID + ": " + e.getMessage());
        }
    }
}
