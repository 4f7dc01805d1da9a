package io.kerberus.catalog.plugin.permission;

import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.plugin.Principal;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import io.kerberus.test.TestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log as an admin reads it at {@code GET /api/permission/audit}: a guest sign-in, a role
 * change and an entity delete each leave a row; with no {@code permission.enabled} in the config
 * (the default policy is on) only admins read it.
 */
@DisplayName("Audit rows for sign-in, role changes and entity deletes, with the default policy on (issue #8)")
class AuditIT {

    static Path dir;
    static TestBackend backend;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("kerberus-audit");
        Files.writeString(dir.resolve("all.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: mine}
                spec: {type: service, lifecycle: production, owner: group:default/team-a}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: theirs}
                spec: {type: service, lifecycle: production, owner: group:default/team-b}
                """);
        backend = TestBackend.builder().plugins(new CatalogPlugin()).config("""
                auth:
                  providers:
                    guest:
                      userEntityRef: user:default/root
                      ownershipEntityRefs: [user:default/root, group:default/admins]
                permission:
                  rbac:
                    admins: [group:default/admins]
                    roles:
                      - name: no-imports
                        members: [user:default/bob]
                        rules: [{permission: catalog.location.create, decision: deny}]
                catalog:
                  rules: [{allow: [Component]}]
                  processingInterval: 1h
                  fileRoots: ['%s']
                  locations:
                    - {type: file, target: '%s'}
                """.formatted(dir, dir.resolve("all.yaml"))).start();
        TestHttp service = backend.http().asStaticClient();
        PermissionIT.await(() -> service.get("/api/catalog/entities/by-query?filter=kind%3Dcomponent&limit=1").json().path("totalItems").asInt() == 2,
                "the catalog to load");
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    private static TestHttp as(String user, String... groups) {
        List<String> refs = new ArrayList<>(List.of(user));
        refs.addAll(List.of(groups));
        return backend.http().withToken(backend.backend().tokens().issueUserToken(Principal.user(user, refs, null)));
    }

    private static JsonNode audit(String action) {
        return as("user:default/root", "group:default/admins").get("/api/permission/audit?action=" + action).json().path("items");
    }

    @Test
    void theImportPageRegistersOnlyWithCatalogLocationCreate() throws IOException {
        Files.writeString(dir.resolve("more.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: imported}
                spec: {type: service, lifecycle: production, owner: group:default/team-b}
                """);
        String form = "target=" + java.net.URLEncoder.encode(dir.resolve("more.yaml").toString(), java.nio.charset.StandardCharsets.UTF_8)
                + "&ref=component%3Adefault%2Fimported";

        TestHttp.Result refused = postForm(as("user:default/bob"), "/catalog/import/register", form);
        TestHttp.Result locations = backend.http().asStaticClient().get("/api/catalog/locations");
        TestHttp.Result registered = postForm(as("user:default/jane", "group:default/team-a"), "/catalog/import/register", form);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("catalog.location.create").contains("no-imports");
        assertThat(locations.body()).doesNotContain("more.yaml");
        assertThat(registered.status()).isEqualTo(201);
        assertThat(backend.http().asStaticClient().get("/api/catalog/locations").body()).contains("more.yaml");
    }

    private static TestHttp.Result postForm(TestHttp http, String path, String form) {
        return http.send(http.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build());
    }

    @Test
    void guestSignInIsAudited() {
        TestSession.signInAsGuest(backend);

        JsonNode rows = audit("auth.");

        assertThat(rows.size()).isGreaterThanOrEqualTo(1);
        assertThat(rows.get(0).path("action").asString()).isEqualTo("auth.sign-in");
        assertThat(rows.get(0).path("actor").asString()).isEqualTo("user:default/root");
        assertThat(rows.get(0).path("details").path("provider").asString()).isEqualTo("guest");
        assertThat(rows.get(0).path("details").path("outcome").asString()).isEqualTo("success");
    }

    @Test
    void roleChangeIsAudited() {
        TestSession admin = TestSession.signInAsGuest(backend);

        TestHttp.Result saved = admin.postForm("/permission/roles", Map.of("name", "audited-role", "description", "for the audit test",
                "members", "user:default/jane", "rules", "- {permission: catalog.entity.read, decision: allow}"));

        assertThat(saved.status()).isEqualTo(303);
        JsonNode rows = audit("permission.role.");
        assertThat(rows.size()).isGreaterThanOrEqualTo(1);
        assertThat(rows.get(0).path("action").asString()).isEqualTo("permission.role.create");
        assertThat(rows.get(0).path("actor").asString()).isEqualTo("user:default/root");
        assertThat(rows.get(0).path("target").asString()).isEqualTo("audited-role");
    }

    @Test
    void ownersDeleteTheirEntitiesOthersAre403AndDeletesAreAudited() {
        TestHttp jane = as("user:default/jane", "group:default/team-a");
        String mine = jane.get("/api/catalog/entities/by-name/component/default/mine").json().path("metadata").path("uid").asString();
        String theirs = jane.get("/api/catalog/entities/by-name/component/default/theirs").json().path("metadata").path("uid").asString();

        TestHttp.Result denied = jane.delete("/api/catalog/entities/by-uid/" + theirs);
        TestHttp.Result deleted = jane.delete("/api/catalog/entities/by-uid/" + mine);

        assertThat(denied.status()).isEqualTo(403);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(jane.get("/api/permission/audit").status()).isEqualTo(403);
        JsonNode rows = audit("catalog.entity.delete");
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.get(0).path("actor").asString()).isEqualTo("user:default/jane");
        assertThat(rows.get(0).path("target").asString()).isEqualTo("component:default/mine");
    }
}
