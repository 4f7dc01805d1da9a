package io.kerberus.catalog;

import java.util.Objects;

/**
 * Where entities come from: {@code file} (a path or glob) or {@code url}.
 *
 * @param type     {@code file} or {@code url}, or a type a catalog module reads
 * @param target   the path, glob or URL
 * @param optional whether a missing target is fine (Backstage's {@code presence: optional})
 */
public record LocationSpec(String type, String target, boolean optional) {

    public LocationSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
    }

    public static LocationSpec of(String type, String target) {
        return new LocationSpec(type, target, false);
    }

    /** {@code type:target}, as in the {@code backstage.io/managed-by-location} annotation. */
    public String key() {
        return type + ":" + target;
    }
}
