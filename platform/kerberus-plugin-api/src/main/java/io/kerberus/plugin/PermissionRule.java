package io.kerberus.plugin;

import java.util.Map;

/**
 * A rule conditions may use on one resource type, such as the catalog's {@code IS_ENTITY_OWNER} on
 * {@code catalog-entity}. The plugin owning the resource type registers its rules with
 * {@link Permissions#resourceType}; a plugin that lists resources (the catalog) also turns conditions
 * into its own query filters, so that lists are filtered in the query rather than after paging.
 */
public interface PermissionRule {

    /** The rule's name in Backstage's wire form, such as {@code IS_ENTITY_OWNER}. */
    String name();

    /** One line for the admin page and docs. */
    String description();

    /**
     * Whether the rule holds for one resource.
     *
     * @param resource the resource as JSON maps and lists (an entity for {@code catalog-entity})
     * @param params   the condition's params
     * @throws IllegalArgumentException when the params are wrong, naming the param
     */
    boolean apply(Map<String, Object> resource, Map<String, Object> params);
}
