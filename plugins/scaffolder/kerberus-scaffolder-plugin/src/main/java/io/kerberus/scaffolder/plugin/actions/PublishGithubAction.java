package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.ConflictException;
import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;
import io.kerberus.scaffolder.plugin.template.RepoUrl;
import io.kerberus.scaffolder.plugin.template.ScmIntegrationTypes;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * {@code publish:github}: creates the repository through GitHub's REST API ({@code /orgs/{org}/repos}
 * or {@code /user/repos}, as {@code GET /users/{owner}} tells) and pushes the workspace to its
 * {@code clone_url} with the token. Token: the {@code token} input, else the integration's.
 */
public final class PublishGithubAction implements Action {

    static final String ID = "publish:github";

    private final ScmIntegrationTypes types;
    private final Function<String, Optional<GithubIntegration>> integrations;
    private final HttpClient http;

    /** @param integrations the {@code integrations.github} entry serving a host */
    public PublishGithubAction(ScmIntegrationTypes types, Function<String, Optional<GithubIntegration>> integrations,
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
        return "Initializes a git repository of contents in workspace and publishes it to GitHub.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        Map<String, Object> visibility = InputSchema.field("string", "Repository Visibility", "Sets the visibility of the repository. The default value is 'private'.");
        visibility.put("enum", List.of("private", "public", "internal"));
        return InputSchema.object().required("repoUrl")
                .string("repoUrl", "Repository Location", "Accepts the format 'github.com?repo=reponame&owner=owner'")
                .string("description", "Repository Description", "")
                .string("homepage", "Repository Homepage", "")
                .property("repoVisibility", visibility)
                .string("defaultBranch", "Default Branch", "Sets the default branch on the repository. The default value is 'main'")
                .string("sourcePath", "Source Path", "Path within the workspace that will be used as the repository root. If omitted, the entire workspace will be published as the repository.")
                .string("gitCommitMessage", "Git Commit Message", "Sets the commit message on the repository. The default value is 'initial commit'")
                .string("gitAuthorName", "Default Author Name", "Sets the default author name for the commit. The default value is 'Scaffolder'")
                .string("gitAuthorEmail", "Default Author Email", "Sets the default author email for the commit.")
                .string("token", "Authentication Token", "The token to use for authorization to GitHub")
                .build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        return InputSchema.object()
                .string("remoteUrl", "A URL to the repository with the provider", "")
                .string("repoContentsUrl", "A URL to the root of the repository", "")
                .string("commitHash", "The git commit hash of the initial commit", "")
                .build();
    }

    @Override
    public void run(ActionContext ctx) throws Exception {
        ActionInputs in = new ActionInputs(ID, ctx.input());
        RepoUrl repoUrl = RepoUrl.parse(in.required("repoUrl"), types);
        GithubIntegration integration = integrations.apply(repoUrl.host()).orElseThrow(() -> new InputException(
                "No matching integration configuration for host " + repoUrl.host() + ", please check your integrations config"));
        String token = in.string("token").filter(s -> !s.isBlank()).or(integration::token).orElseThrow(() ->
                new InputException("No token available for host: " + repoUrl.host()
                        + "; set integrations.github[].token or pass the token input"));
        String branch = in.string("defaultBranch").filter(s -> !s.isBlank()).orElse("main");
        GitPublisher.Commit commit = new GitPublisher.Commit(PublishGitAction.sourceDir(ctx, in), branch,
                in.string("gitCommitMessage").filter(s -> !s.isBlank()).orElse("initial commit"), GitPublisher.author(in));

        GithubApi api = new GithubApi(http, integration.apiBaseUrl(), token);
        JsonNode created = createRepository(ctx, api, repoUrl, in);
        String cloneUrl = created.path("clone_url").asString("");
        String htmlUrl = created.path("html_url").asString("");
        if (cloneUrl.isEmpty()) {
            throw new InputException("GitHub created " + repoUrl.projectSlug() + " but returned no clone_url");
        }
        String hash = GitPublisher.publish(ctx, commit, cloneUrl, Optional.of(token), true);
        ctx.output("remoteUrl", cloneUrl);
        ctx.output("repoContentsUrl", htmlUrl + "/blob/" + branch);
        ctx.output("commitHash", hash);
    }

    private JsonNode createRepository(ActionContext ctx, GithubApi api, RepoUrl repoUrl, ActionInputs in) throws Exception {
        GithubApi.Reply owner = api.send("GET", "/users/" + encode(repoUrl.owner()), null);
        if (owner.status() == 404) {
            throw new InputException("GitHub has no user or organization " + repoUrl.owner());
        }
        api.check(owner, "look up owner " + repoUrl.owner());
        boolean organization = "Organization".equals(owner.body().path("type").asString(""));
        String visibility = in.string("repoVisibility").orElse("private");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", repoUrl.repo());
        body.put("private", visibility.equals("private"));
        if (organization) {
            body.put("visibility", visibility);
        }
        in.string("description").ifPresent(d -> body.put("description", d));
        in.string("homepage").ifPresent(h -> body.put("homepage", h));
        String path = organization ? "/orgs/" + encode(repoUrl.owner()) + "/repos" : "/user/repos";
        ctx.log("Creating GitHub repository " + repoUrl.projectSlug() + " (" + visibility + ")");
        GithubApi.Reply reply = api.send("POST", path, body);
        if (reply.status() == 422) {
            throw new ConflictException("GitHub could not create " + repoUrl.projectSlug() + ": "
                    + GithubApi.errorText(reply.body()) + "; choose another repository name");
        }
        api.check(reply, "create repository " + repoUrl.projectSlug());
        ctx.log("Created " + reply.body().path("html_url").asString(""));
        return reply.body();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
