package io.kerberus.scaffolder.plugin.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kerberus.plugin.ConflictException;
import io.kerberus.scaffolder.plugin.template.ScmIntegrationTypes;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Against a local server replaying GitHub's documented responses of the repos, Git Database and pulls APIs. */
class PublishGithubPullRequestActionTest {

    static final String TOKEN = "ghp_integrationSECRET";
    static final String REPO = "/repos/acme/petstore";
    static final String MAIN_SHA = "aa218f56b14c9653891f9e74264a383fa43fefbd";

    @TempDir
    Path workspace;

    FakeApi github;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(workspace.resolve("README.md"), "# demo");
        Files.createDirectories(workspace.resolve("bin"));
        Files.writeString(workspace.resolve("bin/run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(workspace.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(workspace.resolve(".gitignore"), "*.log\n");
        Files.writeString(workspace.resolve("debug.log"), "ignored");
        github = new FakeApi()
                .on("GET " + REPO, 200, "{\"id\":1296269,\"name\":\"petstore\",\"full_name\":\"acme/petstore\",\"default_branch\":\"main\"}")
                .on("GET " + REPO + "/git/ref/heads/main", 200, "{\"ref\":\"refs/heads/main\",\"node_id\":\"MDM6UmVmcmVmcy9oZWFkcy9mZWF0dXJlQQ==\","
                        + "\"object\":{\"type\":\"commit\",\"sha\":\"" + MAIN_SHA + "\"}}")
                .on("GET " + REPO + "/git/commits/" + MAIN_SHA, 200, "{\"sha\":\"" + MAIN_SHA + "\",\"tree\":{\"sha\":\"691272480426f78a0138979dd3ce63b77f706feb\"},"
                        + "\"message\":\"initial\",\"parents\":[]}")
                .on("POST " + REPO + "/git/blobs", 201, "{\"url\":\"https://api.github.com/repos/acme/petstore/git/blobs/3a0f86fb8db8eea7ccbb9a95f325ddbedfb25e15\","
                        + "\"sha\":\"3a0f86fb8db8eea7ccbb9a95f325ddbedfb25e15\"}")
                .on("POST " + REPO + "/git/trees", 201, "{\"sha\":\"cd8274d15fa3ae2ab983129fb037999f264ba9a7\",\"tree\":[],\"truncated\":false}")
                .on("POST " + REPO + "/git/commits", 201, "{\"sha\":\"7638417db6d59f3c431d3e1f261cc637155684cd\",\"tree\":{\"sha\":\"cd8274d15fa3ae2ab983129fb037999f264ba9a7\"}}")
                .on("POST " + REPO + "/git/refs", 201, "{\"ref\":\"refs/heads/create-demo\",\"object\":{\"type\":\"commit\",\"sha\":\"7638417db6d59f3c431d3e1f261cc637155684cd\"}}")
                .on("POST " + REPO + "/pulls", 201, "{\"id\":1,\"number\":1347,\"state\":\"open\",\"html_url\":\"https://github.com/acme/petstore/pull/1347\","
                        + "\"head\":{\"ref\":\"create-demo\"},\"base\":{\"ref\":\"main\"}}")
                .on("POST " + REPO + "/pulls/1347/requested_reviewers", 201, "{\"number\":1347,\"requested_reviewers\":[{\"login\":\"alice\"}]}");
    }

    @AfterEach
    void tearDown() {
        github.close();
    }

    private PublishGithubPullRequestAction action() {
        return new PublishGithubPullRequestAction(ScmIntegrationTypes.publicHosts(),
                host -> host.equals("github.com") ? Optional.of(new GithubIntegration(host, github.base(""), Optional.of(TOKEN))) : Optional.empty(),
                HttpClient.newHttpClient());
    }

    private TestActionContext context() {
        return new TestActionContext(workspace).with("repoUrl", "github.com?owner=acme&repo=petstore").with("branchName", "create-demo")
                .with("title", "Create new project: demo").with("description", "# New project: demo");
    }

    @Test
    void commitsTheWorkspaceOnANewBranchAndOpensThePullRequest() throws Exception {
        TestActionContext ctx = context().with("targetPath", "./services/demo").with("reviewers", List.of("alice"))
                .with("teamReviewers", List.of("team-a", "team-a")).with("draft", true);

        action().run(ctx);

        assertThat(ctx.outputs).containsEntry("remoteUrl", "https://github.com/acme/petstore/pull/1347")
                .containsEntry("pullRequestNumber", 1347).containsEntry("targetBranchName", "main");
        JsonNode tree = json(github.matching("POST " + REPO + "/git/trees").get(0));
        assertThat(tree.path("base_tree").asString()).isEqualTo("691272480426f78a0138979dd3ce63b77f706feb");
        assertThat(tree.path("tree").findValuesAsString("path")).containsExactly("services/demo/.gitignore", "services/demo/README.md", "services/demo/bin/run.sh");
        assertThat(tree.path("tree").findValuesAsString("mode")).containsExactly("100644", "100644", "100755");
        assertThat(github.matching("POST " + REPO + "/git/blobs")).extracting(r -> new String(Base64.getDecoder().decode(json(r).path("content").asString()),
                StandardCharsets.UTF_8)).contains("# demo", "#!/bin/sh\n");
        JsonNode commit = json(github.matching("POST " + REPO + "/git/commits").get(0));
        assertThat(commit.path("message").asString()).isEqualTo("Create new project: demo");
        assertThat(commit.path("parents").get(0).asString()).isEqualTo(MAIN_SHA);
        assertThat(json(github.matching("POST " + REPO + "/git/refs").get(0)).path("ref").asString()).isEqualTo("refs/heads/create-demo");
        JsonNode pull = json(github.matching("POST " + REPO + "/pulls").get(0));
        assertThat(pull.path("head").asString()).isEqualTo("create-demo");
        assertThat(pull.path("base").asString()).isEqualTo("main");
        assertThat(pull.path("draft").asBoolean()).isTrue();
        JsonNode reviewers = json(github.matching("POST " + REPO + "/pulls/1347/requested_reviewers").get(0));
        assertThat(reviewers.path("reviewers").toString()).isEqualTo("[\"alice\"]");
        assertThat(reviewers.path("team_reviewers").toString()).isEqualTo("[\"team-a\"]");
        assertThat(github.requests).allSatisfy(r -> assertThat(r.headers().get("authorization")).isEqualTo("Bearer " + TOKEN));
        assertThat(ctx.log()).doesNotContain(TOKEN);
    }

    @Test
    void refusesAnExistingBranchUnlessUpdateIsSet() {
        github.on("GET " + REPO + "/git/ref/heads/create-demo", 200, "{\"ref\":\"refs/heads/create-demo\",\"object\":{\"sha\":\"" + MAIN_SHA + "\"}}");

        assertThatThrownBy(() -> action().run(context())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already has a branch create-demo").hasMessageContaining("update: true");
        assertThat(github.matching("POST")).isEmpty();
    }

    @Test
    void updatesTheBranchAndItsOpenPullRequest() throws Exception {
        github.on("GET " + REPO + "/git/ref/heads/create-demo", 200, "{\"ref\":\"refs/heads/create-demo\",\"object\":{\"sha\":\"" + MAIN_SHA + "\"}}")
                .on("PATCH " + REPO + "/git/refs/heads/create-demo", 200, "{\"ref\":\"refs/heads/create-demo\",\"object\":{\"sha\":\"7638417db6d59f3c431d3e1f261cc637155684cd\"}}")
                .on("GET " + REPO + "/pulls?state=open&head=acme%3Acreate-demo", 200, "[{\"number\":7,\"html_url\":\"https://github.com/acme/petstore/pull/7\"}]")
                .on("PATCH " + REPO + "/pulls/7", 200, "{\"number\":7,\"html_url\":\"https://github.com/acme/petstore/pull/7\",\"base\":{\"ref\":\"main\"}}");
        TestActionContext ctx = context().with("update", true).with("targetBranchName", "main").with("token", "gho_userSECRET");

        action().run(ctx);

        assertThat(ctx.outputs).containsEntry("remoteUrl", "https://github.com/acme/petstore/pull/7").containsEntry("pullRequestNumber", 7);
        assertThat(github.matching("PATCH " + REPO + "/git/refs/heads/create-demo")).hasSize(1);
        assertThat(github.matching("POST " + REPO + "/pulls")).isEmpty();
        assertThat(github.requests).noneMatch(r -> r.line().equals("GET " + REPO));
        assertThat(github.requests).allSatisfy(r -> assertThat(r.headers().get("authorization")).isEqualTo("Bearer gho_userSECRET"));
    }

    @Test
    void keepsThePullRequestWhenReviewersCannotBeAdded() throws Exception {
        github.on("POST " + REPO + "/pulls/1347/requested_reviewers", 422, "{\"message\":\"Reviews may only be requested from collaborators.\"}");
        TestActionContext ctx = context().with("reviewers", List.of("stranger"));

        action().run(ctx);

        assertThat(ctx.outputs).containsEntry("pullRequestNumber", 1347);
        assertThat(ctx.log()).contains("Reviews may only be requested from collaborators");
    }

    @Test
    void rejectsForkingAndMissingIntegration() {
        assertThatThrownBy(() -> action().run(context().with("forceFork", true))).hasMessageContaining("forceFork");
        TestActionContext unknownHost = context().with("repoUrl", "git.example.com?owner=a&repo=b");
        assertThatThrownBy(() -> action().run(unknownHost)).hasMessageContaining("No matching integration");
        assertThat(github.requests).isEmpty();
    }

    private static JsonNode json(FakeApi.Request request) {
        return JsonMapper.shared().readTree(request.body());
    }
}
