package io.kerberus.scaffolder.plugin.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsActionsTest {

    @TempDir
    Path temp;

    Path workspace;
    TestActionContext ctx;

    @BeforeEach
    void setUp() throws IOException {
        workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.createDirectories(workspace.resolve("src/deep"));
        Files.writeString(workspace.resolve("a.tmp"), "a");
        Files.writeString(workspace.resolve("src/deep/b.tmp"), "b");
        Files.writeString(workspace.resolve("src/keep.java"), "k");
        Files.writeString(temp.resolve("outside.txt"), "o");
        ctx = new TestActionContext(workspace);
    }

    @Test
    void deleteRemovesPathsAndGlobMatches() throws Exception {
        ctx.with("files", List.of("**/*.tmp", "src/deep", "not-there"));

        new FsDeleteAction().run(ctx);

        assertThat(workspace.resolve("a.tmp")).doesNotExist();
        assertThat(workspace.resolve("src/deep")).doesNotExist();
        assertThat(workspace.resolve("src/keep.java")).exists();
    }

    @Test
    void deleteRefusesPathsOutsideWorkspace() {
        ctx.with("files", List.of("../outside.txt"));

        assertThatThrownBy(() -> new FsDeleteAction().run(ctx)).hasMessageContaining("outside the workspace");
        assertThat(temp.resolve("outside.txt")).exists();
        ctx.with("files", List.of("../*.txt"));
        assertThatThrownBy(() -> new FsDeleteAction().run(ctx)).hasMessageContaining("inside the workspace");
    }

    @Test
    void deleteRemovesLinkNotItsTarget() throws Exception {
        Files.createSymbolicLink(workspace.resolve("link"), temp);
        ctx.with("files", List.of("link"));

        new FsDeleteAction().run(ctx);

        assertThat(workspace.resolve("link")).doesNotExist();
        assertThat(temp.resolve("outside.txt")).exists();
    }

    @Test
    void deleteRequiresFiles() {
        assertThatThrownBy(() -> new FsDeleteAction().run(ctx)).hasMessageContaining("input 'files' is required");
    }

    @Test
    void renameMovesFilesAndHonoursOverwrite() throws Exception {
        ctx.with("files", List.of(Map.of("from", "a.tmp", "to", "moved/a.txt"),
                Map.of("from", "src/keep.java", "to", "src/deep/b.tmp", "overwrite", true)));

        new FsRenameAction().run(ctx);

        assertThat(workspace.resolve("moved/a.txt")).hasContent("a");
        assertThat(workspace.resolve("src/deep/b.tmp")).hasContent("k");
    }

    @Test
    void renameRefusesExistingDestinationWithoutOverwrite() {
        ctx.with("files", List.of(Map.of("from", "a.tmp", "to", "src/keep.java")));

        assertThatThrownBy(() -> new FsRenameAction().run(ctx)).hasMessageContaining("already exists");
        assertThat(workspace.resolve("a.tmp")).exists();
    }

    @Test
    void renameRefusesPathsOutsideWorkspace() {
        ctx.with("files", List.of(Map.of("from", "a.tmp", "to", "../stolen.tmp")));

        assertThatThrownBy(() -> new FsRenameAction().run(ctx)).hasMessageContaining("outside the workspace");
        ctx.with("files", List.of(Map.of("from", "../outside.txt", "to", "in.txt")));
        assertThatThrownBy(() -> new FsRenameAction().run(ctx)).hasMessageContaining("outside the workspace");
        ctx.with("files", List.of(Map.of("from", "a.tmp")));
        assertThatThrownBy(() -> new FsRenameAction().run(ctx)).hasMessageContaining("from and to");
        assertThat(temp.resolve("stolen.tmp")).doesNotExist();
    }
}
