package io.kerberus.techdocs.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Permission;
import io.kerberus.plugin.Permissions;
import io.kerberus.plugin.PolicyDecision;
import io.kerberus.plugin.Principal;

import java.util.Optional;
import java.util.function.Function;

/**
 * Who may read docs: {@code techdocs.entity.read} and {@code catalog.entity.read} on the documented
 * entity (both on {@code catalog-entity}, so conditions such as {@code IS_ENTITY_OWNER} apply to the
 * entity). Docs the caller may not read answer 404, like the catalog's entities, and are left out
 * of the {@code /docs} list.
 */
public final class DocsAccess {

    /** Reading an entity's docs (reader pages, the Docs tab, {@code /api/techdocs}). */
    public static final Permission READ = Permission.resource("techdocs.entity.read", "read", "catalog-entity");
    static final Permission ENTITY_READ = Permission.resource("catalog.entity.read", "read", "catalog-entity");

    private final Permissions permissions;

    /** Declares {@link #READ}. */
    public DocsAccess(Permissions permissions) {
        this.permissions = permissions;
        permissions.declare(READ);
    }

    /** Whether {@code caller} may read the docs of {@code entity}. */
    public boolean mayRead(Principal caller, Entity entity) {
        return holds(caller, ENTITY_READ, entity) && holds(caller, READ, entity);
    }

    /** The entity, when it exists and {@code caller} may read its docs; 404 otherwise. */
    Entity require(Principal caller, EntityRef ref, Function<EntityRef, Optional<Entity>> entities) {
        Entity entity = entities.apply(ref).orElseThrow(() -> new NotFoundException("The catalog has no entity " + ref
                + "; its docs are shown only while it is in the catalog"));
        requireRead(caller, entity);
        return entity;
    }

    /** 404 unless {@link #mayRead}. */
    void requireRead(Principal caller, Entity entity) {
        if (!mayRead(caller, entity)) {
            throw new NotFoundException("The catalog has no entity " + entity.ref() + "; its docs are shown only while it is in the catalog");
        }
    }

    private boolean holds(Principal caller, Permission permission, Entity entity) {
        if (caller == null) {
            return false;
        }
        PolicyDecision decision = permissions.authorize(caller, permission);
        return switch (decision.result()) {
            case ALLOW -> true;
            case DENY -> false;
            case CONDITIONAL -> "catalog-entity".equals(decision.resourceType())
                    && permissions.matches(decision.conditions(), "catalog-entity", entity.data());
        };
    }
}
