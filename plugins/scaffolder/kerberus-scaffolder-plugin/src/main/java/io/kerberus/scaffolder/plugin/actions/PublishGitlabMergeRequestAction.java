package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;
import io.kerberus.scaffolder.plugin.template.RepoUrl;
import io.kerberus.scaffolder.plugin.template.ScmIntegrationTypes;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code publish:gitlab:merge-request}: commits the workspace folder into an existing GitLab project on a new
 * branch ({@code POST /projects/:id/repository/branches}, then one {@code POST /projects/:id/repository/commits}
 * with an action per file) and opens a merge request ({@code POST /projects/:id/merge_requests}). As Backstage,
 * the files come from {@code sourcePath}, else {@code targetPath}, else the workspace, and go below
 * {@code targetPath}; assignee and reviewers are looked up by username and skipped with a log line when unknown.
 */
public final class PublishGitlabMergeRequestAction implements Action {

    static final String ID = "publish:gitlab:merge-request";

    private final ScmIntegrationTypes types;
    private final Function<String, Optional<GitlabIntegration>> integrations;
    private final HttpClient http;

    /** @param integrations the {@code integrations.gitlab} entry serving a host */
    public PublishGitlabMergeRequestAction(ScmIntegrationTypes types, Function<String, Optional<GitlabIntegration>> integrations,
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
        return "Creates a merge request on GitLab with the content of the workspace.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        Map<String, Object> commitAction = InputSchema.field("string", "Commit action", "The action to be used for git commit. Defaults to the custom 'auto' action provided by backstage, which uses additional API calls in order to detect whether to 'create', 'update' or 'skip' each source file.");
        commitAction.put("enum", List.of("create", "update", "delete", "auto"));
        return InputSchema.object().required("repoUrl", "branchName")
                .string("repoUrl", "Repository Location", "Accepts the format 'gitlab.com?repo=project_name&owner=group_name' where 'project_name' is the repository name and 'group_name' is a group or username")
                .string("projectid", "projectid", "Project ID/Name(slug) of the Gitlab Project (deprecated: pass project in the repoUrl)")
                .string("title", "Merge Request Name", "The name for the merge request")
                .string("description", "Merge Request Description", "The description of the merge request")
                .string("branchName", "Source Branch Name", "The source branch name of the merge request")
                .string("targetBranchName", "Target Branch Name", "The target branch name of the merge request")
                .string("sourcePath", "Working Subdirectory", "Subdirectory of working directory to copy changes from. For reasons of backward compatibility, any specified 'targetPath' input will be applied in place of an absent/falsy value for this input. Circumvent this behavior using '.'")
                .string("targetPath", "Repository Subdirectory", "Subdirectory of repository to apply changes to")
                .string("token", "Authentication Token", "The token to use for authorization to GitLab")
                .property("commitAction", commitAction)
                .bool("removeSourceBranch", "Delete source branch", "Option to delete source branch once the MR has been merged. Default: false")
                .string("assignee", "Merge Request Assignee", "User this merge request will be assigned to")
                .strings("reviewers", "Merge Request Reviewers", "Users that will be assigned as reviewers")
                .bool("assignReviewersFromApprovalRules", "Assign reviewers from approval rules", "Automatically assign reviewers from the approval rules of the MR. Includes Codeowners (not supported by Kerberus; logged and ignored)")
                .build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        return InputSchema.object()
                .string("targetBranchName", "Target branch name of the merge request", "")
                .string("projectid", "Gitlab Project id/Name(slug)", "")
                .string("projectPath", "Gitlab Project path", "")
                .string("mergeRequestUrl", "MergeRequest(MR) URL", "Link to the merge request in GitLab")
                .build();
    }

    @Override
    public void run(ActionContext ctx) throws Exception {
        ActionInputs in = new ActionInputs(ID, ctx.input());
        RepoUrl repoUrl = RepoUrl.parse(in.required("repoUrl"), types);
        String repoId = repoUrl.project() != null ? repoUrl.project() : repoUrl.owner() + "/" + repoUrl.repo();
        String project = "/projects/" + GitlabApi.encode(repoId);
        String branch = in.required("branchName");
        String title = in.string("title").filter(s -> !s.isBlank()).orElseThrow(() -> in.invalid("title", "is required to open a merge request"));
        GitlabApi api = GitlabApi.connect(http, integrations, repoUrl.host(), in);
        Optional<Long> assignee = in.string("assignee").filter(s -> !s.isBlank()).flatMap(name -> userId(ctx, api, name));
        List<Long> reviewers = new ArrayList<>();
        for (Object reviewer : in.list("reviewers")) {
            userId(ctx, api, String.valueOf(reviewer)).ifPresent(reviewers::add);
        }
        String targetPath = in.string("targetPath").filter(s -> !s.isBlank()).orElse(null);
        Map<String, DirectoryContents.Entry> files = new LinkedHashMap<>();
        for (DirectoryContents.Entry entry : DirectoryContents.read(fileRoot(ctx, in, targetPath))) {
            files.put(DirectoryContents.under(targetPath, entry.path()), entry);
        }
        String target = in.string("targetBranchName").filter(s -> !s.isBlank()).orElse(null);
        if (target == null) {
            target = defaultBranch(api, project, repoId);
        }
        List<Map<String, Object>> actions = GitlabCommitActions.of(ctx, api, project, target, targetPath, files,
                in.string("commitAction").orElse("auto"));

        prepareBranch(ctx, api, project, branch, target, !actions.isEmpty());
        if (!actions.isEmpty()) {
            GitlabApi.Reply commit = api.send("POST", project + "/repository/commits",
                    Map.of("branch", branch, "commit_message", title, "actions", actions));
            if (commit.status() / 100 != 2) {
                throw new InputException("Committing the changes to " + branch + " failed. Please check that none of the files created by"
                        + " the template already exists. " + GitlabApi.errorText(commit.body()));
            }
            ctx.log("Committed " + actions.size() + " files to " + branch + " as " + commit.body().path("id").asString(""));
        }
        if (in.bool("assignReviewersFromApprovalRules", false)) {
            ctx.log("assignReviewersFromApprovalRules is not supported by Kerberus; reviewers come from the reviewers input only");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source_branch", branch);
        body.put("target_branch", target);
        body.put("title", title);
        body.put("description", in.string("description").orElse(""));
        body.put("remove_source_branch", in.bool("removeSourceBranch", false));
        assignee.ifPresent(id -> body.put("assignee_id", id));
        if (in.has("reviewers")) {
            body.put("reviewer_ids", reviewers);
        }
        GitlabApi.Reply mr = api.send("POST", project + "/merge_requests", body);
        if (mr.status() / 100 != 2) {
            throw new InputException("Merge request creation failed. " + GitlabApi.errorText(mr.body()));
        }
        ctx.log("Opened merge request !" + mr.body().path("iid").asInt() + " from " + branch + " to " + target);
        ctx.output("projectid", repoId);
        ctx.output("targetBranchName", target);
        ctx.output("projectPath", repoId);
        ctx.output("mergeRequestUrl", mr.body().path("web_url").asString(""));
    }

    private static java.nio.file.Path fileRoot(ActionContext ctx, ActionInputs in, String targetPath) {
        String source = in.string("sourcePath").filter(s -> !s.isBlank()).orElse(targetPath);
        return PublishGitAction.sourceDir(ctx, new ActionInputs(ID, source == null ? Map.of() : Map.of("sourcePath", source)));
    }

    private static String defaultBranch(GitlabApi api, String project, String repoId) throws IOException, InterruptedException {
        GitlabApi.Reply shown = api.send("GET", project, null);
        api.check(shown, "read project " + repoId);
        String branch = shown.body().path("default_branch").asString("");
        if (branch.isEmpty()) {
            throw new InputException("The branch creation failed. Target branch was not provided, and could not find default branch"
                    + " from project settings. Project: " + repoId);
        }
        return branch;
    }

    /** Creates {@code branch} from {@code target}; an existing branch is refused when there is something to commit. */
    private static void prepareBranch(ActionContext ctx, GitlabApi api, String project, String branch, String target, boolean commit)
            throws IOException, InterruptedException {
        GitlabApi.Reply existing = api.send("GET", project + "/repository/branches/" + GitlabApi.encode(branch), null);
        if (existing.status() == 200) {
            if (commit) {
                GitlabApi.Reply mrs = api.send("GET", project + "/merge_requests?source_branch=" + GitlabApi.encode(branch), null);
                String mr = mrs.body().isArray() && !mrs.body().isEmpty()
                        ? " Additionally, there is a Merge Request for this branch: " + mrs.body().get(0).path("web_url").asString("") : "";
                throw new InputException("The branch creation failed because the branch already exists at: "
                        + existing.body().path("web_url").asString(branch) + "." + mr);
            }
            ctx.log("Using existing branch " + branch + " without modification.");
            return;
        }
        GitlabApi.Reply created = api.send("POST", project + "/repository/branches", Map.of("branch", branch, "ref", target));
        if (created.status() / 100 != 2) {
            throw new InputException("The branch creation failed. Please check that your repo does not already contain a branch named '"
                    + branch + "'. " + GitlabApi.errorText(created.body()));
        }
    }

    private static Optional<Long> userId(ActionContext ctx, GitlabApi api, String username) {
        try {
            GitlabApi.Reply users = api.send("GET", "/users?username=" + GitlabApi.encode(username), null);
            if (users.status() / 100 == 2 && users.body().isArray() && !users.body().isEmpty()) {
                return Optional.of(users.body().get(0).path("id").asLong());
            }
            ctx.log("Failed to find gitlab user id for " + username + ". Proceeding with MR creation without them.");
        } catch (IOException e) {
            ctx.log("Failed to find gitlab user id for " + username + ": " + e.getMessage() + ". Proceeding without them.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
