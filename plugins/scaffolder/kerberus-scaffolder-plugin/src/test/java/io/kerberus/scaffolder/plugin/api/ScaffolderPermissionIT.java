package io.kerberus.scaffolder.plugin.api;

import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.plugin.Principal;
import io.kerberus.scaffolder.plugin.ScaffolderPlugin;
import io.kerberus.test.Eventually;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

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
 * admins all. On both databases.
 */
@DisplayName("Scaffolder permissions: template read, parameter read, task create/read/cancel (issue #8)")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
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
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: visible, title: Visible Thing, tags: [open-tag]}
            spec: {owner: team-a, type: service, lifecycle: production}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: classified, title: Classified Thing, labels: {secret: 'true'}, tags: [hushhush-tag], annotations: {x/code: zebra-42}}
            spec: {owner: team-a, type: service, lifecycle: production}
            ---
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata: {name: fetcher, title: Fetcher}
            spec:
              owner: team-a
              type: service
              parameters:
                - title: Pick
                  required: [ref]
                  properties:
                    ref: {title: Entity, type: string, ui:field: EntityPicker, ui:options: {catalogFilter: {kind: Component}, allowArbitraryValues: true}}
                    tags: {title: Tags, type: array, items: {type: string}, ui:field: EntityTagsPicker}
              steps:
                - {id: f, name: Fetch, action: 'catalog:fetch', input: {entityRef: '${{ parameters.ref }}'}}
              output:
                text:
                  - {title: Entity, content: '${{ steps.f.output.entity | dump }}'}
            ---
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata: {name: announcer, title: Announcer}
            spec:
              owner: team-a
              type: service
              parameters:
                - properties: {title: {type: string}}
              steps:
                - {id: n, name: Notify, action: 'notification:send',
                   input: {recipients: broadcast, title: '${{ parameters.title }}', link: 'https://evil.example.net/', scope: s}}
            """;

    static TestBackend backend;
    static Path dir;

    @Parameter
    TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws IOException {
        dir = Files.createTempDirectory("scaffolder-permission-it");
        Files.writeString(dir.resolve("templates.yaml"), TEMPLATES);
        backend = TestBackend.builder().plugins(new CatalogPlugin(), new io.kerberus.notifications.plugin.NotificationsPlugin(), new ScaffolderPlugin()).database(database).config("""
                catalog:
                  processingInterval: 1h
                  fileRoots: ['%s']
                  rules: [{allow: [Location, Template, Component]}]
                  locations:
                    - {type: file, target: '%s'}
                scaffolder:
                  pollInterval: 100ms
                permission:
                  rbac:
                    admins: [group:default/admins, user:default/root]
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
                      - name: no-imports
                        members: [user:default/erin]
                        rules: [{permission: catalog.location.create, decision: deny}]
                """.formatted(dir, dir.resolve("templates.yaml"))).start();
        Eventually.until(() -> backend.http().asStaticClient().get("/api/catalog/entities/by-name/template/default/hidden").status() == 200
                && backend.http().asStaticClient().get("/api/catalog/entities/by-name/component/default/classified").status() == 200
                && backend.http().asStaticClient().get("/api/catalog/entities/by-name/template/default/fetcher").status() == 200
                && backend.http().asStaticClient().get("/api/catalog/entities/by-name/template/default/announcer").status() == 200,
                "the templates and components in the catalog");
    }

    @AfterParameterizedClassInvocation
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

    /** A dry run of an inline template whose one step is {@code action} with {@code input}, putting the step's output in a text. */
    static TestHttp.Result dryRun(TestHttp user, String action, Map<String, Object> input) {
        Map<String, Object> template = Map.of("apiVersion", "scaffolder.backstage.io/v1beta3", "kind", "Template", "metadata", Map.of("name", "probe"),
                "spec", Map.of("steps", List.of(Map.of("id", "f", "name", "Probe", "action", action, "input", input)),
                        "output", Map.of("text", List.of(Map.of("title", "out", "content", "${{ steps.f.output | dump }}")))));
        TestHttp.Result result = user.postJson("/api/scaffolder/v2/dry-run", Map.of("template", template, "values", Map.of()));
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        return result;
    }

    @Test
    void catalogFetchInADryRunTreatsAnUnreadableEntityAsMissing() {
        TestHttp jane = as("user:default/jane", "group:default/team-a");

        TestHttp.Result hidden = dryRun(jane, "catalog:fetch", Map.of("entityRef", "component:default/classified"));
        TestHttp.Result missing = dryRun(jane, "catalog:fetch", Map.of("entityRef", "component:default/nothing-here"));
        TestHttp.Result optional = dryRun(jane, "catalog:fetch", Map.of("entityRef", "component:default/classified", "optional", true));
        TestHttp.Result several = dryRun(jane, "catalog:fetch", Map.of("entityRefs", List.of("component:default/visible", "component:default/classified"),
                "optional", true));
        TestHttp.Result readable = dryRun(jane, "catalog:fetch", Map.of("entityRef", "component:default/visible"));
        TestHttp.Result asService = backend.http().withToken(backend.serviceToken("ci")).postJson("/api/scaffolder/v2/dry-run",
                Map.of("template", Map.of("apiVersion", "scaffolder.backstage.io/v1beta3", "kind", "Template", "metadata", Map.of("name", "probe"),
                        "spec", Map.of("steps", List.of(Map.of("id", "f", "name", "Probe", "action", "catalog:fetch",
                                "input", Map.of("entityRef", "component:default/classified"))),
                                "output", Map.of("text", List.of(Map.of("title", "out", "content", "${{ steps.f.output | dump }}"))))),
                        "values", Map.of()));

        assertThat(hidden.json().path("status").asString()).isEqualTo("failed");
        assertThat(hidden.body()).contains("component:default/classified not found").doesNotContain("zebra-42").doesNotContain("Classified Thing");
        assertThat(missing.body()).contains("component:default/nothing-here not found");
        assertThat(missing.json().path("status").asString()).isEqualTo("failed");
        assertThat(optional.json().path("status").asString()).isEqualTo("completed");
        assertThat(optional.body()).doesNotContain("zebra-42").doesNotContain("Classified Thing");
        assertThat(several.body()).contains("Visible Thing").doesNotContain("zebra-42").doesNotContain("Classified Thing");
        assertThat(readable.body()).contains("Visible Thing");
        assertThat(asService.body()).as("a service keeps its own authority").contains("zebra-42");
    }

    @Test
    void catalogFetchInATaskActsAsTheTasksCreator() {
        TestHttp jane = as("user:default/jane", "group:default/team-a");
        TestHttp admin = as("user:default/root", "group:default/admins");

        String hidden = runFetcher(jane, "component:default/classified");
        String visible = runFetcher(jane, "component:default/visible");
        String byService = runFetcher(backend.http().withToken(backend.serviceToken("ci")), "component:default/classified");

        assertThat(task(jane, hidden).path("status").asString()).isEqualTo("failed");
        String events = jane.get("/api/scaffolder/v2/tasks/" + hidden + "/events").body();
        assertThat(events).contains("component:default/classified not found").doesNotContain("zebra-42");
        assertThat(task(jane, visible).path("status").asString()).isEqualTo("completed");
        assertThat(admin.get("/api/scaffolder/v2/tasks/" + byService + "/events").body()).contains("zebra-42");
    }

    @Test
    void catalogRegisterNeedsLocationCreateForTheCreator() {
        TestHttp erin = as("user:default/erin");
        TestHttp jane = as("user:default/jane", "group:default/team-a");
        Map<String, Object> input = Map.of("catalogInfoUrl", "https://example.com/catalog-info.yaml");

        TestHttp.Result refused = dryRun(erin, "catalog:register", input);
        TestHttp.Result allowed = dryRun(jane, "catalog:register", input);

        assertThat(refused.json().path("status").asString()).isEqualTo("failed");
        assertThat(refused.body()).contains("catalog.location.create").contains("no-imports");
        assertThat(allowed.json().path("status").asString()).isEqualTo("completed");
    }

    @Test
    void broadcastsFromTemplatesNeedNotificationBroadcastAndCarryTheCreatorInTheOrigin() {
        TestHttp jane = as("user:default/jane", "group:default/team-a");
        TestHttp root = as("user:default/root");

        String byJane = run(jane, "announcer", Map.of("title", "jane-says"));
        String byRoot = run(root, "announcer", Map.of("title", "root-says"));

        assertThat(task(jane, byJane).path("status").asString()).isEqualTo("failed");
        assertThat(jane.get("/api/scaffolder/v2/tasks/" + byJane + "/events").body()).contains("notification.broadcast");
        assertThat(task(root, byRoot).path("status").asString()).isEqualTo("completed");
        String inbox = jane.get("/api/notifications/notifications?limit=200").body();
        assertThat(inbox).contains("root-says").contains("\"origin\":\"plugin:scaffolder:user:default/root\"").doesNotContain("jane-says");
    }

    @Test
    void entityPickersAndTagSuggestionsOfferOnlyReadableEntities() {
        TestHttp jane = as("user:default/jane", "group:default/team-a");

        String form = jane.get("/create/templates/default/fetcher").body();

        assertThat(form).contains("component:default/visible").contains("open-tag")
                .doesNotContain("classified").doesNotContain("Classified Thing").doesNotContain("hushhush-tag");
    }

    static String runFetcher(TestHttp user, String ref) {
        return run(user, "fetcher", Map.of("ref", ref));
    }

    static String run(TestHttp user, String template, Map<String, Object> values) {
        TestHttp.Result created = user.postJson("/api/scaffolder/v2/tasks", Map.of("templateRef", "template:default/" + template, "values", values));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        Eventually.until(() -> List.of("completed", "failed").contains(backend.http().asStaticClient().get("/api/scaffolder/v2/tasks/" + id)
                .json().path("status").asString()), "task " + id + " to end");
        return id;
    }

    static tools.jackson.databind.JsonNode task(TestHttp user, String id) {
        return user.get("/api/scaffolder/v2/tasks/" + id).json();
    }

    private static List<String> ids(TestHttp.Result list) {
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().path("tasks").forEach(task -> ids.add(task.path("id").asString()));
        assertThat(list.json().path("totalTasks").asLong()).isEqualTo(ids.size());
        return ids;
    }
}
