package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code publish:git}, a Kerberus action (Backstage has one publisher per provider): pushes a workspace
 * folder as one commit to a new branch of any git remote JGit reaches (https, ssh, {@code file://}).
 * A dry run commits locally and only logs the push. For {@code file://} remotes (see {@link LocalRemotes})
 * a relative {@code repoUrl} resolves against a {@code file:} template, a missing bare repository inside
 * {@code catalog.fileRoots} is created, and {@code repoContentsUrl} is {@code file:///<repo>/blob/<branch>},
 * which the catalog's local git reader reads.
 */
public final class PublishGitAction implements Action {

    static final String ID = "publish:git";

    private final Supplier<List<Path>> fileRoots;

    /** @param fileRoots the catalog's {@code catalog.fileRoots}: where missing {@code file://} remotes may be created */
    public PublishGitAction(Supplier<List<Path>> fileRoots) {
        this.fileRoots = fileRoots;
    }

    /** Creates no missing repositories. */
    public PublishGitAction() {
        this(List::of);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Initializes a git repository of the content in the workspace, and publishes it to a new branch of a git remote.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return InputSchema.object().required("repoUrl")
                .string("repoUrl", "Repository URL", "The git remote to push to, such as https://git.example.com/team/repo.git or file:///srv/git/repo.git"
                        + " (created when missing inside catalog.fileRoots; relative to a file: template)")
                .string("defaultBranch", "Default Branch", "Sets the default branch on the repository. The default value is 'main'")
                .string("sourcePath", "Source Path", "Path within the workspace that will be used as the repository root. If omitted, the entire workspace will be published as the repository.")
                .string("gitCommitMessage", "Git Commit Message", "Sets the commit message on the repository. The default value is 'initial commit'")
                .string("gitAuthorName", "Default Author Name", "Sets the default author name for the commit. The default value is 'Scaffolder'")
                .string("gitAuthorEmail", "Default Author Email", "Sets the default author email for the commit.")
                .string("token", "Authentication Token", "The token (sent as HTTP basic password) used to push over http(s)")
                .build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        return InputSchema.object()
                .string("remoteUrl", "A URL to the repository with the provider", "")
                .string("repoContentsUrl", "A URL to the root of the repository", "For http(s) and file:// remotes: <remote without .git>/blob/<branch>")
                .string("commitHash", "The git commit hash of the initial commit", "")
                .build();
    }

    @Override
    public boolean supportsDryRun() {
        return true;
    }

    @Override
    public void run(ActionContext ctx) {
        ActionInputs in = new ActionInputs(ID, ctx.input());
        String remote = LocalRemotes.resolve(ctx, in.required("repoUrl"));
        String branch = in.string("defaultBranch").filter(s -> !s.isBlank()).orElse("main");
        Path dir = sourceDir(ctx, in);
        GitPublisher.Commit commit = new GitPublisher.Commit(dir, branch,
                in.string("gitCommitMessage").filter(s -> !s.isBlank()).orElse("initial commit"), GitPublisher.author(in));
        Optional<String> token = in.string("token").filter(s -> !s.isBlank());
        LocalRemotes.createIfMissing(ctx, remote, fileRoots.get());
        String hash = GitPublisher.publish(ctx, commit, remote, token, !ctx.dryRun());
        ctx.output("remoteUrl", GitPublisher.display(remote));
        ctx.output("commitHash", hash);
        contentsUrl(remote, branch).ifPresent(url -> ctx.output("repoContentsUrl", url));
    }

    static Path sourceDir(ActionContext ctx, ActionInputs in) {
        Path dir = ctx.resolve(in.string("sourcePath").filter(s -> !s.isBlank()).orElse("."), "sourcePath");
        if (!Files.isDirectory(dir)) {
            throw new InputException(in.string("sourcePath").orElse(".") + ": sourcePath is not a folder of the workspace");
        }
        return dir;
    }

    /**
     * GitHub, Gitea and most forges browse a branch at {@code <repo>/blob/<branch>}; Kerberus reads local
     * repositories at the same shape. ssh remotes have no such URL.
     */
    static Optional<String> contentsUrl(String remote, String branch) {
        if (!remote.startsWith("https://") && !remote.startsWith("http://") && !remote.startsWith("file:")) {
            return Optional.empty();
        }
        String base = GitPublisher.display(remote);
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        base = base.endsWith(".git") ? base.substring(0, base.length() - 4) : base;
        return Optional.of(base + "/blob/" + branch);
    }
}
