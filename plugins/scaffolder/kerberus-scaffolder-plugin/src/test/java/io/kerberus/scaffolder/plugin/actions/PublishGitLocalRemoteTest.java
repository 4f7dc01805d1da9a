package io.kerberus.scaffolder.plugin.actions;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** publish:git to file:// remotes: created when missing inside the roots, relative to a file: template, read back by URL. */
class PublishGitLocalRemoteTest {

    @TempDir
    Path temp;

    Path workspace;
    Path roots;

    @BeforeEach
    void setUp() throws Exception {
        workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(workspace.resolve("catalog-info.yaml"), "kind: Component");
        roots = Files.createDirectories(temp.resolve("data"));
    }

    @Test
    void createsAMissingBareRepositoryInsideTheRootsAndAnswersItsContentsUrl() throws Exception {
        Path bare = roots.resolve("git/orders.git");
        TestActionContext ctx = new TestActionContext(workspace).with("repoUrl", "file://" + bare);

        new PublishGitAction(() -> List.of(roots)).run(ctx);

        try (Repository repo = Git.open(bare.toFile()).getRepository()) {
            assertThat(repo.isBare()).isTrue();
            assertThat(repo.resolve("refs/heads/main")).isNotNull();
        }
        assertThat(ctx.outputs).containsEntry("repoContentsUrl", "file://" + roots.resolve("git/orders") + "/blob/main")
                .containsEntry("remoteUrl", "file://" + bare);
        assertThat(ctx.log()).contains("Created the bare repository " + bare);
    }

    @Test
    void refusesToCreateARepositoryOutsideTheRootsNamingTheConfigKey() {
        Path outside = temp.resolve("elsewhere/orders.git");
        TestActionContext ctx = new TestActionContext(workspace).with("repoUrl", "file://" + outside);

        assertThatThrownBy(() -> new PublishGitAction(() -> List.of(roots)).run(ctx))
                .hasMessageContaining("catalog.fileRoots").hasMessageContaining(outside.toString());
        assertThat(Files.exists(outside)).isFalse();
    }

    @Test
    void resolvesARelativeRepoUrlAgainstAFileTemplateWithoutDotDots() throws Exception {
        Path template = Files.createDirectories(roots.resolve("catalog/templates/svc")).resolve("template.yaml");
        TestActionContext ctx = new TestActionContext(workspace).with("repoUrl", "../../../git/svc.git");
        ctx.templateLocation = template.toUri();

        new PublishGitAction(() -> List.of(roots)).run(ctx);

        assertThat(Files.isDirectory(roots.resolve("git/svc.git"))).isTrue();
        assertThat(ctx.outputs.get("repoContentsUrl")).isEqualTo("file://" + roots.resolve("git/svc") + "/blob/main");
    }

    @Test
    void refusesARelativeRepoUrlWithoutAFileTemplate() {
        TestActionContext ctx = new TestActionContext(workspace).with("repoUrl", "repos/svc.git");
        ctx.templateLocation = java.net.URI.create("https://example.com/t/template.yaml");

        assertThatThrownBy(() -> new PublishGitAction(() -> List.of(roots)).run(ctx)).hasMessageContaining("repoUrl 'repos/svc.git' is relative");
    }

    @Test
    void dryRunCreatesNoRepository() throws Exception {
        Path bare = roots.resolve("git/dry.git");
        TestActionContext ctx = new TestActionContext(workspace).with("repoUrl", "file://" + bare);
        ctx.dryRun = true;

        new PublishGitAction(() -> List.of(roots)).run(ctx);

        assertThat(Files.exists(bare)).isFalse();
        assertThat(ctx.log()).contains("Dry run: would create the bare repository");
    }
}
