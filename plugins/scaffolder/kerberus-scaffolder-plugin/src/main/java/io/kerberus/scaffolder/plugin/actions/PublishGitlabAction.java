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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * {@code publish:gitlab}: creates a project in the {@code owner} namespace through GitLab's REST API
 * ({@code GET /namespaces/:id}, {@code POST /projects}) and pushes the workspace to its {@code http_url_to_repo}
 * with JGit (user {@code oauth2}, the token as password). Then, as Backstage, the {@code branches} to create or
 * protect, the {@code projectVariables}, and with {@code setUserAsOwner} the token's user as owner.
 */
public final class PublishGitlabAction implements Action {

    static final String ID = "publish:gitlab";

    private final ScmIntegrationTypes types;
    private final Function<String, Optional<GitlabIntegration>> integrations;
    private final HttpClient http;

    /** @param integrations the {@code integrations.gitlab} entry serving a host */
    public PublishGitlabAction(ScmIntegrationTypes types, Function<String, Optional<GitlabIntegration>> integrations, HttpClient http) {
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
        return "Initializes a git repository of the content in the workspace, and publishes it to GitLab.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        Map<String, Object> visibility = InputSchema.field("string", "Repository Visibility", "Sets the visibility of the repository. The default value is 'private'. (deprecated, use settings.visibility instead)");
        visibility.put("enum", List.of("private", "public", "internal"));
        Map<String, Object> branches = InputSchema.field("array", "Project branches settings", "Branches to create (from ref) or protect");
        branches.put("items", Map.of("type", "object", "required", List.of("name")));
        Map<String, Object> variables = InputSchema.field("array", "Project variables", "Project variables settings based on Gitlab Project Environments API");
        variables.put("items", Map.of("type", "object", "required", List.of("key", "value")));
        return InputSchema.object().required("repoUrl")
                .string("repoUrl", "Repository Location", "Accepts the format 'gitlab.com?repo=project_name&owner=group_name' where 'project_name' is the repository name and 'group_name' is a group or username")
                .property("repoVisibility", visibility)
                .string("defaultBranch", "Default Branch", "Sets the default branch on the repository. The default value is 'master'")
                .string("gitCommitMessage", "Git Commit Message", "Sets the commit message on the repository. The default value is 'initial commit'")
                .string("gitAuthorName", "Default Author Name", "Sets the default author name for the commit. The default value is 'Scaffolder'")
                .string("gitAuthorEmail", "Default Author Email", "Sets the default author email for the commit.")
                .string("sourcePath", "Source Path", "Path within the workspace that will be used as the repository root. If omitted, the entire workspace will be published as the repository.")
                .string("token", "Authentication Token", "The token to use for authorization to GitLab")
                .bool("setUserAsOwner", "Set User As Owner", "Set the token user as owner of the newly created repository. Requires a token authorized to do the edit in the integration configuration for the matching host")
                .strings("topics", "Topic labels", "Topic labels to apply on the repository. (deprecated, use settings.topics instead)")
                .obj("settings", "Project settings", "Additional project settings, based on https://docs.gitlab.com/ee/api/projects.html#create-project attributes")
                .property("branches", branches)
                .property("projectVariables", variables)
                .build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        return InputSchema.object()
                .string("remoteUrl", "A URL to the repository with the provider", "")
                .string("repoContentsUrl", "A URL to the root of the repository", "")
                .property("projectId", InputSchema.field("number", "The ID of the project", ""))
                .string("commitHash", "The git commit hash of the initial commit", "")
                .build();
    }

    @Override
    public void run(ActionContext ctx) throws Exception {
        ActionInputs in = new ActionInputs(ID, ctx.input());
        RepoUrl repoUrl = RepoUrl.parse(in.required("repoUrl"), types);
        if (repoUrl.owner() == null || repoUrl.repo() == null) {
            throw new InputException("No owner provided for host: " + repoUrl.host() + ", and repo " + repoUrl.repo());
        }
        GitlabApi api = GitlabApi.connect(http, integrations, repoUrl.host(), in);
        String branch = in.string("defaultBranch").filter(s -> !s.isBlank()).orElse("master");
        GitPublisher.Commit commit = new GitPublisher.Commit(PublishGitAction.sourceDir(ctx, in), branch,
                in.string("gitCommitMessage").filter(s -> !s.isBlank()).orElse("initial commit"), GitPublisher.author(in));

        JsonNode project = createProject(ctx, api, repoUrl, in);
        long projectId = project.path("id").asLong();
        String cloneUrl = project.path("http_url_to_repo").asString("");
        if (cloneUrl.isEmpty()) {
            throw new InputException("GitLab created " + repoUrl.projectSlug() + " but returned no http_url_to_repo");
        }
        if (in.bool("setUserAsOwner", false)) {
            setUserAsOwner(ctx, in, repoUrl, projectId);
        }
        String hash = GitPublisher.publish(ctx, commit, cloneUrl, Optional.of(api.token()), true, "oauth2");
        GitlabProjectSetup.apply(ctx, api, projectId, in);
        String remoteUrl = cloneUrl.endsWith(".git") ? cloneUrl.substring(0, cloneUrl.length() - 4) : cloneUrl;
        ctx.output("commitHash", hash);
        ctx.output("remoteUrl", remoteUrl);
        ctx.output("repoContentsUrl", remoteUrl + "/-/blob/" + branch);
        ctx.output("projectId", projectId);
    }

    private JsonNode createProject(ActionContext ctx, GitlabApi api, RepoUrl repoUrl, ActionInputs in)
            throws IOException, InterruptedException {
        GitlabApi.Reply namespace = api.send("GET", "/namespaces/" + GitlabApi.encode(repoUrl.owner()), null);
        if (namespace.status() == 404) {
            throw new InputException("The namespace " + repoUrl.owner() + " is not found or the user doesn't have permissions to access it");
        }
        api.check(namespace, "look up namespace " + repoUrl.owner());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("namespace_id", namespace.body().path("id").asLong());
        body.put("name", repoUrl.repo());
        body.put("visibility", in.string("repoVisibility").orElse("private"));
        List<?> topics = in.list("topics");
        if (!topics.isEmpty()) {
            body.put("topics", topics);
        }
        in.object("settings").ifPresent(body::putAll);
        ctx.log("Creating GitLab project " + repoUrl.projectSlug() + " (" + body.get("visibility") + ")");
        GitlabApi.Reply reply = api.send("POST", "/projects", body);
        if (reply.status() == 400 && GitlabApi.errorText(reply.body()).contains("has already been taken")) {
            throw new ConflictException("GitLab could not create " + repoUrl.projectSlug() + ": "
                    + GitlabApi.errorText(reply.body()) + "; choose another repository name");
        }
        api.check(reply, "create project " + repoUrl.projectSlug());
        ctx.log("Created " + reply.body().path("web_url").asString(repoUrl.projectSlug()));
        return reply.body();
    }

    /** As Backstage: with the integration's (privileged) token, make the input token's user an owner (50). */
    private void setUserAsOwner(ActionContext ctx, ActionInputs in, RepoUrl repoUrl, long projectId) throws IOException, InterruptedException {
        GitlabIntegration integration = integrations.apply(repoUrl.host()).orElseThrow();
        if (integration.token().isEmpty()) {
            ctx.log("setUserAsOwner needs integrations.gitlab[].token for " + repoUrl.host() + "; skipped");
            return;
        }
        GitlabApi user = GitlabApi.connect(http, integrations, repoUrl.host(), in);
        GitlabApi.Reply me = user.send("GET", "/user", null);
        user.check(me, "read the current user");
        GitlabApi admin = new GitlabApi(http, integration.apiBaseUrl(), integration.token().get(), false);
        GitlabApi.Reply added = admin.send("POST", "/projects/" + projectId + "/members",
                Map.of("user_id", me.body().path("id").asLong(), "access_level", 50));
        admin.check(added, "add " + me.body().path("username").asString("the user") + " as owner");
    }
}
