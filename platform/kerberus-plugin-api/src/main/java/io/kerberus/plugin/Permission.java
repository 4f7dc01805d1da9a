package io.kerberus.plugin;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Something a principal may or may not do, in Backstage's shape: {@code catalog.entity.delete}
 * with attribute {@code action: delete} on resource type {@code catalog-entity}. A permission with a
 * resource type is a <em>resource permission</em>: a policy may answer it with conditions on the
 * resource; one without is a <em>basic permission</em>.
 *
 * @param name         dotted name, {@code <plugin-id>.<thing>.<verb>}, such as {@code catalog.entity.read}
 * @param action       the {@code action} attribute: {@code read}, {@code create}, {@code update} or
 *                     {@code delete}; may be null for permissions that are none of these
 * @param resourceType the resource type, such as {@code catalog-entity}, or null for a basic permission
 */
public record Permission(String name, String action, String resourceType) {

    public Permission {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-zA-Z0-9_-]+(\\.[a-zA-Z0-9_-]+)+")) {
            throw new IllegalArgumentException("Permission name '" + name + "' must be dotted words, such as catalog.entity.read");
        }
        action = action == null || action.isBlank() ? null : action.toLowerCase(Locale.ROOT);
        resourceType = resourceType == null || resourceType.isBlank() ? null : resourceType;
    }

    /** A basic permission, such as {@code catalog.entity.create} ({@code create}). */
    public static Permission basic(String name, String action) {
        return new Permission(name, action, null);
    }

    /** A resource permission, such as {@code catalog.entity.delete} on {@code catalog-entity}. */
    public static Permission resource(String name, String action, String resourceType) {
        return new Permission(name, action, Objects.requireNonNull(resourceType, "resourceType"));
    }

    /** Whether it names a resource type. */
    public boolean isResource() {
        return resourceType != null;
    }

    /** Backstage's {@code type}: {@code resource} or {@code basic}. */
    public String type() {
        return isResource() ? "resource" : "basic";
    }

    /** Backstage's {@code attributes}: {@code {action: ...}}, or empty. */
    public Map<String, String> attributes() {
        return action == null ? Map.of() : Map.of("action", action);
    }
}
