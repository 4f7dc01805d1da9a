package io.kerberus.catalog.plugin.permission;

import io.kerberus.plugin.Permission;

import java.util.List;

/** The catalog's permissions, with Backstage's names and attributes. */
public final class CatalogPermissions {

    public static final Permission ENTITY_READ = Permission.resource("catalog.entity.read", "read", EntityRules.RESOURCE_TYPE);
    public static final Permission ENTITY_CREATE = Permission.basic("catalog.entity.create", "create");
    public static final Permission ENTITY_REFRESH = Permission.resource("catalog.entity.refresh", "update", EntityRules.RESOURCE_TYPE);
    public static final Permission ENTITY_DELETE = Permission.resource("catalog.entity.delete", "delete", EntityRules.RESOURCE_TYPE);
    public static final Permission ENTITY_VALIDATE = Permission.basic("catalog.entity.validate", "read");
    public static final Permission LOCATION_READ = Permission.basic("catalog.location.read", "read");
    public static final Permission LOCATION_CREATE = Permission.basic("catalog.location.create", "create");
    public static final Permission LOCATION_DELETE = Permission.basic("catalog.location.delete", "delete");
    public static final Permission LOCATION_ANALYZE = Permission.basic("catalog.location.analyze", "read");

    /** All of them. */
    public static final List<Permission> ALL = List.of(ENTITY_READ, ENTITY_CREATE, ENTITY_REFRESH, ENTITY_DELETE, ENTITY_VALIDATE,
            LOCATION_READ, LOCATION_CREATE, LOCATION_DELETE, LOCATION_ANALYZE);

    private CatalogPermissions() {
    }
}
