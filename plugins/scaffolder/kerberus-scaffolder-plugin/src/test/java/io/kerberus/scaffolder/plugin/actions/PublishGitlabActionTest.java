package io.kerberus.scaffolder.plugin.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kerberus.plugin.ConflictException;
import io.kerberus.scaffolder.plugin.template.ScmIntegrationTypes;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Against a local server replaying GitLab's documented responses; http_url_to_repo is a local bare repository. */
class PublishGitlabActionTest {

    static final String TOKEN = "glpat-integrationSECRET";

    @TempDir
    Path temp;

    FakeApi gitlab;
    Path workspace;
    Path bare;

    @BeforeEach
    void setUp() throws Exception {
        workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(workspace.resolve("README.md"), "# petstore");
        bare = temp.resolve("petstore.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        gitlab = new FakeApi()
                .on("GET /api/v4/namespaces/acme", 200, "{\"id\":42,\"name\":\"acme\",\"path\":\"acme\",\"kind\":\"group\",\"full_path\":\"acme\"}")
                .on("POST /api/v4/projects", 201, "{\"id\":7,\"name\":\"petstore\",\"path_with_namespace\":\"acme/petstore\","
                        + "\"default_branch\":null,\"web_url\":\"https://gitlab.example.com/acme/petstore\","
                        + "\"http_url_to_repo\":\"file://" + bare + "\"}")
                .on("POST /api/v4/projects/7/repository/branches", 201, "{\"name\":\"develop\",\"merged\":false,\"protected\":false}")
                .on("POST /api/v4/projects/7/protected_branches", 201, "{\"id\":1,\"name\":\"develop\"}")
                .on("POST /api/v4/projects/7/variables", 201, "{\"key\":\"ENV\",\"variable_type\":\"env_var\"}");
    }

    @AfterEach
    void tearDown() {
        gitlab.close();
    }

    private PublishGitlabAction action() {
        ScmIntegrationTypes types = ScmIntegrationTypes.publicHosts().with(Map.of("gitlab.example.com", "gitlab"));
        GitlabIntegration integration = new GitlabIntegration("gitlab.example.com", gitlab.base("/api/v4"),
                URI.create("https://gitlab.example.com"), Optional.of(TOKEN));
        return new PublishGitlabAction(types, host -> host.equals("gitlab.example.com") ? Optional.of(integration) : Optional.empty(),
                HttpClient.newHttpClient());
    }

    @Test
    void createsTheProjectInTheNamespaceAndPushes() throws Exception {
        TestActionContext ctx = new TestActionContext(workspace).with("repoUrl", "gitlab.example.com?owner=acme&repo=petstore")
                .with("repoVisibility", "internal").with("defaultBranch", "main").with("settings", Map.of("description", "Pets"))
                .with("branches", List.of(Map.of("name", "develop", "create", true, "ref", "main", "protect", true)))
                .with("projectVariables", List.of(Map.of("key", "ENV", "value", "prod")));

        action().run(ctx);

        JsonNode created = JsonMapper.shared().readTree(gitlab.matching("POST /api/v4/projects").get(0).body());
        assertThat(created.path("namespace_id").asLong()).isEqualTo(42);
        assertThat(created.path("name").asString()).isEqualTo("petstore");
        assertThat(created.path("visibility").asString()).isEqualTo("internal");
        assertThat(created.path("description").asString()).isEqualTo("Pets");
        assertThat(ctx.outputs).containsEntry("remoteUrl", "file://" + temp.resolve("petstore"))
                .containsEntry("repoContentsUrl", "file://" + temp.resolve("petstore") + "/-/blob/main").containsEntry("projectId", 7L);
        try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            assertThat(repo.resolve("refs/heads/main").getName()).isEqualTo(ctx.outputs.get("commitHash"));
            assertThat(TreeWalk.forPath(repo, "README.md", walk.parseCommit(repo.resolve("refs/heads/main")).getTree())).isNotNull();
        }
        assertThat(gitlab.matching("POST /api/v4/projects/7/repository/branches").get(0).body()).contains("\"develop\"").contains("\"main\"");
        assertThat(gitlab.matching("POST /api/v4/projects/7/protected_branches")).hasSize(1);
        assertThat(gitlab.matching("POST /api/v4/projects/7/variables").get(0).body()).contains("\"environment_scope\":\"*\"");
        assertThat(gitlab.requests).allSatisfy(r -> assertThat(r.headers().get("private-token")).isEqualTo(TOKEN));
        assertThat(ctx.log()).doesNotContain(TOKEN).doesNotContain("prod");
    }

    @Test
    void sendsAnInputTokenAsOAuthBearer() throws Exception {
        TestActionContext ctx = new TestActionContext(workspace).with("repoUrl", "gitlab.example.com?owner=acme&repo=petstore")
                .with("token", "oauth-userSECRET");

        action().run(ctx);

        assertThat(gitlab.requests).allSatisfy(r -> assertThat(r.headers().get("authorization")).isEqualTo("Bearer oauth-userSECRET"));
        assertThat(gitlab.requests).allSatisfy(r -> assertThat(r.headers()).doesNotContainKey("private-token"));
        try (Repository repo = Git.open(bare.toFile()).getRepository()) {
            assertThat(repo.resolve("refs/heads/master")).isNotNull();
        }
        assertThat(ctx.log()).doesNotContain("oauth-userSECRET");
    }

    @Test
    void reportsAMissingNamespaceAndATakenName() {
        TestActionContext missing = new TestActionContext(workspace).with("repoUrl", "gitlab.example.com?owner=nobody&repo=petstore");
        assertThatThrownBy(() -> action().run(missing)).hasMessageContaining("The namespace nobody is not found");

        gitlab.on("POST /api/v4/projects", 400, "{\"message\":{\"name\":[\"has already been taken\"],\"path\":[\"has already been taken\"]}}");
        TestActionContext taken = new TestActionContext(workspace).with("repoUrl", "gitlab.example.com?owner=acme&repo=petstore");
        assertThatThrownBy(() -> action().run(taken)).isInstanceOf(ConflictException.class).hasMessageContaining("has already been taken")
                .message().doesNotContain(TOKEN);
    }

    @Test
    void needsAnIntegrationForTheHost() {
        TestActionContext ctx = new TestActionContext(workspace).with("repoUrl", "gitlab.com?owner=acme&repo=petstore");

        assertThatThrownBy(() -> action().run(ctx)).hasMessageContaining("No matching integration configuration for host gitlab.com");
        assertThat(gitlab.requests).isEmpty();
    }
}
