package io.kerberus.scaffolder.plugin.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugActionsTest {

    @TempDir
    Path workspace;

    @Test
    void logWritesMessageAndWorkspaceContents() throws Exception {
        Files.createDirectories(workspace.resolve("docs"));
        Files.writeString(workspace.resolve("docs/index.md"), "hello docs");
        TestActionContext ctx = new TestActionContext(workspace).with("message", "Hi there").with("listWorkspace", "with-contents");

        new DebugLogAction().run(ctx);

        assertThat(ctx.logs.getFirst()).isEqualTo("Hi there");
        assertThat(ctx.log()).contains("docs/index.md").contains("hello docs");
    }

    @Test
    void logListsFileNamesOnly() throws Exception {
        Files.writeString(workspace.resolve("a.txt"), "content");
        TestActionContext ctx = new TestActionContext(workspace).with("listWorkspace", true);

        new DebugLogAction().run(ctx);

        assertThat(ctx.logs).containsExactly("a.txt");
    }

    @Test
    void waitStopsWhenCancelled() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        TestActionContext ctx = new TestActionContext(workspace).with("seconds", 30);
        ctx.cancelled = () -> polls.incrementAndGet() > 2;
        long start = System.nanoTime();

        new DebugWaitAction().run(ctx);

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(ctx.log()).contains("Cancelled");
    }

    @Test
    void waitSumsUnitsAndRefusesMoreThanTenMinutes() throws Exception {
        TestActionContext ctx = new TestActionContext(workspace).with("milliseconds", 120);

        new DebugWaitAction().run(ctx);

        assertThat(ctx.log()).contains("Waiting 120 ms");
        TestActionContext tooLong = new TestActionContext(workspace).with("minutes", 10).with("seconds", 1);
        assertThatThrownBy(() -> new DebugWaitAction().run(tooLong)).hasMessageContaining("maximum threshold of 00:10:00");
    }
}
