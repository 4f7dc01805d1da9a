package io.kerberus.scaffolder.plugin.api;

import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.scaffolder.plugin.ScaffolderPlugin;
import io.kerberus.test.Eventually;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestClock;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduled clean-up deletes ended tasks older than scaffolder.taskRetention, with their steps and events. */
class TaskCleanupIT {

    @TempDir
    Path dir;

    TestBackend start(TestDatabase database, TestClock clock, String retention) throws Exception {
        Files.writeString(dir.resolve("template.yaml"), ScaffolderPluginIT.TEMPLATE);
        return TestBackend.builder().plugins(new CatalogPlugin(), new ScaffolderPlugin()).modules(new TestActionsModule())
                .database(database).clock(clock).config("""
                        catalog:
                          processingInterval: 1h
                          fileRoots: ['%s']
                          rules: [{allow: [Component, Location, Template]}]
                          locations: [{type: file, target: '%s'}]
                        scaffolder:
                          enabled: true
                          pollInterval: 100ms
                          heartbeatInterval: 200ms
                          heartbeatTimeout: 2s
                          %s
                        """.formatted(dir, dir.resolve("template.yaml"), retention)).start();
    }

    static String runToEnd(TestHttp jane, String name) {
        Eventually.until(() -> jane.get("/api/scaffolder/v2/templates/default/template/hello/parameter-schema").status() == 200,
                () -> "the template in the catalog: " + jane.get("/api/catalog/entities").body(), Eventually.LIMIT);
        String id = jane.postJson("/api/scaffolder/v2/tasks", Map.of("templateRef", "template:default/hello", "values", Map.of("name", name)))
                .json().path("id").asString();
        Eventually.until(() -> List.of("completed", "failed").contains(jane.get("/api/scaffolder/v2/tasks/" + id).json().path("status").asString()),
                "task " + id + " to end");
        return id;
    }

    static long rows(TestBackend backend, String table, String taskId) {
        return backend.backend().database().jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table + " WHERE "
                + (table.equals("scaffolder_tasks") ? "id" : "task_id") + " = :id").bind("id", taskId).mapTo(Long.class).one());
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void deletesEndedTasksOlderThanTheRetentionWithTheirStepsAndEvents(TestDatabase database) throws Exception {
        TestClock clock = new TestClock();
        try (TestBackend backend = start(database, clock, "taskRetention: 30d")) {
            TestHttp jane = backend.http().withToken(backend.userToken("user:default/jane"));
            String old = runToEnd(jane, "old");
            assertThat(rows(backend, "scaffolder_task_events", old)).isPositive();
            clock.advance(Duration.ofDays(31));
            jane = backend.http().withToken(backend.userToken("user:default/jane")); // tokens issued before the jump have expired
            String fresh = runToEnd(jane, "fresh");

            backend.trigger("scaffolder.task-cleanup");

            TestHttp later = jane;
            Eventually.until(() -> later.get("/api/scaffolder/v2/tasks/" + old).status() == 404, "the clean-up to delete the 31 days old task");
            assertThat(rows(backend, "scaffolder_task_steps", old)).isZero();
            assertThat(rows(backend, "scaffolder_task_events", old)).isZero();
            assertThat(jane.get("/api/scaffolder/v2/tasks/" + fresh).status()).isEqualTo(200);
            assertThat(rows(backend, "scaffolder_task_events", fresh)).isPositive();
            assertThat(rows(backend, "scaffolder_task_steps", fresh)).isPositive();
        }
    }

    @Test
    void refusesARetentionBelowOneMinuteNamingTheKey() {
        assertThatThrownBy(() -> start(TestDatabase.H2, new TestClock(), "taskRetention: 10s").close())
                .hasMessageContaining("scaffolder.taskRetention").hasMessageContaining("30d");
    }
}
