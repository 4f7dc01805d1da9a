package io.kerberus.catalog;

import java.util.Objects;

/**
 * A kind the catalog accepts, with the JSON schema (draft 07, as Backstage's) that validates it.
 * Plugins add kinds through {@link CatalogExtensions#KINDS}.
 *
 * @param kind       the kind, as written in descriptors ({@code Template})
 * @param schemaJson the schema; it may {@code $ref} Backstage's {@code Entity}, {@code EntityMeta} and {@code common}
 */
public record KindSchema(String kind, String schemaJson) {

    public KindSchema {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schemaJson, "schemaJson");
    }
}
