package io.kerberus.scaffolder.plugin.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishGitActionTest {

    @TempDir
    Path temp;

    Path workspace;
    Path bare;
    String remote;

    @BeforeEach
    void setUp() throws Exception {
        workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.createDirectories(workspace.resolve("repo/src"));
        Files.writeString(workspace.resolve("repo/catalog-info.yaml"), "kind: Component");
        Files.writeString(workspace.resolve("repo/src/App.java"), "class App {}");
        Files.writeString(workspace.resolve("not-published.txt"), "x");
        bare = temp.resolve("remote.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        remote = "file://" + bare.toAbsolutePath();
    }

    @Test
    void pushesSourcePathAsOneCommitToTheBranch() throws Exception {
        TestActionContext ctx = new TestActionContext(workspace).with("repoUrl", remote).with("sourcePath", "repo")
                .with("defaultBranch", "trunk").with("gitCommitMessage", "Create petstore").with("gitAuthorName", "Ann");

        new PublishGitAction().run(ctx);

        try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve("refs/heads/trunk");
            RevCommit commit = walk.parseCommit(head);
            assertThat(commit.getFullMessage()).isEqualTo("Create petstore");
            assertThat(commit.getAuthorIdent().getName()).isEqualTo("Ann");
            assertThat(ctx.outputs).containsEntry("commitHash", head.getName()).containsEntry("remoteUrl", remote);
            assertThat(files(repo, commit)).containsExactlyInAnyOrder("catalog-info.yaml", "src/App.java");
        }
    }

    @Test
    void failsClearlyWhenTheRemoteBranchExists() throws Exception {
        new PublishGitAction().run(new TestActionContext(workspace).with("repoUrl", remote).with("sourcePath", "repo"));
        Path other = Files.createDirectories(temp.resolve("other"));
        Files.writeString(other.resolve("x.txt"), "x");
        TestActionContext again = new TestActionContext(other).with("repoUrl", remote);

        assertThatThrownBy(() -> new PublishGitAction().run(again)).hasMessageContaining("already has a branch main");
    }

    @Test
    void dryRunCommitsLocallyWithoutPushing() throws Exception {
        TestActionContext ctx = new TestActionContext(workspace).with("repoUrl", remote).with("sourcePath", "repo");
        ctx.dryRun = true;

        new PublishGitAction().run(ctx);

        assertThat(Files.isDirectory(workspace.resolve("repo/.git"))).isTrue();
        try (Repository repo = Git.open(bare.toFile()).getRepository()) {
            assertThat(repo.resolve("refs/heads/main")).isNull();
        }
        assertThat(ctx.log()).contains("Dry run: would push branch main");
        assertThat(ctx.outputs).containsKey("commitHash");
    }

    @Test
    void neverLogsTheTokenAndRefusesSourcePathOutside() throws Exception {
        TestActionContext ctx = new TestActionContext(workspace).with("repoUrl", remote).with("sourcePath", "repo")
                .with("token", "ghp_SECRET123");

        new PublishGitAction().run(ctx);

        assertThat(ctx.log()).doesNotContain("ghp_SECRET123");
        assertThat(ctx.outputs.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain("ghp_SECRET123"));
        TestActionContext outside = new TestActionContext(workspace).with("repoUrl", remote).with("sourcePath", "../");
        assertThatThrownBy(() -> new PublishGitAction().run(outside)).hasMessageContaining("outside the workspace");
        TestActionContext missing = new TestActionContext(workspace);
        assertThatThrownBy(() -> new PublishGitAction().run(missing)).hasMessageContaining("input 'repoUrl' is required");
    }

    @Test
    void hidesUserInfoOfRemoteAndDerivesContentsUrl() {
        assertThat(GitPublisher.display("https://bob:tok@git.example.com/a/b.git")).isEqualTo("https://git.example.com/a/b.git");
        assertThat(PublishGitAction.contentsUrl("https://git.example.com/a/b.git", "main")).hasValue("https://git.example.com/a/b/blob/main");
        assertThat(PublishGitAction.contentsUrl("file:///srv/b.git", "main")).hasValue("file:///srv/b/blob/main");
        assertThat(PublishGitAction.contentsUrl("file:///srv/b.git/", "dev")).hasValue("file:///srv/b/blob/dev");
        assertThat(PublishGitAction.contentsUrl("git@example.com:a/b.git", "main")).isEmpty();
    }

    static java.util.List<String> files(Repository repo, RevCommit commit) throws IOException {
        java.util.List<String> paths = new java.util.ArrayList<>();
        try (TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
        }
        return paths;
    }
}
