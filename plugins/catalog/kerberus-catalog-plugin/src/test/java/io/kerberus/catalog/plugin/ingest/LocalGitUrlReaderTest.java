package io.kerberus.catalog.plugin.ingest;

import io.kerberus.catalog.UrlReader;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files of local git repositories read through {@code file:///<repo>/blob/<branch>/<path>} URLs. */
class LocalGitUrlReaderTest {

    @TempDir
    Path temp;

    Path root;
    Readers readers;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("root"));
        push(root.resolve("git/orders.git"), "main", "catalog-info.yaml", "kind: Component\n");
        readers = new Readers(List.of(), List.of(root));
    }

    /** A bare repository with one commit holding {@code file}, pushed as JGit's users do. */
    static void push(Path bare, String branch, String file, String content) throws Exception {
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        Path work = Files.createTempDirectory("work");
        Files.createDirectories(work.resolve(file).getParent());
        Files.writeString(work.resolve(file), content);
        Files.createDirectories(work.resolve("docs"));
        Files.writeString(work.resolve("docs/index.md"), "# Docs\n");
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch(branch).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").setAuthor("a", "a@example.com").setCommitter("a", "a@example.com").setSign(false).call();
            git.push().setRemote(bare.toUri().toString()).add(branch).call();
        }
    }

    URI url(String rest) {
        return URI.create("file://" + root + "/" + rest);
    }

    @Test
    void readsAFileAtTheBranchHeadOfABareRepository() throws Exception {
        UrlReader.Response response = readers.read(url("git/orders/blob/main/catalog-info.yaml"), null);

        assertThat(new String(response.content(), StandardCharsets.UTF_8)).isEqualTo("kind: Component\n");
        assertThat(readers.read(url("git/orders/blob/main/docs/index.md"), null).content()).asString(StandardCharsets.UTF_8).isEqualTo("# Docs\n");
        assertThat(readers.read(url("git/orders/blob/main/catalog-info.yaml"), response.etag().orElseThrow()).notModified()).isTrue();
        assertThat(readers.canRead(url("git/orders/blob/main/catalog-info.yaml"))).isTrue();
    }

    @Test
    void readsANonBareRepository() throws Exception {
        Path clone = root.resolve("clones/orders");
        Git.cloneRepository().setURI(root.resolve("git/orders.git").toUri().toString()).setBranch("main").setDirectory(clone.toFile()).call().close();

        assertThat(readers.read(url("clones/orders/blob/main/catalog-info.yaml"), null).content()).asString(StandardCharsets.UTF_8)
                .isEqualTo("kind: Component\n");
    }

    @Test
    void saysWhichBranchIsMissing() {
        assertThatThrownBy(() -> readers.read(url("git/orders/blob/trunk/catalog-info.yaml"), null))
                .isInstanceOf(FileNotFoundException.class).hasMessageContaining("has no branch trunk");
    }

    @Test
    void saysWhichPathIsMissing() {
        assertThatThrownBy(() -> readers.read(url("git/orders/blob/main/nope.yaml"), null))
                .isInstanceOf(FileNotFoundException.class).hasMessageContaining("nope.yaml is not a file on branch main");
        assertThatThrownBy(() -> readers.read(url("git/orders/blob/main/docs"), null)).isInstanceOf(FileNotFoundException.class);
        assertThatThrownBy(() -> readers.read(url("git/missing/blob/main/a.yaml"), null))
                .isInstanceOf(FileNotFoundException.class).hasMessageContaining("there is no git repository");
    }

    @Test
    void refusesRepositoriesOutsideTheFileRootsNamingUrlAndConfigKey() throws Exception {
        Path outside = temp.resolve("outside/other.git");
        push(outside, "main", "catalog-info.yaml", "kind: Component\n");
        URI url = URI.create("file://" + temp.resolve("outside/other") + "/blob/main/catalog-info.yaml");

        assertThatThrownBy(() -> readers.read(url, null)).isInstanceOf(IOException.class)
                .hasMessageContaining(url.toString()).hasMessageContaining("catalog.fileRoots");
    }

    @Test
    void refusesTraversalWithDotDot() throws Exception {
        push(temp.resolve("secret.git"), "main", "catalog-info.yaml", "kind: Secret\n");
        URI url = URI.create("file://" + root + "/../secret/blob/main/catalog-info.yaml");

        assertThatThrownBy(() -> readers.read(url, null)).isInstanceOf(IOException.class).hasMessageContaining("'..'");
    }
}
