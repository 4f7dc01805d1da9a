package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.ConflictException;
import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;
import io.kerberus.scaffolder.plugin.template.RepoUrl;
import io.kerberus.scaffolder.plugin.template.ScmIntegrationTypes;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.lib.PersonIdent;
import tools.jackson.databind.JsonNode;

/**
 * {@code publish:github:pull-request}: commits the workspace (or {@code sourcePath}) into {@code targetPath} of an
 * existing repository on a new branch and opens a pull request, through GitHub's REST API only
 * ({@code GET /repos/{o}/{r}}, the Git Database API, {@code POST /repos/{o}/{r}/pulls}, then
 * {@code requested_reviewers}). With {@code update: true} an existing branch gets a new commit and its open pull
 * request is updated. Token: the {@code token} input, else the integration's. Forks are not made.
 */
public final class PublishGithubPullRequestAction implements Action {

    static final String ID = "publish:github:pull-request";

    private final ScmIntegrationTypes types;
    private final Function<String, Optional<GithubIntegration>> integrations;
    private final HttpClient http;

    /** @param integrations the {@code integrations.github} entry serving a host */
    public PublishGithubPullRequestAction(ScmIntegrationTypes types, Function<String, Optional<GithubIntegration>> integrations,
            HttpClient http) {
        this.types = types;
        this.integrations = integrations;
        this.http = http;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Creates a pull request on GitHub with the content of the workspace.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return InputSchema.object().required("repoUrl", "title", "description", "branchName")
                .string("repoUrl", "Repository Location", "Accepts the format 'github.com?repo=reponame&owner=owner' where 'reponame' is the repository name and 'owner' is an organization or username")
                .string("branchName", "Branch Name", "The name for the branch")
                .string("targetBranchName", "Target Branch Name", "The target branch name of the merge request")
                .string("title", "Pull Request Name", "The name for the pull request")
                .string("description", "Pull Request Description", "The description of the pull request")
                .bool("draft", "Create as Draft", "Create a draft pull request")
                .string("sourcePath", "Working Subdirectory", "Subdirectory of working directory to copy changes from")
                .string("targetPath", "Repository Subdirectory", "Subdirectory of repository to apply changes to")
                .string("token", "Authentication Token", "The token to use for authorization to GitHub")
                .strings("reviewers", "Pull Request Reviewers", "The users that will be added as reviewers to the pull request")
                .strings("teamReviewers", "Pull Request Team Reviewers", "The teams that will be added as reviewers to the pull request")
                .string("commitMessage", "Commit Message", "The commit message for the pull request commit")
                .bool("update", "Update", "Update pull request if already exists")
                .bool("forceFork", "Force Fork", "Create pull request from a fork (not supported by Kerberus)")
                .string("gitAuthorName", "Default Author Name", "Sets the default author name for the commit. The default value is the authenticated user or the default scaffolder author")
                .string("gitAuthorEmail", "Default Author Email", "Sets the default author email for the commit.")
                .build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        Map<String, Object> number = InputSchema.field("number", "Pull Request Number", "The pull request number");
        return InputSchema.object()
                .string("targetBranchName", "Target branch name of the merge request", "")
                .string("remoteUrl", "Pull Request URL", "Link to the pull request in Github")
                .property("pullRequestNumber", number)
                .build();
    }

    @Override
    public void run(ActionContext ctx) throws Exception {
        ActionInputs in = new ActionInputs(ID, ctx.input());
        RepoUrl repoUrl = RepoUrl.parse(in.required("repoUrl"), types);
        String branch = in.required("branchName");
        String title = in.required("title");
        if (in.bool("forceFork", false)) {
            throw in.invalid("forceFork", "is not supported by Kerberus; give the token push access to the repository instead");
        }
        GithubIntegration integration = integrations.apply(repoUrl.host()).orElseThrow(() -> new InputException(
                "No matching integration configuration for host " + repoUrl.host() + ", please check your integrations config"));
        String token = in.string("token").filter(s -> !s.isBlank()).or(integration::token).orElseThrow(() ->
                new InputException("No token available for host: " + repoUrl.host()
                        + "; set integrations.github[].token or pass the token input"));
        Map<String, DirectoryContents.Entry> files = files(ctx, in);

        GithubApi api = new GithubApi(http, integration.apiBaseUrl(), token);
        String repoPath = "/repos/" + GithubGitData.encodePath(repoUrl.owner()) + "/" + GithubGitData.encodePath(repoUrl.repo());
        GithubGitData git = new GithubGitData(api, repoPath);
        String base = in.string("targetBranchName").filter(s -> !s.isBlank()).orElse(null);
        if (base == null) {
            GithubApi.Reply repo = api.send("GET", repoPath, null);
            if (repo.status() == 404) {
                throw new InputException("GitHub has no repository " + repoUrl.projectSlug() + " (or the token cannot see it)");
            }
            api.check(repo, "read repository " + repoUrl.projectSlug());
            base = repo.body().path("default_branch").asString("main");
        }
        boolean update = in.bool("update", false);
        Optional<String> existing = git.branchHead(branch);
        if (existing.isPresent() && !update) {
            throw new ConflictException("The repository " + repoUrl.projectSlug() + " already has a branch " + branch
                    + "; choose another branchName or set update: true");
        }
        String baseBranch = base;
        String parent = existing.isPresent() ? existing.get() : git.branchHead(base).orElseThrow(() ->
                new InputException("The repository " + repoUrl.projectSlug() + " has no branch " + baseBranch + " to branch from"));
        String message = in.string("commitMessage").filter(s -> !s.isBlank()).orElse(title);
        String sha = git.commit(parent, files, message, author(in));
        git.setBranch(branch, sha, existing.isPresent());
        ctx.log("Committed " + files.size() + " files as " + sha + " on branch " + branch + " of " + repoUrl.projectSlug());

        JsonNode pull = pullRequest(api, repoPath, repoUrl, in, branch, base, existing.isPresent());
        int number = pull.path("number").asInt();
        requestReviewers(ctx, api, repoPath + "/pulls/" + number, in);
        ctx.output("targetBranchName", pull.path("base").path("ref").asString(base));
        ctx.output("remoteUrl", pull.path("html_url").asString(""));
        ctx.output("pullRequestNumber", number);
    }

    private static Map<String, DirectoryContents.Entry> files(ActionContext ctx, ActionInputs in) throws IOException {
        String targetPath = in.string("targetPath").orElse("");
        Map<String, DirectoryContents.Entry> files = new LinkedHashMap<>();
        for (DirectoryContents.Entry entry : DirectoryContents.read(PublishGitAction.sourceDir(ctx, in))) {
            files.put(DirectoryContents.under(targetPath, entry.path()), entry);
        }
        if (files.isEmpty()) {
            throw new InputException(in.string("sourcePath").orElse(".") + ": nothing to commit, the folder has no files");
        }
        return files;
    }

    private JsonNode pullRequest(GithubApi api, String repoPath, RepoUrl repoUrl, ActionInputs in, String branch, String base,
            boolean existing) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", in.required("title"));
        body.put("body", in.string("description").orElse(""));
        if (existing) {
            GithubApi.Reply open = api.send("GET", repoPath + "/pulls?state=open&head="
                    + GithubGitData.encodePath(repoUrl.owner() + ":" + branch), null);
            api.check(open, "list pull requests of " + branch);
            if (open.body().isArray() && !open.body().isEmpty()) {
                GithubApi.Reply updated = api.send("PATCH", repoPath + "/pulls/" + open.body().get(0).path("number").asInt(), body);
                api.check(updated, "update the pull request of " + branch);
                return updated.body();
            }
        }
        body.put("head", branch);
        body.put("base", base);
        body.put("draft", in.bool("draft", false));
        GithubApi.Reply created = api.send("POST", repoPath + "/pulls", body);
        if (created.status() == 422) {
            throw new InputException("GitHub could not open a pull request from " + branch + " to " + base + ": "
                    + GithubApi.errorText(created.body()));
        }
        api.check(created, "create a pull request from " + branch);
        return created.body();
    }

    /** As Backstage: failing to add reviewers is logged, the pull request stays. */
    private static void requestReviewers(ActionContext ctx, GithubApi api, String pullPath, ActionInputs in) {
        List<String> users = in.list("reviewers").stream().map(String::valueOf).toList();
        List<String> teams = List.copyOf(new LinkedHashSet<>(in.list("teamReviewers").stream().map(String::valueOf).toList()));
        if (users.isEmpty() && teams.isEmpty()) {
            return;
        }
        try {
            GithubApi.Reply reply = api.send("POST", pullPath + "/requested_reviewers", Map.of("reviewers", users, "team_reviewers", teams));
            api.check(reply, "request reviewers");
            ctx.log("Added users " + users + " and teams " + teams + " as reviewers to " + pullPath);
        } catch (IOException | RuntimeException e) {
            ctx.log("Failure when adding reviewers to " + pullPath + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<PersonIdent> author(ActionInputs in) {
        if (in.string("gitAuthorName").filter(s -> !s.isBlank()).isEmpty() && in.string("gitAuthorEmail").filter(s -> !s.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(GitPublisher.author(in));
    }
}
