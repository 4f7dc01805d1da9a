package io.kerberus.scaffolder.plugin.actions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kerberus.scaffolder.plugin.template.ScmIntegrationTypes;
import io.kerberus.scaffolder.plugin.template.SkeletonRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** fetch:* reading skeleton folders behind GitHub tree URLs, against a local server replaying GitHub's contents API. */
class FetchGithubTreeTest {

    static final String TOKEN = "ghp_treeSECRET";

    @TempDir
    Path temp;

    HttpServer server;
    Path workspace;
    TemplateSource source;
    TestActionContext ctx;
    final List<String> requests = new CopyOnWriteArrayList<>();
    Map<String, String> replies;

    @BeforeEach
    void setUp() throws Exception {
        workspace = Files.createDirectories(temp.resolve("workspace"));
        replies = Map.of(
                "/repos/acme/templates/contents/skeleton", """
                        [{"type":"file","name":"catalog-info.yaml","path":"skeleton/catalog-info.yaml","size":40},
                         {"type":"dir","name":"docs","path":"skeleton/docs","size":0},
                         {"type":"symlink","name":"link","path":"skeleton/link","size":9}]""",
                "/repos/acme/templates/contents/skeleton/docs", """
                        [{"type":"file","name":"index.md","path":"skeleton/docs/index.md","size":20}]""",
                "/repos/acme/templates/contents/evil", """
                        [{"type":"file","name":"x","path":"../../../escape.txt","size":1}]""");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        GithubIntegration github = new GithubIntegration("github.com", URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Optional.of(TOKEN));
        source = new TemplateSource(List::of, () -> null, new GithubTreeReader(host -> host.equals("github.com") ? Optional.of(github) : Optional.empty(),
                HttpClient.newHttpClient()));
        ctx = new TestActionContext(workspace);
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        requests.add(path + "?" + exchange.getRequestURI().getQuery() + " " + accept + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        String body;
        if (accept.equals("application/vnd.github.raw")) {
            body = path.endsWith("catalog-info.yaml") ? "metadata:\n  name: ${{ values.name }}\n" : path.endsWith("index.md") ? "# ${{ values.name }}\n" : null;
        } else {
            body = replies.get(path);
        }
        byte[] bytes = body == null ? "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8) : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void templateRendersASkeletonFolderBehindAGithubTreeUrlWithTheIntegrationToken() throws Exception {
        ctx.with("url", "https://github.com/acme/templates/tree/v1/skeleton").with("values", Map.of("name", "petstore"));

        new FetchTemplateAction(source, new SkeletonRenderer(ScmIntegrationTypes.publicHosts())).run(ctx);

        assertThat(workspace.resolve("catalog-info.yaml")).hasContent("metadata:\n  name: petstore\n");
        assertThat(workspace.resolve("docs/index.md")).hasContent("# petstore\n");
        assertThat(workspace.resolve("link")).doesNotExist();
        assertThat(requests).allSatisfy(r -> assertThat(r).contains("ref=v1").endsWith("Bearer " + TOKEN));
        assertThat(requests).anySatisfy(r -> assertThat(r).startsWith("/repos/acme/templates/contents/skeleton/docs/index.md?").contains("vnd.github.raw"));
        assertThat(ctx.log()).doesNotContain(TOKEN);
    }

    @Test
    void plainCopiesAFolderRelativeToATemplateReadFromGithub() throws Exception {
        ctx.templateLocation = URI.create("https://github.com/acme/templates/blob/v1/template.yaml");
        ctx.with("url", "./skeleton").with("targetPath", "out").with("token", "ghp_fromInput");

        new FetchPlainAction(source).run(ctx);

        assertThat(workspace.resolve("out/catalog-info.yaml")).hasContent("metadata:\n  name: ${{ values.name }}\n");
        assertThat(workspace.resolve("out/docs/index.md")).exists();
        assertThat(requests).allSatisfy(r -> assertThat(r).endsWith("Bearer ghp_fromInput"));
    }

    @Test
    void refusesEntriesThatLeaveTheFolderAndSaysWhatIsMissing() {
        ctx.with("url", "https://github.com/acme/templates/tree/main/evil");
        assertThatThrownBy(() -> new FetchPlainAction(source).run(ctx)).hasMessageContaining("outside");
        assertThat(temp.resolve("escape.txt")).doesNotExist();

        ctx.with("url", "https://github.com/acme/templates/tree/main/nope");
        assertThatThrownBy(() -> new FetchPlainAction(source).run(ctx)).hasMessageContaining("nope").hasMessageContaining("does not exist");
    }

    @Test
    void refusesFoldersOnOtherHostsNamingTheUrlTypesItReads() {
        ctx.with("url", "https://git.example.com/acme/templates/tree/main/skeleton").with("values", Map.of());

        assertThatThrownBy(() -> new FetchTemplateAction(source, new SkeletonRenderer(ScmIntegrationTypes.publicHosts())).run(ctx))
                .hasMessageContaining("https://git.example.com/acme/templates/tree/main/skeleton")
                .hasMessageContaining("https://github.com/<owner>/<repo>/tree/<branch>/<path>").hasMessageContaining("integrations.github");
    }
}
