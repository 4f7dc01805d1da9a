package io.kerberus.scaffolder.plugin.api;

import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.plugin.Principal;
import io.kerberus.scaffolder.plugin.ScaffolderPlugin;
import io.kerberus.test.Eventually;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaffolder's permissions with the default policy and a few roles: templates the user may not
 * read are 404 and missing from {@code /create}; {@code scaffolder.task.create} and
 * {@code scaffolder.template.parameter.read} denials are 403; users read only their own tasks,
 * admins all.
 */
@DisplayName("Scaffolder permissions: template read, parameter read, task create/read/cancel (issue #8)")
class ScaffolderPermissionIT {

    static final String TEMPLATES = """
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata: {name: open, title: Open template}
            spec: {owner: team-a, type: service, steps: []}
            ---
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata: {name: hidden, title: Hidden template, labels: {secret: 'true'}}
            spec: {owner: team-a, type: service, steps: []}
            """;

    static TestBackend backend;
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("scaffolder-permission-it");
        Files.writeString(dir.resolve("templates.yaml"), TEMPLATES);
        backend = TestBackend.builder().plugins(new CatalogPlugin(), new ScaffolderPlugin()).database(TestDatabase.H2).config("""
                catalog:
                  processingInterval: 1h
                  fileRoots: ['%s']
                  rules: [{allow: [Location, Template]}]
                  locations:
                    - {type: file, target: '%s'}
                scaffolder:
                  pollInterval: 100ms
                permission:
                  rbac:
                    admins: [group:default/admins]
                    roles:
                      - name: no-secrets
                        members: ['*']
                        rules: [{permission: catalog.entity.read, decision: deny, conditions: {rule: HAS_LABEL, params: {label: secret}}}]
                      - name: no-runs
                        members: [user:default/carol]
                        rules: [{permission: scaffolder.task.create, decision: deny}]
                      - name: no-forms
                        members: [user:default/dave]
                        rules: [{permission: scaffolder.template.parameter.read, decision: deny}]
                """.formatted(dir, dir.resolve("templates.yaml"))).start();
        Eventually.until(() -> backend.http().asStaticClient().get("/api/catalog/entities/by-name/template/default/hidden").status() == 200,
                "the templates in the catalog");
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    static TestHttp as(String user, String... groups) {
        List<String> refs = new ArrayList<>(List.of(user));
        refs.addAll(List.of(groups));
        return backend.http().withToken(backend.backend().tokens().issueUserToken(Principal.user(user, refs, null)));
    }

    static String startTask(TestHttp user) {
        TestHttp.Result created = user.postJson("/api/scaffolder/v2/tasks", Map.of("templateRef", "template:default/open", "values", Map.of()));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    @Test
    void templatesTheUserMayNotReadAre404AndLeftOutOfTheGallery() {
        TestHttp jane = as("user:default/jane", "group:default/team-a");

        String gallery = jane.get("/create").body();

        assertThat(gallery).contains("data-template=\"template:default/open\"").doesNotContain("template:default/hidden");
        assertThat(jane.get("/api/scaffolder/v2/templates/default/template/open/parameter-schema").status()).isEqualTo(200);
        assertThat(jane.get("/api/scaffolder/v2/templates/default/template/hidden/parameter-schema").status()).isEqualTo(404);
        assertThat(jane.get("/create/templates/default/hidden").status()).isEqualTo(404);
        assertThat(jane.postJson("/api/scaffolder/v2/tasks", Map.of("templateRef", "template:default/hidden", "values", Map.of())).status())
                .isEqualTo(404);
    }

    @Test
    void parameterReadAndTaskCreateDenialsAre403NamingThePermission() {
        TestHttp dave = as("user:default/dave");
        TestHttp carol = as("user:default/carol");

        TestHttp.Result schema = dave.get("/api/scaffolder/v2/templates/default/template/open/parameter-schema");
        TestHttp.Result run = carol.postJson("/api/scaffolder/v2/tasks", Map.of("templateRef", "template:default/open", "values", Map.of()));
        TestHttp.Result dryRun = carol.postJson("/api/scaffolder/v2/dry-run", Map.of("template", Map.of("apiVersion", "scaffolder.backstage.io/v1beta3",
                "kind", "Template", "metadata", Map.of("name", "x"), "spec", Map.of("steps", List.of())), "values", Map.of()));

        assertThat(schema.status()).isEqualTo(403);
        assertThat(schema.json().path("error").path("message").asString()).contains("scaffolder.template.parameter.read").contains("no-forms");
        assertThat(dave.get("/create").body()).doesNotContain("template:default/open");
        assertThat(run.status()).isEqualTo(403);
        assertThat(run.json().path("error").path("message").asString()).contains("scaffolder.task.create").contains("no-runs");
        assertThat(dryRun.status()).isEqualTo(403);
    }

    @Test
    void usersSeeAndCancelOnlyTheirOwnTasksAdminsAll() {
        TestHttp jane = as("user:default/jane", "group:default/team-a");
        TestHttp bob = as("user:default/bob", "group:default/team-b");
        TestHttp admin = as("user:default/root", "group:default/admins");
        String id = startTask(jane);

        List<String> janes = ids(jane.get("/api/scaffolder/v2/tasks?limit=1000"));
        List<String> bobs = ids(bob.get("/api/scaffolder/v2/tasks?limit=1000"));
        List<String> admins = ids(admin.get("/api/scaffolder/v2/tasks?limit=1000"));

        assertThat(janes).contains(id);
        assertThat(bobs).doesNotContain(id);
        assertThat(bob.get("/api/scaffolder/v2/tasks?createdBy=user:default/jane").json().path("totalTasks").asLong()).isZero();
        assertThat(admins).contains(id);
        assertThat(jane.get("/api/scaffolder/v2/tasks/" + id).status()).isEqualTo(200);
        assertThat(admin.get("/api/scaffolder/v2/tasks/" + id).status()).isEqualTo(200);
        assertThat(bob.get("/api/scaffolder/v2/tasks/" + id).status()).isEqualTo(404);
        assertThat(bob.get("/api/scaffolder/v2/tasks/" + id + "/events").status()).isEqualTo(404);
        assertThat(bob.post("/api/scaffolder/v2/tasks/" + id + "/cancel", "{}").status()).isEqualTo(404);
        assertThat(bob.get("/create/tasks/" + id).status()).isEqualTo(404);
        assertThat(bob.get("/create/tasks?owner=all").body()).doesNotContain(id);
        assertThat(admin.get("/create/tasks?owner=all").body()).contains(id);
    }

    private static List<String> ids(TestHttp.Result list) {
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().path("tasks").forEach(task -> ids.add(task.path("id").asString()));
        assertThat(list.json().path("totalTasks").asLong()).isEqualTo(ids.size());
        return ids;
    }
}
