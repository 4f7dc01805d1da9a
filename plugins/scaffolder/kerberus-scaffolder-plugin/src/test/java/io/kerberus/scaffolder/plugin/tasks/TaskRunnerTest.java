package io.kerberus.scaffolder.plugin.tasks;

import io.kerberus.scaffolder.plugin.template.ScmIntegrationTypes;
import io.kerberus.scaffolder.plugin.template.TemplateRenderer;
import io.kerberus.test.Eventually;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner against an in-memory H2 with the real migration and tiny test actions. */
class TaskRunnerTest {

    Jdbi jdbi;
    TaskStore store;
    SecretVault vault;
    TaskRunner runner;
    Path data;

    @BeforeEach
    void start() throws IOException {
        jdbi = Jdbi.create("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        try (var in = getClass().getResourceAsStream("/db/migration/scaffolder/V1__tasks.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            jdbi.useHandle(handle -> handle.createScript(sql).execute());
        }
        data = Files.createTempDirectory("scaffolder-runner");
        TaskSignals signals = new TaskSignals();
        store = new TaskStore(jdbi, Clock.systemUTC(), signals);
        vault = new SecretVault(Clock.systemUTC());
        ActionRegistry actions = new ActionRegistry();
        TestActions.all().forEach(actions::add);
        TaskExecution execution = new TaskExecution(actions, TemplateRenderer.create(ScmIntegrationTypes.publicHosts()), new InputValidator());
        runner = new TaskRunner("replica-a", store, signals, execution, new Workspaces(data.resolve("workspaces"), Clock.systemUTC(), Duration.ofHours(1)),
                vault, ref -> null, new TaskRunner.Settings(2, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofHours(1)),
                Clock.systemUTC(), LoggerFactory.getLogger("test"));
        runner.start();
    }

    @AfterEach
    void stop() {
        runner.stop();
        Workspaces.delete(data);
    }

    String submit(String specJson, Map<String, String> secrets) {
        ObjectNode spec = (ObjectNode) TaskStore.JSON.readTree(specJson);
        String id = UUID.randomUUID().toString();
        if (!secrets.isEmpty()) {
            vault.put(id, secrets);
        }
        store.create(id, spec, "template:default/test", "user:default/jane", secrets.isEmpty() ? null : runner.replica(), TaskExecution.stepIds(spec));
        runner.wake();
        return id;
    }

    TaskStatus awaitEnd(String id) {
        Eventually.until(() -> store.find(id).orElseThrow().status().ended(), () -> "task " + id + " to end; events: " + messages(id), Duration.ofSeconds(20));
        return store.find(id).orElseThrow().status();
    }

    List<String> messages(String id) {
        return store.events(id, 0, 1000).stream().map(e -> e.body().path("message").asString()).toList();
    }

    JsonNode completion(String id) {
        return store.events(id, 0, 1000).stream().filter(e -> e.type().equals("completion")).reduce((a, b) -> b).orElseThrow().body();
    }

    @Test
    void runsStepsInOrderPassingOutputsAndSkippingFalseIfs() {
        String id = submit("""
                {"parameters": {"name": "orders", "skip": false},
                 "steps": [
                   {"id": "one", "name": "First", "action": "test:echo", "input": {"message": "${{ parameters.name }}"}},
                   {"id": "never", "action": "test:echo", "if": "${{ parameters.skip }}", "input": {"message": "no"}},
                   {"id": "two", "action": "test:echo", "input": {"message": "after ${{ steps.one.output.echoed }}"}}],
                 "output": {"text": [{"title": "Done", "content": "${{ steps['two'].output.echoed }}"}]}}""", Map.of());

        assertThat(awaitEnd(id)).isEqualTo(TaskStatus.COMPLETED);
        assertThat(messages(id)).containsSubsequence("Beginning step First", "echo orders", "Finished step First",
                "Skipping step never because its if condition was false", "echo after orders", "Run completed with status: completed");
        assertThat(completion(id).path("output").path("text").path(0).path("content").asString()).isEqualTo("after orders");
        assertThat(store.steps(id)).extracting(StepState::status).containsExactly(TaskStatus.COMPLETED, TaskStatus.SKIPPED, TaskStatus.COMPLETED);
    }

    @Test
    void loopsOverEachCollectingEveryIterationsOutput() {
        String id = submit("""
                {"parameters": {"names": ["a", "b", "c"]},
                 "steps": [{"id": "loop", "action": "test:echo", "each": "${{ parameters.names }}", "input": {"message": "${{ each.key }}=${{ each.value }}"}}],
                 "output": {"all": "${{ steps.loop.output.echoed }}"}}""", Map.of());

        assertThat(awaitEnd(id)).isEqualTo(TaskStatus.COMPLETED);
        assertThat(completion(id).path("output").path("all").toString()).isEqualTo("[\"0=a\",\"1=b\",\"2=c\"]");
    }

    @Test
    void failsNamingTheFieldWhenAnInputBreaksTheActionsSchema() {
        String id = submit("""
                {"steps": [{"id": "bad", "action": "test:echo", "input": {"count": "three"}}]}""", Map.of());

        assertThat(awaitEnd(id)).isEqualTo(TaskStatus.FAILED);
        String error = completion(id).path("error").path("message").asString();
        assertThat(error).contains("steps.bad.input.message").contains("steps.bad.input.count");
    }

    @Test
    void masksSecretsInEveryLogLineAndNeverStoresThem() {
        String id = submit("""
                {"steps": [{"id": "leak", "action": "test:echo", "input": {"message": "token is ${{ secrets.token }}"}}],
                 "output": {"text": [{"title": "t", "content": "${{ steps.leak.output.echoed }}"}]}}""", Map.of("token", "s3cr3t-value"));

        assertThat(awaitEnd(id)).isEqualTo(TaskStatus.COMPLETED);
        assertThat(messages(id)).contains("echo token is ***");
        String everything = jdbi.withHandle(handle -> String.join("\n",
                handle.createQuery("SELECT spec || COALESCE(secrets_holder, '') FROM scaffolder_tasks").mapTo(String.class).list())
                + handle.createQuery("SELECT body FROM scaffolder_task_events").mapTo(String.class).list()
                + handle.createQuery("SELECT COALESCE(output, '') FROM scaffolder_task_steps").mapTo(String.class).list());
        assertThat(everything).contains("***").doesNotContain("s3cr3t-value");
    }

    @Test
    void cancelStopsTheTaskBeforeItsNextStep() {
        String id = submit("""
                {"steps": [{"id": "wait", "action": "test:wait"}, {"id": "after", "action": "test:echo", "input": {"message": "too late"}}]}""", Map.of());
        Eventually.until(() -> store.steps(id).getFirst().status() == TaskStatus.PROCESSING, "the first step to start");

        store.requestCancel(id);

        assertThat(awaitEnd(id)).isEqualTo(TaskStatus.CANCELLED);
        assertThat(messages(id)).contains("stopped waiting").doesNotContain("echo too late");
        assertThat(store.steps(id)).extracting(StepState::status).containsExactly(TaskStatus.COMPLETED, TaskStatus.CANCELLED);
    }

    @Test
    void retryRunsAgainFromTheFailedStepKeepingEarlierOutputs() {
        TestActions.FLAKY_FAILURES.set(1);
        String id = submit("""
                {"steps": [
                   {"id": "first", "action": "test:write", "input": {"path": "a.txt", "content": "A"}},
                   {"id": "flaky", "action": "test:flaky"},
                   {"id": "last", "action": "test:echo", "input": {"message": "wrote ${{ steps.first.output.path }}"}}]}""", Map.of());
        assertThat(awaitEnd(id)).isEqualTo(TaskStatus.FAILED);

        store.reopen(id, "flaky", null);
        runner.wake();

        assertThat(awaitEnd(id)).isEqualTo(TaskStatus.COMPLETED);
        List<String> messages = messages(id);
        assertThat(messages).containsSubsequence("Step flaky failed: flaky failed as asked", "Retrying from step flaky",
                "Retrying from step flaky in the workspace kept from the failed run; earlier steps keep their outputs", "flaky passed", "echo wrote a.txt");
        assertThat(messages.stream().filter(m -> m.equals("Beginning step first"))).hasSize(1);
    }

    @Test
    void marksATaskFailedWhenTheReplicaRunningItStopsSendingHeartbeats() {
        jdbi.useHandle(handle -> handle.createUpdate("""
                INSERT INTO scaffolder_tasks (id, spec, status, template_ref, created_by, created_at, last_heartbeat_at, claimed_by)
                VALUES ('lost-task', '{"steps": []}', 'processing', 'template:default/test', 'user:default/jane', 1, 1, 'replica-gone')""").execute());

        assertThat(awaitEnd("lost-task")).isEqualTo(TaskStatus.FAILED);
        assertThat(completion("lost-task").path("error").path("message").asString()).contains("replica-gone").contains("stopped");
    }
}
