package io.kerberus.scaffolder.plugin.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kerberus.catalog.UrlReader;
import io.kerberus.scaffolder.plugin.template.ScmIntegrationTypes;
import io.kerberus.scaffolder.plugin.template.SkeletonRenderer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchActionsTest {

    @TempDir
    Path temp;

    Path templates;
    Path workspace;
    TestActionContext ctx;
    TemplateSource source;

    @BeforeEach
    void setUp() throws IOException {
        templates = Files.createDirectories(temp.resolve("templates/java"));
        workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(templates.resolve("template.yaml"), "kind: Template");
        Files.createDirectories(templates.resolve("skeleton/docs"));
        Files.writeString(templates.resolve("skeleton/README.md"), "# ${{ values.name }}");
        Files.writeString(templates.resolve("skeleton/docs/${{ values.name }}.md"), "about ${{ values.name }}");
        ctx = new TestActionContext(workspace);
        ctx.templateLocation = templates.resolve("template.yaml").toUri();
        UrlReader reader = new UrlReader() {
            @Override
            public boolean canRead(URI url) {
                return url.getHost().equals("example.com");
            }

            @Override
            public Response read(URI url, String etag) throws IOException {
                if (url.getPath().endsWith("missing.txt")) {
                    throw new IOException("HTTP 404 from " + url);
                }
                return new Response(("from " + url.getPath()).getBytes(StandardCharsets.UTF_8), Optional.empty(), false);
            }
        };
        source = new TemplateSource(() -> List.of(temp.resolve("templates")), () -> reader);
    }

    @Test
    void plainCopiesFolderRelativeToTemplateWithoutRendering() throws Exception {
        ctx.with("url", "./skeleton").with("targetPath", "out");

        new FetchPlainAction(source).run(ctx);

        assertThat(workspace.resolve("out/README.md")).hasContent("# ${{ values.name }}");
        assertThat(workspace.resolve("out/docs/${{ values.name }}.md")).exists();
    }

    @Test
    void plainRefusesTargetPathOutsideWorkspace() {
        ctx.with("url", "./skeleton").with("targetPath", "../escape");

        assertThatThrownBy(() -> new FetchPlainAction(source).run(ctx)).hasMessageContaining("outside the workspace");
        assertThat(temp.resolve("escape")).doesNotExist();
    }

    @Test
    void plainRefusesFilesOutsideFileRoots() throws IOException {
        Files.writeString(temp.resolve("secret.txt"), "secret");
        ctx.with("url", temp.resolve("secret.txt").toUri().toString());

        assertThatThrownBy(() -> new FetchPlainAction(source).run(ctx)).hasMessageContaining("outside catalog.fileRoots");
    }

    @Test
    void plainDoesNotFollowLinksOutOfTheSkeleton() throws Exception {
        Files.writeString(temp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(templates.resolve("skeleton/leak.txt"), temp.resolve("secret.txt"));
        ctx.with("url", "./skeleton");

        new FetchPlainAction(source).run(ctx);

        assertThat(workspace.resolve("leak.txt")).doesNotExist();
        assertThat(workspace.resolve("README.md")).exists();
    }

    @Test
    void plainReadsSingleFileOverHttpAndRefusesHttpFolders() throws Exception {
        ctx.with("url", "https://example.com/o/r/blob/main/LICENSE").with("targetPath", "legal/");

        new FetchPlainAction(source).run(ctx);

        assertThat(workspace.resolve("legal/LICENSE")).hasContent("from /o/r/blob/main/LICENSE");
        ctx.with("url", "https://example.com/o/r/tree/main/skeleton");
        assertThatThrownBy(() -> new FetchPlainAction(source).run(ctx)).hasMessageContaining("reads folders only from GitHub URLs");
    }

    @Test
    void plainFileWritesTargetPathAndReportsUnreadableUrl() throws Exception {
        ctx.with("url", "./skeleton/README.md").with("targetPath", "a/b/readme.txt");

        new FetchPlainFileAction(source).run(ctx);

        assertThat(workspace.resolve("a/b/readme.txt")).hasContent("# ${{ values.name }}");
        ctx.with("url", "https://example.com/missing.txt");
        assertThatThrownBy(() -> new FetchPlainFileAction(source).run(ctx)).hasMessageContaining("HTTP 404");
        ctx.with("url", "./skeleton/nope.txt");
        assertThatThrownBy(() -> new FetchPlainFileAction(source).run(ctx)).hasMessageContaining("does not exist");
    }

    @Test
    void plainFileRequiresTargetPath() {
        ctx.with("url", "./skeleton/README.md");

        assertThatThrownBy(() -> new FetchPlainFileAction(source).run(ctx))
                .hasMessageContaining("input 'targetPath' is required");
    }

    @Test
    void templateRendersSkeletonWithValues() throws Exception {
        ctx.with("url", "./skeleton").with("targetPath", "./app").with("values", Map.of("name", "petstore"))
                .with("copyWithoutTemplating", List.of("docs/**"));

        new FetchTemplateAction(source, new SkeletonRenderer(ScmIntegrationTypes.publicHosts())).run(ctx);

        assertThat(workspace.resolve("app/README.md")).hasContent("# petstore");
        assertThat(workspace.resolve("app/docs/petstore.md")).hasContent("about ${{ values.name }}");
    }

    @Test
    void templateRefusesTargetPathOutsideWorkspaceAndHttpSkeletons() {
        FetchTemplateAction action = new FetchTemplateAction(source, new SkeletonRenderer(ScmIntegrationTypes.publicHosts()));
        ctx.with("url", "./skeleton").with("targetPath", "../../x");

        assertThatThrownBy(() -> action.run(ctx)).hasMessageContaining("outside the workspace");
        ctx.with("targetPath", "./").with("url", "https://example.com/o/r/tree/main/skeleton");
        assertThatThrownBy(() -> action.run(ctx)).hasMessageContaining("fetch:template: cannot read the folder");
        ctx.input.remove("url");
        assertThatThrownBy(() -> action.run(ctx)).hasMessageContaining("input 'url' is required");
    }
}
