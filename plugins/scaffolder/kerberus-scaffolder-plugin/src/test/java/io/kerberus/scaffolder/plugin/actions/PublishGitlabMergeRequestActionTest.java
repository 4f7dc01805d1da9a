package io.kerberus.scaffolder.plugin.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kerberus.scaffolder.plugin.template.ScmIntegrationTypes;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Against a local server replaying GitLab's documented responses of the projects, branches, commits and merge requests APIs. */
class PublishGitlabMergeRequestActionTest {

    static final String TOKEN = "glpat-integrationSECRET";
    static final String PROJECT = "/api/v4/projects/acme%2Fpetstore";

    @TempDir
    Path workspace;

    FakeApi gitlab;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(workspace.resolve("docs"));
        Files.writeString(workspace.resolve("docs/README.md"), "# same");
        Files.writeString(workspace.resolve("docs/changed.md"), "new text");
        Files.writeString(workspace.resolve("docs/new.md"), "# new");
        gitlab = new FakeApi()
                .on("GET " + PROJECT, 200, "{\"id\":7,\"path_with_namespace\":\"acme/petstore\",\"default_branch\":\"main\"}")
                .on("GET /api/v4/users?username=jane", 200, "[{\"id\":17,\"username\":\"jane\",\"name\":\"Jane\",\"state\":\"active\"}]")
                .on("GET /api/v4/users", 200, "[]")
                .on("GET " + PROJECT + "/repository/tree", 200, "[{\"id\":\"a1e8f8d745cc87e3a9248358d9352bb7f9a0aeba\",\"name\":\"README.md\","
                        + "\"type\":\"blob\",\"path\":\"docs/README.md\",\"mode\":\"100644\"},{\"id\":\"4535904260b1082e14f867f7a24fd8c21495bde3\","
                        + "\"name\":\"changed.md\",\"type\":\"blob\",\"path\":\"docs/changed.md\",\"mode\":\"100644\"}]")
                .on("GET " + PROJECT + "/repository/files/docs%2FREADME.md?ref=main", 200, file("docs/README.md", "# same"))
                .on("GET " + PROJECT + "/repository/files/docs%2Fchanged.md?ref=main", 200, file("docs/changed.md", "old text"))
                .on("POST " + PROJECT + "/repository/branches", 201, "{\"name\":\"create-demo\",\"merged\":false,\"protected\":false,"
                        + "\"web_url\":\"https://gitlab.example.com/acme/petstore/-/tree/create-demo\"}")
                .on("POST " + PROJECT + "/repository/commits", 201, "{\"id\":\"ed899a2f4b50b4370feeea94676502b42383c746\",\"short_id\":\"ed899a2f\","
                        + "\"title\":\"Creating catalog-info.yaml demo\"}")
                .on("POST " + PROJECT + "/merge_requests", 201, "{\"id\":1,\"iid\":12,\"project_id\":7,\"state\":\"opened\","
                        + "\"web_url\":\"https://gitlab.example.com/acme/petstore/-/merge_requests/12\"}");
    }

    private static String file(String path, String content) {
        return "{\"file_path\":\"" + path + "\",\"ref\":\"main\",\"content_sha256\":\""
                + GitlabCommitActions.sha256(content.getBytes(StandardCharsets.UTF_8)) + "\",\"encoding\":\"base64\"}";
    }

    @AfterEach
    void tearDown() {
        gitlab.close();
    }

    private PublishGitlabMergeRequestAction action() {
        GitlabIntegration integration = new GitlabIntegration("gitlab.com", gitlab.base("/api/v4"), URI.create("https://gitlab.com"), Optional.of(TOKEN));
        return new PublishGitlabMergeRequestAction(ScmIntegrationTypes.publicHosts(),
                host -> host.equals("gitlab.com") ? Optional.of(integration) : Optional.empty(), HttpClient.newHttpClient());
    }

    private TestActionContext context() {
        return new TestActionContext(workspace).with("repoUrl", "gitlab.com?owner=acme&repo=petstore").with("branchName", "create-demo")
                .with("title", "Creating catalog-info.yaml demo").with("description", "# New project: demo").with("targetPath", "docs");
    }

    @Test
    void autoCommitCreatesNewUpdatesChangedAndSkipsSameFiles() throws Exception {
        TestActionContext ctx = context().with("assignee", "jane").with("reviewers", List.of("jane", "ghost")).with("removeSourceBranch", true);

        action().run(ctx);

        JsonNode commit = JsonMapper.shared().readTree(gitlab.matching("POST " + PROJECT + "/repository/commits").get(0).body());
        assertThat(commit.path("branch").asString()).isEqualTo("create-demo");
        assertThat(commit.path("commit_message").asString()).isEqualTo("Creating catalog-info.yaml demo");
        assertThat(commit.path("actions").findValuesAsString("file_path")).containsExactly("docs/changed.md", "docs/new.md");
        assertThat(commit.path("actions").findValuesAsString("action")).containsExactly("update", "create");
        assertThat(commit.path("actions").get(1).path("encoding").asString()).isEqualTo("base64");
        assertThat(gitlab.matching("POST " + PROJECT + "/repository/branches").get(0).body()).contains("\"ref\":\"main\"");
        JsonNode mr = JsonMapper.shared().readTree(gitlab.matching("POST " + PROJECT + "/merge_requests").get(0).body());
        assertThat(mr.path("source_branch").asString()).isEqualTo("create-demo");
        assertThat(mr.path("target_branch").asString()).isEqualTo("main");
        assertThat(mr.path("remove_source_branch").asBoolean()).isTrue();
        assertThat(mr.path("assignee_id").asLong()).isEqualTo(17);
        assertThat(mr.path("reviewer_ids").toString()).isEqualTo("[17]");
        assertThat(ctx.outputs).containsEntry("mergeRequestUrl", "https://gitlab.example.com/acme/petstore/-/merge_requests/12")
                .containsEntry("projectid", "acme/petstore").containsEntry("projectPath", "acme/petstore").containsEntry("targetBranchName", "main");
        assertThat(ctx.log()).contains("Failed to find gitlab user id for ghost").doesNotContain(TOKEN);
        assertThat(gitlab.requests).allSatisfy(r -> assertThat(r.headers().get("private-token")).isEqualTo(TOKEN));
    }

    @Test
    void createActionCommitsEveryFileToTheTargetBranchGiven() throws Exception {
        TestActionContext ctx = context().with("commitAction", "create").with("targetBranchName", "develop").with("token", "oauth-userSECRET");

        action().run(ctx);

        JsonNode commit = JsonMapper.shared().readTree(gitlab.matching("POST " + PROJECT + "/repository/commits").get(0).body());
        assertThat(commit.path("actions").findValuesAsString("action")).containsExactly("create", "create", "create");
        assertThat(gitlab.matching("GET " + PROJECT + "/repository/tree")).isEmpty();
        assertThat(gitlab.requests).noneMatch(r -> r.line().equals("GET " + PROJECT));
        assertThat(ctx.outputs).containsEntry("targetBranchName", "develop");
        assertThat(gitlab.requests).allSatisfy(r -> assertThat(r.headers().get("authorization")).isEqualTo("Bearer oauth-userSECRET"));
    }

    @Test
    void refusesAnExistingBranchNamingItsMergeRequest() {
        gitlab.on("GET " + PROJECT + "/repository/branches/create-demo", 200, "{\"name\":\"create-demo\",\"web_url\":\"https://gitlab.example.com/acme/petstore/-/tree/create-demo\"}")
                .on("GET " + PROJECT + "/merge_requests", 200, "[{\"iid\":3,\"web_url\":\"https://gitlab.example.com/acme/petstore/-/merge_requests/3\"}]");

        assertThatThrownBy(() -> action().run(context())).hasMessageContaining("branch already exists at: https://gitlab.example.com/acme/petstore/-/tree/create-demo")
                .hasMessageContaining("merge_requests/3");
        assertThat(gitlab.matching("POST")).isEmpty();
    }

    @Test
    void reportsGitlabErrors() {
        gitlab.on("POST " + PROJECT + "/repository/commits", 400, "{\"message\":\"A file with this name already exists\"}");

        assertThatThrownBy(() -> action().run(context())).hasMessageContaining("Committing the changes to create-demo failed")
                .hasMessageContaining("A file with this name already exists").message().doesNotContain(TOKEN);
    }
}
