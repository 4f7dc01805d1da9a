package io.kerberus.catalog.plugin.permission;

import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.plugin.Principal;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import io.kerberus.test.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Permissions in the catalog: authorize endpoint, filtered lists, 404/403, RBAC edits, audit (issue #8)")
class PermissionIT {

    static final String CONFIG = """
            catalog:
              rules: [{allow: [Component, API, Group, User]}]
              processingInterval: 1h
            auth:
              providers:
                guest:
                  userEntityRef: user:default/root
                  ownershipEntityRefs: [user:default/root, group:default/admins]
            permission:
              enabled: true
              rbac:
                admins: [group:default/admins]
                cacheTtl: 200ms
                roles:
                  - name: api-readers
                    members: [user:default/bob]
                    rules:
                      - {permission: catalog.entity.read, decision: allow, conditions: {rule: IS_ENTITY_KIND, params: {kinds: [api]}}}
            """;

    @TempDir
    Path dir;
    private final List<TestBackend> backends = new ArrayList<>();
    private String schema;

    @AfterEach
    void stop() {
        backends.forEach(TestBackend::close);
        if (schema != null) {
            TestDatabase.dropSchema(schema);
        }
    }

    private TestBackend start(TestDatabase database) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: team-a}
                spec: {type: team, children: []}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: User
                metadata: {name: jane}
                spec: {memberOf: [team-a]}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata: {name: api-1}
                spec: {type: openapi, lifecycle: production, owner: group:default/other, definition: 'openapi: 3.0.0'}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata: {name: api-2}
                spec: {type: grpc, lifecycle: production, owner: group:default/other, definition: 'x'}
                """);
        for (int i = 1; i <= 5; i++) {
            yaml.append("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: svc-").append(i)
                    .append("}\nspec: {type: service, lifecycle: production, owner: group:default/team-a}\n");
        }
        Files.writeString(dir.resolve("all.yaml"), yaml);
        TestBackend.Builder builder = TestBackend.builder().plugins(new CatalogPlugin()).config(CONFIG)
                .config("catalog:\n  fileRoots: ['" + dir + "']\n  locations:\n    - {type: file, target: '" + dir.resolve("all.yaml") + "'}\n");
        if (database == TestDatabase.POSTGRES) {
            schema = schema == null ? TestDatabase.newSchema() : schema;
            builder.postgresSchema(schema);
        } else {
            builder.database(database);
        }
        TestBackend backend = builder.start();
        backends.add(backend);
        TestHttp service = backend.http().asStaticClient();
        // 9 entities and the Location of the file
        await(() -> service.get("/api/catalog/entities/by-query?limit=1").json().path("totalItems").asInt() == 10, "the catalog to load");
        return backend;
    }

    private static TestHttp as(TestBackend backend, String user, String... groups) {
        List<String> refs = new ArrayList<>(List.of(user));
        refs.addAll(List.of(groups));
        return backend.http().withToken(backend.backend().tokens().issueUserToken(Principal.user(user, refs, null)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void authorizeEndpointAnswersEachDecisionInBackstagesShape(TestDatabase database) throws IOException {
        TestBackend backend = start(database);
        TestHttp jane = as(backend, "user:default/jane", "group:default/team-a");

        JsonNode items = jane.post("/api/permission/authorize", """
                {"items": [
                  {"id": "1", "permission": {"type": "resource", "name": "catalog.entity.read", "attributes": {"action": "read"}, "resourceType": "catalog-entity"}},
                  {"id": "2", "permission": {"type": "resource", "name": "catalog.entity.delete", "attributes": {"action": "delete"}, "resourceType": "catalog-entity"}},
                  {"id": "3", "permission": {"type": "resource", "name": "catalog.entity.delete", "attributes": {"action": "delete"}, "resourceType": "catalog-entity"},
                   "resourceRef": "component:default/svc-1"},
                  {"id": "4", "permission": {"type": "resource", "name": "catalog.entity.delete", "attributes": {"action": "delete"}, "resourceType": "catalog-entity"},
                   "resourceRef": "api:default/api-1"},
                  {"id": "5", "permission": {"type": "basic", "name": "catalog.location.delete", "attributes": {"action": "delete"}}}
                ]}""").json().path("items");

        assertThat(items.get(0).toString()).isEqualTo("{\"id\":\"1\",\"result\":\"ALLOW\"}");
        assertThat(items.get(1).path("result").asString()).isEqualTo("CONDITIONAL");
        assertThat(items.get(1).path("pluginId").asString()).isEqualTo("catalog");
        assertThat(items.get(1).path("resourceType").asString()).isEqualTo("catalog-entity");
        assertThat(items.get(1).path("conditions").toString()).isEqualTo("{\"rule\":\"IS_ENTITY_OWNER\",\"resourceType\":\"catalog-entity\","
                + "\"params\":{\"claims\":[\"user:default/jane\",\"group:default/team-a\"]}}");
        assertThat(items.get(2).toString()).isEqualTo("{\"id\":\"3\",\"result\":\"ALLOW\"}");
        assertThat(items.get(3).toString()).isEqualTo("{\"id\":\"4\",\"result\":\"DENY\"}");
        assertThat(items.get(4).toString()).isEqualTo("{\"id\":\"5\",\"result\":\"DENY\"}");
        assertThat(jane.post("/api/permission/authorize", "{\"items\": 3}").status()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void conditionalReadFiltersListsPagingCountsAndFacetsInTheQuery(TestDatabase database) throws IOException {
        TestBackend backend = start(database);
        TestHttp bob = as(backend, "user:default/bob");

        JsonNode first = bob.get("/api/catalog/entities/by-query?limit=1&orderField=metadata.name,asc").json();
        JsonNode second = bob.get("/api/catalog/entities/by-query?cursor=" + first.path("pageInfo").path("nextCursor").asString()).json();

        assertThat(first.path("totalItems").asInt()).isEqualTo(2);
        assertThat(first.path("items").get(0).path("metadata").path("name").asString()).isEqualTo("api-1");
        assertThat(second.path("items").get(0).path("metadata").path("name").asString()).isEqualTo("api-2");
        assertThat(second.path("pageInfo").has("nextCursor")).isFalse();
        assertThat(bob.get("/api/catalog/entities").json().size()).isEqualTo(2);
        assertThat(bob.get("/api/catalog/entity-facets?facet=kind").json().path("facets").path("kind").toString())
                .isEqualTo("[{\"value\":\"API\",\"count\":2}]");
        assertThat(bob.post("/api/catalog/entities/by-refs", "{\"entityRefs\": [\"component:default/svc-1\", \"api:default/api-1\"]}")
                .json().path("items").get(0).isNull()).isTrue();
        assertThat(bob.get("/api/catalog/entities/by-name/component/default/svc-1").status()).isEqualTo(404);
        assertThat(bob.get("/api/catalog/entities/by-name/api/default/api-1").status()).isEqualTo(200);
        assertThat(as(backend, "user:default/jane").get("/api/catalog/entities/by-query?limit=1").json().path("totalItems").asInt()).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deniedMutationsAre403WithTheRuleAndDeletesAreAudited(TestDatabase database) throws IOException {
        TestBackend backend = start(database);
        TestHttp jane = as(backend, "user:default/jane", "group:default/team-a");
        TestHttp admin = as(backend, "user:default/root", "group:default/admins");
        String apiUid = jane.get("/api/catalog/entities/by-name/api/default/api-1").json().path("metadata").path("uid").asString();
        String svcUid = jane.get("/api/catalog/entities/by-name/component/default/svc-1").json().path("metadata").path("uid").asString();

        TestHttp.Result denied = jane.delete("/api/catalog/entities/by-uid/" + apiUid);
        TestHttp.Result refresh = jane.postJson("/api/catalog/refresh", Map.of("entityRef", "api:default/api-1"));
        TestHttp.Result deleted = jane.delete("/api/catalog/entities/by-uid/" + svcUid);

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().path("error").path("message").asString()).contains("catalog.entity.delete").contains("IS_ENTITY_OWNER");
        assertThat(refresh.status()).isEqualTo(403);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(as(backend, "user:default/bob").delete("/api/catalog/entities/by-uid/" + svcUid).status()).isEqualTo(404);
        assertThat(jane.get("/api/permission/audit").status()).isEqualTo(403);
        JsonNode audit = admin.get("/api/permission/audit?action=catalog.").json().path("items");
        assertThat(audit.size()).isEqualTo(1);
        assertThat(audit.get(0).path("actor").asString()).isEqualTo("user:default/jane");
        assertThat(audit.get(0).path("action").asString()).isEqualTo("catalog.entity.delete");
        assertThat(audit.get(0).path("target").asString()).isEqualTo("component:default/svc-1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pagesHideWhatTheUserMayNotSeeOrDo(TestDatabase database) throws IOException {
        TestBackend backend = start(database);
        TestSession admin = backend.guestSession();

        String explained = admin.get("/permission?user=user:default/jane&permission=catalog.entity.delete&entity=component:default/svc-2").body();
        String denied = admin.get("/permission?user=user:default/bob&permission=catalog.entity.delete&entity=api:default/api-1").body();

        assertThat(explained).contains("ALLOWED").contains("IS_ENTITY_OWNER").contains("group:default/team-a");
        assertThat(denied).contains("DENIED").contains("default policy: owners and admins may delete");
        assertThat(admin.get("/catalog/default/api/api-1").body()).contains("/unregister");
        assertThat(as(backend, "user:default/bob").get("/catalog/default/component/svc-1").status()).isEqualTo(404);
        String janeOnApi = as(backend, "user:default/jane", "group:default/team-a").get("/catalog/default/api/api-1").body();
        assertThat(janeOnApi).contains("api-1").doesNotContain("/unregister").doesNotContain("/refresh\"");
        assertThat(as(backend, "user:default/jane").get("/permission").status()).isEqualTo(403);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void roleEditsOnTheAdminPageApplyWithoutRestartAndAreAudited(TestDatabase database) throws IOException {
        TestBackend backend = start(database);
        TestSession admin = backend.guestSession();
        TestHttp jane = as(backend, "user:default/jane", "group:default/team-a");

        TestHttp.Result saved = admin.postForm("/permission/roles", Map.of("name", "no-components", "description", "hide components",
                "members", "group:default/team-a", "rules", "- {permission: catalog.entity.read, decision: deny, conditions: {rule: IS_ENTITY_KIND, params: {kinds: [component]}}}"));

        assertThat(saved.status()).isEqualTo(303);
        assertThat(jane.get("/api/catalog/entities/by-query?limit=1").json().path("totalItems").asInt()).isEqualTo(5);
        assertThat(admin.get("/permission").body()).contains("no-components").contains("permission.role.create");
        JsonNode audit = as(backend, "user:default/root", "group:default/admins").get("/api/permission/audit?action=permission.").json().path("items");
        assertThat(audit.get(0).path("actor").asString()).isEqualTo("user:default/root");
        assertThat(audit.get(0).path("details").path("before").isNull()).isTrue();
        assertThat(audit.get(0).path("details").path("after").path("members").toString()).isEqualTo("[\"group:default/team-a\"]");
        assertThat(admin.postForm("/permission/roles", Map.of("name", "api-readers", "rules", "[]")).status()).isEqualTo(409);

        if (database == TestDatabase.POSTGRES) {
            TestBackend replica = start(database);
            TestHttp janeThere = as(replica, "user:default/jane", "group:default/team-a");
            assertThat(janeThere.get("/api/catalog/entities/by-query?limit=1").json().path("totalItems").asInt()).isEqualTo(5);
            assertThat(admin.postForm("/permission/roles/no-components/delete", Map.of()).status()).isEqualTo(303);
            await(() -> janeThere.get("/api/catalog/entities/by-query?limit=1").json().path("totalItems").asInt() == 10, "the other replica to see the deletion");
        } else {
            assertThat(admin.postForm("/permission/roles/no-components/delete", Map.of()).status()).isEqualTo(303);
        }
        assertThat(jane.get("/api/catalog/entities/by-query?limit=1").json().path("totalItems").asInt()).isEqualTo(10);
    }

    static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 30_000_000_000L;
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
