package io.kerberus.scaffolder.plugin.template;

import static io.kerberus.scaffolder.plugin.template.TemplateRendererTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkeletonRendererTest {

    private final SkeletonRenderer skeletons = new SkeletonRenderer(ScmIntegrationTypes.publicHosts());

    @TempDir
    Path temp;

    private Path skeleton;
    private Path workspace;

    @BeforeEach
    void createFolders() throws IOException {
        skeleton = Files.createDirectories(temp.resolve("skeleton"));
        workspace = Files.createDirectories(temp.resolve("workspace"));
    }

    private void file(String path, String contents) throws IOException {
        Files.createDirectories(skeleton.resolve(path).getParent());
        Files.writeString(skeleton.resolve(path), contents);
    }

    private List<String> render(String input) {
        return skeletons.render(skeleton, workspace, SkeletonOptions.fromInput(json(input)), line -> { });
    }

    private String output(String path) throws IOException {
        return Files.readString(workspace.resolve(path));
    }

    @Test
    void rendersContentsAndFileAndFolderNames() throws IOException {
        file("${{ values.name }}/src/${{ values.name | upper }}.txt", "hello ${{ values.name }}\n");

        List<String> written = render("{\"values\": {\"name\": \"app\"}}");

        assertThat(written).containsExactly("app", "app/src", "app/src/APP.txt");
        assertThat(output("app/src/APP.txt")).isEqualTo("hello app\n");
    }

    @Test
    void copyWithoutTemplatingCopiesMatchedContentsButRendersTheirNames() throws IOException {
        file(".github/workflows/${{ values.name }}.yaml", "run: echo ${{ github.sha }}\n");
        file("docs/images/${{ values.name }}.md", "${{ values.name }}");
        file("docs/readme.md", "${{ values.name }}");

        render("{\"values\": {\"name\": \"app\"}, \"copyWithoutTemplating\": [\".github/workflows/*\", \"**/images/**\"]}");

        assertThat(output(".github/workflows/app.yaml")).isEqualTo("run: echo ${{ github.sha }}\n");
        assertThat(output("docs/images/app.md")).isEqualTo("${{ values.name }}");
        assertThat(output("docs/readme.md")).isEqualTo("app");
    }

    @Test
    void copyWithoutRenderAlsoKeepsTheNamesOfMatchedEntries() throws IOException {
        file(".github/workflows/${{ values.name }}.yaml", "run: echo ${{ github.sha }}\n");

        render("{\"values\": {\"name\": \"app\"}, \"copyWithoutRender\": [\".github/workflows/*\"]}");

        assertThat(output(".github/workflows/${{ values.name }}.yaml")).isEqualTo("run: echo ${{ github.sha }}\n");
    }

    @Test
    void templateFileExtensionTrueRendersOnlyNjkFilesAndDropsTheExtension() throws IOException {
        file("catalog-info.yaml.njk", "name: ${{ values.name }}");
        file("${{ values.name }}.sh", "echo ${{ values.name }}");

        render("{\"values\": {\"name\": \"app\"}, \"templateFileExtension\": true}");

        assertThat(output("catalog-info.yaml")).isEqualTo("name: app");
        assertThat(output("app.sh")).isEqualTo("echo ${{ values.name }}");
        assertThat(workspace.resolve("catalog-info.yaml.njk")).doesNotExist();
    }

    @Test
    void templateFileExtensionStringNamesTheExtension() throws IOException {
        file("README.md.jinja", "# ${{ values.name }}");
        file("other.njk", "${{ values.name }}");

        render("{\"values\": {\"name\": \"app\"}, \"templateFileExtension\": \"jinja\"}");

        assertThat(output("README.md")).isEqualTo("# app");
        assertThat(output("other.njk")).isEqualTo("${{ values.name }}");
    }

    @Test
    void templateFileExtensionCannotBeCombinedWithCopyWithoutTemplating() {
        assertThatThrownBy(() -> SkeletonOptions.fromInput(json("{\"templateFileExtension\": true, \"copyWithoutTemplating\": [\"a\"]}")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("extension incompatible");
    }

    @Test
    void entryWhoseNameRendersEmptyIsSkipped() throws IOException {
        file("${{ 'ci.yaml' if values.ci }}", "ci");
        file("${{ 'extras' if values.extras }}/notes.md", "notes");

        List<String> written = render("{\"values\": {\"ci\": false, \"extras\": false}, \"targetPath\": \"out\"}");

        assertThat(written).isEmpty();
        assertThat(workspace).isEmptyDirectory();
    }

    @Test
    void rejectsANameThatRendersOutOfTheWorkspace() throws IOException {
        file("${{ values.name }}/passwd", "x");

        assertThatThrownBy(() -> render("{\"values\": {\"name\": \"../../etc\"}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("${{ values.name }}/")
                .hasMessageContaining("'../../etc/'")
                .hasMessageContaining("outside the workspace");
        assertThat(temp.getParent().resolve("etc")).doesNotExist();
    }

    @Test
    void rejectsATargetPathOutOfTheWorkspace() throws IOException {
        file("a.txt", "a");

        assertThatThrownBy(() -> render("{\"targetPath\": \"../elsewhere\"}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("targetPath: '../elsewhere' would be outside the workspace");
        assertThatThrownBy(() -> render("{\"targetPath\": \"/tmp\"}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("targetPath");
    }

    @Test
    void rejectsASymlinkInTheSkeletonPointingOutside() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "top secret");
        Files.createSymbolicLink(skeleton.resolve("innocent.txt"), secret);

        assertThatThrownBy(() -> render("{}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("innocent.txt")
                .hasMessageContaining("outside the skeleton");
        assertThat(workspace.resolve("innocent.txt")).doesNotExist();
    }

    @Test
    void rejectsARelativeSymlinkClimbingOutOfTheSkeleton() throws IOException {
        Files.writeString(temp.resolve("secret.txt"), "top secret");
        Files.createDirectories(skeleton.resolve("docs"));
        Files.createSymbolicLink(skeleton.resolve("docs/link"), Path.of("../../secret.txt"));

        assertThatThrownBy(() -> render("{}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("docs/link");
    }

    @Test
    void copiesASymlinkThatStaysInsideTheSkeletonAsALink() throws IOException {
        file("README.md", "# ${{ values.name }}");
        Files.createSymbolicLink(skeleton.resolve("index.md"), Path.of("README.md"));

        render("{\"values\": {\"name\": \"app\"}}");

        assertThat(Files.isSymbolicLink(workspace.resolve("index.md"))).isTrue();
        assertThat(output("index.md")).isEqualTo("# app");
    }

    @Test
    void rejectsWritingThroughAWorkspaceLinkThatLeadsOut() throws IOException {
        Files.createSymbolicLink(workspace.resolve("out"), temp);
        file("a.txt", "a");

        assertThatThrownBy(() -> render("{\"targetPath\": \"out\"}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("targetPath");
    }

    @Test
    void copiesBinaryFilesByteForByte() throws IOException {
        byte[] png = new byte[256];
        for (int i = 0; i < png.length; i++) {
            png[i] = (byte) i;
        }
        png[1] = '$';
        png[2] = '{';
        png[3] = '{';
        Files.createDirectories(skeleton.resolve("img"));
        Files.write(skeleton.resolve("img/logo.png"), png);
        byte[] latin1 = "caf\u00e9 ${{ values.name }}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(skeleton.resolve("latin1.txt"), latin1);

        render("{\"values\": {\"name\": \"app\"}}");

        assertThat(Files.readAllBytes(workspace.resolve("img/logo.png"))).isEqualTo(png);
        assertThat(Files.readAllBytes(workspace.resolve("latin1.txt"))).isEqualTo(latin1);
    }

    @Test
    void keepsTheFileMode() throws IOException {
        file("gradlew", "#!/bin/sh\necho ${{ values.name }}\n");
        Files.setPosixFilePermissions(skeleton.resolve("gradlew"), PosixFilePermissions.fromString("rwxr-x---"));

        render("{\"values\": {\"name\": \"app\"}}");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(workspace.resolve("gradlew")))).isEqualTo("rwxr-x---");
    }

    @Test
    void keepsExistingFilesUnlessReplaceIsSet() throws IOException {
        file("a.txt", "${{ values.v }}");
        Files.writeString(workspace.resolve("a.txt"), "old");

        render("{\"values\": {\"v\": \"new\"}}");
        String kept = output("a.txt");
        render("{\"values\": {\"v\": \"new\"}, \"replace\": true}");

        assertThat(kept).isEqualTo("old");
        assertThat(output("a.txt")).isEqualTo("new");
    }

    @Test
    void templateErrorNamesTheSkeletonFileAndLine() throws IOException {
        file("docs/index.md", "# Title\n\n${{ values.name | nosuch }}\n");

        assertThatThrownBy(() -> render("{\"values\": {\"name\": \"app\"}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("docs/index.md:3: unknown filter 'nosuch'");
    }

    @Test
    void cookiecutterCompatUsesJinjaDelimitersAndTheCookiecutterPrefix() throws IOException {
        file("{{ cookiecutter.name }}/setup.py", "name={{ cookiecutter.name | jsonify }}\nkeep=${x}\n");

        render("{\"values\": {\"name\": \"pkg\"}, \"cookiecutterCompat\": true}");

        assertThat(output("pkg/setup.py")).isEqualTo("name=\"pkg\"\nkeep=${x}\n");
    }

    @Test
    void rejectsATargetPathInsideTheSkeleton() throws IOException {
        file("a.txt", "a");

        assertThatThrownBy(() -> skeletons.render(skeleton, temp, SkeletonOptions.fromInput(json("{\"targetPath\": \"skeleton/out\"}")), line -> { }))
                .isInstanceOf(TemplateException.class)
                .hasMessage("targetPath must not be within template path");
    }
}
