package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.plugin.PluginModule;
import io.kerberus.test.Eventually;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.BooleanSupplier;

/**
 * A seeded catalog for the page tests: two teams and a department, two users, a domain and system,
 * 32 components (30 numbered ones for paging, a service with APIs and a dependency, one with hostile
 * text), three APIs (OpenAPI, GraphQL, AsyncAPI), a resource; and a second file to import. The guest
 * is jane of team-a.
 */
final class UiCatalog implements AutoCloseable {

    static final int COMPONENTS = 32;

    final Path dir;
    final TestBackend backend;

    private UiCatalog(Path dir, TestBackend backend) {
        this.dir = dir;
        this.backend = backend;
    }

    static UiCatalog start(TestDatabase database, PluginModule... modules) {
        try {
            Path dir = Files.createTempDirectory("kerberus-ui-catalog");
            Files.writeString(dir.resolve("all.yaml"), catalog());
            Files.writeString(dir.resolve("import-me.yaml"), """
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata: {name: imported-service, description: Came in through the import page}
                    spec: {type: service, lifecycle: production, owner: team-b}
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata: {name: imported-worker}
                    spec: {type: worker, lifecycle: production, owner: team-b}
                    """);
            TestBackend backend = TestBackend.builder().plugins(new CatalogPlugin()).modules(modules).database(database).config("""
                    organization: {name: Acme Test}
                    auth:
                      providers:
                        guest:
                          userEntityRef: user:default/jane
                          ownershipEntityRefs: [user:default/jane, group:default/team-a]
                    # the page tests refresh, delete and unregister entities of every team (unregistering a
                    # location is for admins under the default policy); PermissionIT covers non-admins
                    permission: {rbac: {admins: [user:default/jane]}}
                    catalog:
                      rules: [{allow: [Component, API, Resource, System, Domain, Group, User, Location, Template]}]
                      processingInterval: 1h
                      fileRoots: ['%s']
                      locations:
                        - {type: file, target: '%s'}
                    """.formatted(dir, dir.resolve("all.yaml"))).start();
            UiCatalog catalog = new UiCatalog(dir, backend);
            catalog.await(() -> backend.http().asStaticClient().get("/api/catalog/entities/by-query?filter=kind%3Dcomponent&limit=1")
                    .json().path("totalItems").asInt() == COMPONENTS
                    && backend.http().asStaticClient().get("/api/catalog/entities/by-name/api/default/orders-api").status() == 200, "the seeded catalog");
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void await(BooleanSupplier condition, String what) {
        Eventually.until(condition, what);
    }

    @Override
    public void close() {
        backend.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String catalog() {
        StringBuilder out = new StringBuilder("""
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: engineering}
                spec: {type: department, children: [team-a, team-b]}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: team-a, description: The A team}
                spec: {type: team, parent: engineering, children: [], profile: {displayName: Team A, email: team-a@example.com}}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: team-b}
                spec: {type: team, parent: engineering, children: []}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: User
                metadata: {name: jane}
                spec: {memberOf: [team-a], profile: {displayName: Jane Doe, email: jane@example.com}}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: User
                metadata: {name: joe}
                spec: {memberOf: [team-b], profile: {displayName: Joe Bloggs}}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Domain
                metadata: {name: commerce}
                spec: {owner: team-a}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: System
                metadata: {name: checkout, description: Everything that takes orders}
                spec: {owner: team-a, domain: commerce}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: orders-service
                  title: Orders Service
                  description: Takes orders
                  tags: [java, orders]
                  annotations:
                    backstage.io/view-url: https://git.example.com/acme/orders/blob/main/catalog-info.yaml
                    backstage.io/edit-url: https://git.example.com/acme/orders/edit/main/catalog-info.yaml
                  links: [{url: 'https://dashboards.example.com/orders', title: Dashboard}]
                spec:
                  type: service
                  lifecycle: production
                  owner: team-a
                  system: checkout
                  providesApis: [orders-api]
                  consumesApis: [search-api, events-api]
                  dependsOn: ['resource:orders-db', 'component:svc-01']
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: hostile
                  description: "<script>alert('owned')</script><img src=x onerror=alert(1)>"
                  links: [{url: 'javascript:alert(1)', title: Evil link}]
                  annotations: {backstage.io/view-url: 'javascript:alert(2)'}
                spec: {type: website, lifecycle: experimental, owner: team-b}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Resource
                metadata: {name: orders-db}
                spec: {type: database, owner: team-a, system: checkout}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata: {name: orders-api, description: Orders REST API}
                spec:
                  type: openapi
                  lifecycle: production
                  owner: team-a
                  system: checkout
                  definition: |
                    openapi: 3.0.3
                    info: {title: Orders API, version: 1.2.3}
                    paths:
                      /orders/{id}:
                        get:
                          summary: Get one order
                          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                          responses: {'200': {description: The order}}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata: {name: search-api}
                spec:
                  type: graphql
                  lifecycle: production
                  owner: team-b
                  definition: |
                    type Query { search(term: String!): [Result!]! }
                    type Result { title: String!, url: String! }
                ---
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata: {name: events-api}
                spec:
                  type: asyncapi
                  lifecycle: experimental
                  owner: team-b
                  definition: |
                    asyncapi: 2.6.0
                    info: {title: Order events, version: 1.0.0}
                    channels: {orders: {subscribe: {message: {payload: {type: object}}}}}
                """);
        for (int i = 1; i <= 30; i++) {
            out.append("""
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata: {name: svc-%02d, description: Numbered service %d, tags: [%s]}
                    spec: {type: %s, lifecycle: %s, owner: %s}
                    """.formatted(i, i, i % 3 == 0 ? "python" : "go", i % 5 == 0 ? "library" : "service",
                    i % 4 == 0 ? "experimental" : "production", i % 2 == 1 ? "team-a" : "team-b"));
        }
        return out.toString();
    }
}
