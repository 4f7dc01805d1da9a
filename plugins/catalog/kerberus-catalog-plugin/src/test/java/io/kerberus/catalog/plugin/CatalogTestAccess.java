package io.kerberus.catalog.plugin;

import java.nio.file.Path;

/** Test fixtures of this package for tests in sub-packages. */
public final class CatalogTestAccess {

    private CatalogTestAccess() {
    }

    public static Path examples() {
        return CatalogTestSupport.examples();
    }
}
