package io.kerberus.catalog.plugin;

import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import tools.jackson.databind.JsonNode;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Backends with the catalog for tests, and waiting for processing. */
final class CatalogTestSupport {

    static final String ALLOW_ALL = """
            catalog:
              rules:
                - allow: [Component, API, Resource, System, Domain, Group, User, Location, Template, AiResource]
              processingInterval: 1h
            """;

    private CatalogTestSupport() {
    }

    static Path examples() {
        try {
            return Path.of(CatalogTestSupport.class.getResource("/backstage/examples").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A backend with the catalog reading {@code locationsYaml} (a catalog.locations list) and every kind allowed. */
    static TestBackend backend(TestDatabase database, String locationsYaml, Path fileRoot) {
        return TestBackend.builder().plugins(new CatalogPlugin()).database(database).config(ALLOW_ALL)
                .config("catalog:\n  fileRoots: ['" + fileRoot + "']\n  locations:\n" + locationsYaml).start();
    }

    static JsonNode entity(TestHttp http, String kind, String namespace, String name) {
        TestHttp.Result result = http.get("/api/catalog/entities/by-name/" + kind + "/" + namespace + "/" + name);
        return result.status() == 200 ? result.json() : null;
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
