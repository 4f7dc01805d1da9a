package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.ConflictException;
import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.ActionContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Backstage's {@code initRepoAndPush} with JGit: makes a repository of a workspace folder, commits
 * everything in one commit and pushes it to a new branch of a remote. Tokens go to JGit's
 * credentials provider only and are masked in any error.
 */
final class GitPublisher {

    /** What to publish. */
    record Commit(Path dir, String branch, String message, PersonIdent author) {
    }

    private GitPublisher() {
    }

    /**
     * Commits {@code commit.dir()} and, unless {@code pushIt} is false, pushes it to {@code remote}.
     *
     * @return the commit's hash
     * @throws ConflictException when the remote already has the branch
     */
    static String publish(ActionContext ctx, Commit commit, String remote, Optional<String> token, boolean pushIt) {
        return publish(ctx, commit, remote, token, pushIt, "x-access-token");
    }

    /** As {@link #publish(ActionContext, Commit, String, Optional, boolean)}, with the token under {@code username} (GitLab: {@code oauth2}). */
    static String publish(ActionContext ctx, Commit commit, String remote, Optional<String> token, boolean pushIt, String username) {
        CredentialsProvider credentials = token.map(t -> new UsernamePasswordCredentialsProvider(username, t))
                .orElse(null);
        try (Git git = Git.init().setDirectory(commit.dir().toFile()).setInitialBranch(commit.branch()).call()) {
            git.add().addFilepattern(".").call();
            RevCommit created = git.commit().setMessage(commit.message()).setAuthor(commit.author())
                    .setCommitter(commit.author()).setSign(false).setAllowEmpty(true).call();
            ctx.log("Committed " + created.getName() + " on branch " + commit.branch());
            if (!pushIt) {
                ctx.log("Dry run: would push branch " + commit.branch() + " to " + display(remote));
                return created.getName();
            }
            ensureBranchIsNew(remote, commit.branch(), credentials);
            push(git, remote, commit.branch(), credentials);
            ctx.log("Pushed branch " + commit.branch() + " to " + display(remote));
            return created.getName();
        } catch (GitAPIException e) {
            throw new InputException("Git push to " + display(remote) + " failed: " + mask(e.getMessage(), token), e);
        }
    }

    private static void ensureBranchIsNew(String remote, String branch, CredentialsProvider credentials)
            throws GitAPIException {
        Ref existing = Git.lsRemoteRepository().setRemote(remote).setHeads(true).setCredentialsProvider(credentials)
                .callAsMap().get("refs/heads/" + branch);
        if (existing != null) {
            throw new ConflictException("The remote " + display(remote) + " already has a branch " + branch
                    + "; publish into a new or empty repository, or choose another defaultBranch");
        }
    }

    private static void push(Git git, String remote, String branch, CredentialsProvider credentials)
            throws GitAPIException {
        String ref = "refs/heads/" + branch;
        Iterable<PushResult> results = git.push().setRemote(remote).setRefSpecs(new RefSpec(ref + ":" + ref))
                .setCredentialsProvider(credentials).call();
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                if (update.getStatus() != RemoteRefUpdate.Status.OK && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                    throw new ConflictException("The remote " + display(remote) + " refused branch " + branch + ": "
                            + update.getStatus() + (update.getMessage() == null ? "" : " " + update.getMessage()));
                }
            }
        }
    }

    /** The remote without any user info, for logs. */
    static String display(String remote) {
        try {
            URI uri = URI.create(remote);
            if (uri.getRawUserInfo() == null) {
                return remote;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return remote.replaceAll("//[^@/]*@", "//");
        }
    }

    static String mask(String text, Optional<String> token) {
        if (text == null) {
            return "";
        }
        return token.filter(t -> !t.isEmpty()).map(t -> text.replace(t, "***")).orElse(text);
    }

    static PersonIdent author(ActionInputs in) {
        return new PersonIdent(in.string("gitAuthorName").filter(s -> !s.isBlank()).orElse("Scaffolder"),
                in.string("gitAuthorEmail").filter(s -> !s.isBlank()).orElse("scaffolder@backstage.io"));
    }
}
