package io.kerberus.scaffolder.plugin.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kerberus.scaffolder.plugin.template.ScmIntegrationTypes;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a local server replaying GitHub's documented responses; the clone_url is a local bare repository. */
class PublishGithubActionTest {

    static final String TOKEN = "ghp_integrationSECRET";

    @TempDir
    Path temp;

    HttpServer server;
    Path workspace;
    Path bare;
    String ownerType = "Organization";
    int createStatus = 201;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(workspace.resolve("README.md"), "# petstore");
        bare = temp.resolve("petstore.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
        if (path.equals("/users/acme")) {
            reply(exchange, 200, "{\"login\":\"acme\",\"id\":1,\"type\":\"" + ownerType + "\"}");
        } else if (path.equals("/orgs/acme/repos") || path.equals("/user/repos")) {
            if (createStatus == 422) {
                reply(exchange, 422, "{\"message\":\"Repository creation failed.\",\"errors\":[{\"resource\":\"Repository\","
                        + "\"code\":\"custom\",\"field\":\"name\",\"message\":\"name already exists on this account\"}],"
                        + "\"documentation_url\":\"https://docs.github.com/rest/repos/repos#create-an-organization-repository\"}");
            } else {
                reply(exchange, 201, "{\"id\":1296269,\"name\":\"petstore\",\"full_name\":\"acme/petstore\",\"private\":true,"
                        + "\"html_url\":\"https://github.com/acme/petstore\",\"clone_url\":\"" + bare.toUri() + "\","
                        + "\"default_branch\":\"main\"}");
            }
        } else {
            reply(exchange, 404, "{\"message\":\"Not Found\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private PublishGithubAction action() {
        URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new PublishGithubAction(ScmIntegrationTypes.publicHosts(),
                host -> host.equals("github.com") ? Optional.of(new GithubIntegration(host, api, Optional.of(TOKEN))) : Optional.empty(),
                HttpClient.newHttpClient());
    }

    @Test
    void createsOrganizationRepositoryAndPushes() throws Exception {
        TestActionContext ctx = new TestActionContext(workspace).with("repoUrl", "github.com?owner=acme&repo=petstore")
                .with("repoVisibility", "internal").with("description", "Pets");

        action().run(ctx);

        assertThat(requests).anySatisfy(r -> assertThat(r).startsWith("POST /orgs/acme/repos Bearer " + TOKEN)
                .contains("\"name\":\"petstore\"").contains("\"visibility\":\"internal\"").contains("\"description\":\"Pets\""));
        assertThat(ctx.outputs).containsEntry("remoteUrl", bare.toUri().toString())
                .containsEntry("repoContentsUrl", "https://github.com/acme/petstore/blob/main");
        try (Repository repo = Git.open(bare.toFile()).getRepository()) {
            assertThat(repo.resolve("refs/heads/main").getName()).isEqualTo(ctx.outputs.get("commitHash"));
        }
        assertThat(ctx.log()).doesNotContain(TOKEN);
    }

    @Test
    void createsUserRepositoryWithInputTokenNeverLogged() throws Exception {
        ownerType = "User";
        TestActionContext ctx = new TestActionContext(workspace).with("repoUrl", "github.com?owner=acme&repo=petstore")
                .with("token", "gho_userSECRET");

        action().run(ctx);

        assertThat(requests).anySatisfy(r -> assertThat(r).startsWith("POST /user/repos Bearer gho_userSECRET"));
        assertThat(ctx.log()).doesNotContain("gho_userSECRET").doesNotContain(TOKEN);
    }

    @Test
    void reportsExistingRepository() {
        createStatus = 422;
        TestActionContext ctx = new TestActionContext(workspace).with("repoUrl", "github.com?owner=acme&repo=petstore");

        assertThatThrownBy(() -> action().run(ctx)).hasMessageContaining("name already exists on this account")
                .message().doesNotContain(TOKEN);
        assertThat(ctx.log()).doesNotContain(TOKEN);
    }

    @Test
    void rejectsRepoUrlWithoutOwnerOrIntegration() {
        TestActionContext noOwner = new TestActionContext(workspace).with("repoUrl", "github.com?repo=petstore");
        TestActionContext unknownHost = new TestActionContext(workspace).with("repoUrl", "git.example.com?owner=a&repo=b");

        assertThatThrownBy(() -> action().run(noOwner)).hasMessageContaining("missing owner");
        assertThatThrownBy(() -> action().run(unknownHost)).hasMessageContaining("No matching integration");
        assertThat(requests).isEmpty();
    }

    @Test
    void schemaNamesBackstageInputs() {
        assertThat(action().inputSchema()).containsEntry("required", List.of("repoUrl"));
        assertThat(((Map<?, ?>) action().inputSchema().get("properties")).keySet()).asString().contains("repoUrl", "repoVisibility", "token", "sourcePath");
    }
}
