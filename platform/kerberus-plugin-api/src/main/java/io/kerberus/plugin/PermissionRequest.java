package io.kerberus.plugin;

import java.util.Objects;
import java.util.Optional;

/**
 * What a policy is asked.
 *
 * @param permission  the permission
 * @param resourceRef the resource it is about (an entity ref for {@code catalog-entity}), or null.
 *                    Policies should not rely on it: conditional answers apply to lists as well.
 */
public record PermissionRequest(Permission permission, String resourceRef) {

    public PermissionRequest {
        Objects.requireNonNull(permission, "permission");
    }

    /** The resource ref, when one was given. */
    public Optional<String> resource() {
        return Optional.ofNullable(resourceRef).filter(ref -> !ref.isBlank());
    }
}
