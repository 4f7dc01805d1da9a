package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * One commit made through GitHub's Git Database API, as {@code octokit-plugin-create-pull-request} does:
 * a blob per file, a tree on top of the parent's tree, a commit, then the branch ref created or moved.
 * No clone, so it works for repositories of any size.
 */
final class GithubGitData {

    private final GithubApi api;
    private final String repoPath;

    /** @param repoPath {@code /repos/{owner}/{repo}}, encoded */
    GithubGitData(GithubApi api, String repoPath) {
        this.api = api;
        this.repoPath = repoPath;
    }

    /** The commit a branch points at, or empty when the branch does not exist. */
    Optional<String> branchHead(String branch) throws IOException, InterruptedException {
        GithubApi.Reply reply = api.send("GET", repoPath + "/git/ref/heads/" + encodePath(branch), null);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        api.check(reply, "read branch " + branch);
        return Optional.of(reply.body().path("object").path("sha").asString(""));
    }

    /** Commits {@code files} (at their repository paths) on top of {@code parent}; returns the new commit's sha. */
    String commit(String parent, Map<String, DirectoryContents.Entry> files, String message, Optional<PersonIdent> author)
            throws IOException, InterruptedException {
        GithubApi.Reply parentCommit = api.send("GET", repoPath + "/git/commits/" + parent, null);
        api.check(parentCommit, "read commit " + parent);
        List<Map<String, Object>> tree = new ArrayList<>();
        for (Map.Entry<String, DirectoryContents.Entry> file : files.entrySet()) {
            tree.add(Map.of("path", file.getKey(), "mode", mode(file.getValue()), "type", "blob", "sha", blob(file.getValue())));
        }
        GithubApi.Reply createdTree = api.send("POST", repoPath + "/git/trees",
                Map.of("base_tree", parentCommit.body().path("tree").path("sha").asString(""), "tree", tree));
        api.check(createdTree, "create a tree");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("tree", createdTree.body().path("sha").asString(""));
        body.put("parents", List.of(parent));
        author.ifPresent(a -> body.put("author", Map.of("name", a.getName(), "email", a.getEmailAddress())));
        GithubApi.Reply commit = api.send("POST", repoPath + "/git/commits", body);
        api.check(commit, "create a commit");
        return commit.body().path("sha").asString("");
    }

    /** Creates {@code refs/heads/branch} at {@code sha}, or moves it there when {@code exists}. */
    void setBranch(String branch, String sha, boolean exists) throws IOException, InterruptedException {
        GithubApi.Reply reply = exists
                ? api.send("PATCH", repoPath + "/git/refs/heads/" + encodePath(branch), Map.of("sha", sha, "force", false))
                : api.send("POST", repoPath + "/git/refs", Map.of("ref", "refs/heads/" + branch, "sha", sha));
        if (reply.status() == 422) {
            throw new InputException("GitHub refused to " + (exists ? "update" : "create") + " branch " + branch + ": "
                    + GithubApi.errorText(reply.body()));
        }
        api.check(reply, (exists ? "update" : "create") + " branch " + branch);
    }

    private String blob(DirectoryContents.Entry file) throws IOException, InterruptedException {
        Map<String, Object> body = file.symlink()
                ? Map.of("content", new String(file.content(), StandardCharsets.UTF_8), "encoding", "utf-8")
                : Map.of("content", Base64.getEncoder().encodeToString(file.content()), "encoding", "base64");
        GithubApi.Reply reply = api.send("POST", repoPath + "/git/blobs", body);
        api.check(reply, "upload " + file.path());
        return reply.body().path("sha").asString("");
    }

    private static String mode(DirectoryContents.Entry file) {
        if (file.symlink()) {
            return "120000";
        }
        return file.executable() ? "100755" : "100644";
    }

    /** A branch name in a URL path: each segment encoded, {@code /} kept. */
    static String encodePath(String branch) {
        List<String> parts = new ArrayList<>();
        for (String part : branch.split("/", -1)) {
            parts.add(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return String.join("/", parts);
    }
}
