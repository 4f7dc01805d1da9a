package io.kerberus.catalog.plugin.permission;

import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.plugin.Principal;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Catalog read checks: single-entity checks, locations by entity, ancestry, validate, authorize, role checks")
class ReadChecksIT {

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
                roles:
                  - name: no-confidential
                    members: ['*']
                    rules:
                      - {permission: catalog.entity.read, decision: deny, conditions: {rule: HAS_METADATA, params: {key: tags, value: confidential}}}
                  - name: components-only
                    members: [user:default/kim]
                    rules:
                      - {permission: catalog.entity.read, decision: allow, conditions: {rule: IS_ENTITY_KIND, params: {kinds: [component]}}}
                  - name: no-validate
                    members: [user:default/val]
                    rules:
                      - {permission: catalog.entity.validate, decision: deny}
            """;

    @TempDir
    Path dir;
    private TestBackend backend;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(dir.resolve("all.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: secret-svc, tags: [confidential, internal]}
                spec: {type: service, lifecycle: production, owner: group:default/team-a}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: open-svc, tags: [public]}
                spec: {type: service, lifecycle: production, owner: group:default/team-a}
                """);
        backend = TestBackend.builder().plugins(new CatalogPlugin()).config(CONFIG)
                .config("catalog:\n  fileRoots: ['" + dir + "']\n  locations:\n    - {type: file, target: '" + dir.resolve("all.yaml") + "'}\n")
                .start();
        TestHttp service = backend.http().asStaticClient();
        PermissionIT.await(() -> service.get("/api/catalog/entities/by-query?limit=1").json().path("totalItems").asInt() == 3, "the catalog to load");
    }

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    private TestHttp as(String user, String... groups) {
        List<String> refs = new ArrayList<>(List.of(user));
        refs.addAll(List.of(groups));
        return backend.http().withToken(backend.backend().tokens().issueUserToken(Principal.user(user, refs, null)));
    }

    private static String item(String id, String name, String type, String action, String resourceType, String resourceRef) {
        return "{\"id\": \"" + id + "\", \"permission\": {\"type\": \"" + type + "\", \"name\": \"" + name + "\", \"attributes\": {\"action\": \""
                + action + "\"}" + (resourceType == null ? "" : ", \"resourceType\": \"" + resourceType + "\"") + "}"
                + (resourceRef == null ? "" : ", \"resourceRef\": \"" + resourceRef + "\"") + "}";
    }

    @Test
    void aSingleEntityCheckHidesWhatTheListsHide() {
        TestHttp jane = as("user:default/jane", "group:default/team-b");

        JsonNode items = jane.post("/api/permission/authorize", "{\"items\": ["
                + item("1", "catalog.entity.read", "resource", "read", "catalog-entity", "component:default/secret-svc") + ","
                + item("2", "catalog.entity.read", "resource", "read", "catalog-entity", "component:default/open-svc") + "]}").json().path("items");

        assertThat(jane.get("/api/catalog/entities/by-name/component/default/secret-svc").status()).isEqualTo(404);
        assertThat(items.get(0).path("result").asString()).isEqualTo("DENY");
        assertThat(items.get(1).path("result").asString()).isEqualTo("ALLOW");
    }

    @Test
    void authorizeUsesTheDeclaredPermissionNotTheCallersAttributes() {
        TestHttp jane = as("user:default/jane", "group:default/team-b");

        JsonNode items = jane.post("/api/permission/authorize", "{\"items\": ["
                // delete disguised as a read: the default policy lets users read anything
                + item("1", "catalog.entity.delete", "resource", "read", "catalog-entity", "component:default/open-svc") + ","
                + item("2", "catalog.entity.delete", "basic", "read", null, null) + ","
                + item("3", "no.such.permission", "basic", "read", null, null) + "]}").json().path("items");

        assertThat(items.get(0).path("result").asString()).isEqualTo("DENY");
        assertThat(items.get(1).path("result").asString()).isEqualTo("CONDITIONAL");
        assertThat(items.get(1).path("conditions").path("rule").asString()).isEqualTo("IS_ENTITY_OWNER");
        assertThat(items.get(2).path("result").asString()).isEqualTo("DENY");
    }

    @Test
    void locationsByEntityAnswer404ForAnUnreadableEntity() {
        TestHttp jane = as("user:default/jane", "group:default/team-b");

        assertThat(jane.get("/api/catalog/locations/by-entity/component/default/secret-svc").status()).isEqualTo(404);
        assertThat(jane.get("/api/catalog/locations/by-entity/component/default/open-svc").status()).isEqualTo(200);
    }

    @Test
    void ancestryLeavesOutUnreadableAncestors() {
        TestHttp admin = as("user:default/root", "group:default/admins");
        TestHttp kim = as("user:default/kim");

        JsonNode all = admin.get("/api/catalog/entities/by-name/component/default/open-svc/ancestry").json().path("items");
        TestHttp.Result onlyComponents = kim.get("/api/catalog/entities/by-name/component/default/open-svc/ancestry");

        assertThat(all.size()).isGreaterThan(1);
        assertThat(onlyComponents.status()).isEqualTo(200);
        JsonNode items = onlyComponents.json().path("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).path("entity").path("kind").asString()).isEqualTo("Component");
        assertThat(items.get(0).path("parentEntityRefs").size()).isZero();
        assertThat(kim.get("/api/catalog/entities/by-name/component/default/secret-svc/ancestry").status()).isEqualTo(404);
    }

    @Test
    void validateEntityChecksItsPermission() {
        Map<String, Object> body = Map.of("location", "url:https://example.com/catalog-info.yaml", "entity", Map.of(
                "apiVersion", "backstage.io/v1alpha1", "kind", "Component", "metadata", Map.of("name", "x"),
                "spec", Map.of("type", "service", "lifecycle", "production", "owner", "team-a")));

        assertThat(as("user:default/val").postJson("/api/catalog/validate-entity", body).status()).isEqualTo(403);
        assertThat(as("user:default/jane").postJson("/api/catalog/validate-entity", body).status()).isEqualTo(200);
    }

    @Test
    void rolesWithUnknownRulesOrConditionsOnBasicPermissionsAreRefused() {
        var admin = backend.guestSession();

        TestHttp.Result typo = admin.postForm("/permission/roles", Map.of("name", "typo", "members", "*",
                "rules", "- {permission: catalog.entity.read, decision: deny, conditions: {rule: HAS_LABELS, params: {label: x}}}"));
        TestHttp.Result basic = admin.postForm("/permission/roles", Map.of("name", "basic", "members", "*",
                "rules", "- {permission: catalog.entity.create, decision: allow, conditions: {rule: IS_ENTITY_KIND, params: {kinds: [api]}}}"));
        TestHttp.Result params = admin.postForm("/permission/roles", Map.of("name", "params", "members", "*",
                "rules", "- {permission: catalog.entity.read, decision: allow, conditions: {rule: IS_ENTITY_KIND, params: {kind: api}}}"));
        TestHttp.Result fine = admin.postForm("/permission/roles", Map.of("name", "fine", "members", "user:default/nobody",
                "rules", "- {permission: catalog.entity.delete, decision: allow, conditions: {rule: isEntityOwner}}"));

        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body()).contains("HAS_LABELS").contains("HAS_LABEL");
        assertThat(basic.status()).isEqualTo(400);
        assertThat(basic.body()).contains("basic permission");
        assertThat(params.status()).isEqualTo(400);
        assertThat(params.body()).contains("params.kinds");
        assertThat(fine.status()).isEqualTo(303);
        assertThat(as("user:default/jane").get("/api/catalog/entities/by-query?limit=1").json().path("totalItems").asInt()).isEqualTo(2);
    }

    @Test
    void configRolesWithAnUnknownRuleStopTheStartNamingTheKey() {
        assertThatThrownBy(() -> TestBackend.builder().plugins(new CatalogPlugin()).config(CONFIG).config("""
                permission:
                  rbac:
                    roles:
                      - name: typo
                        members: ['*']
                        rules:
                          - {permission: catalog.entity.read, decision: allow}
                          - {resourceType: catalog-entity, decision: deny, conditions: {rule: IS_TASK_OWNER}}
                """).start().close())
                .hasStackTraceContaining("permission.rbac.roles[0].rules[1]").hasStackTraceContaining("IS_TASK_OWNER");
    }
}
