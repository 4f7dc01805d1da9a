package io.kerberus.techdocs.plugin.cli;

import io.kerberus.techdocs.plugin.TestFiles;
import io.kerberus.techdocs.plugin.publish.Publisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kerberus techdocs build | publish | serve}: exit codes, warnings with file:line, a published site, live reload. */
class TechDocsCommandsTest {

    record Run(int code, String out, String err) {
    }

    static Run run(io.kerberus.plugin.CliCommand command, String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = command.run(List.of(args), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static Path corpus(Path into) throws IOException {
        return TestFiles.copy(TestFiles.corpus(), into);
    }

    @Test
    void buildsASiteAndPrintsWarningsWithFileAndLine(@TempDir Path dir) throws Exception {
        Path source = corpus(dir.resolve("project"));
        Run built = run(new BuildCommand(), "--source-dir", source.toString(), "--output-dir", dir.resolve("site").toString());
        assertThat(built.code()).isZero();
        assertThat(built.out()).contains("Built 6 pages into " + dir.resolve("site")).contains("with 4 warnings");
        assertThat(built.err()).contains("Rendering 6 pages").contains("6/6 pages")
                .contains("WARNING docs/guide/broken.md:3: link to 'nowhere.md'").contains("WARNING mkdocs.yml:13: nav entry 'Missing page'");
        assertThat(dir.resolve("site").resolve(Publisher.METADATA)).isRegularFile();

        Run strict = run(new BuildCommand(), "--source-dir", source.toString(), "--output-dir", dir.resolve("site").toString(), "--strict", "-q");
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.err()).doesNotContain("Rendering").contains("WARNING");
    }

    @Test
    void refusesBadFoldersWithUsageErrors(@TempDir Path dir) throws Exception {
        Run missing = run(new BuildCommand(), "--source-dir", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("is not a folder");
        Path source = corpus(dir.resolve("project"));
        Run inside = run(new BuildCommand(), "--source-dir", dir.toString(), "--output-dir", dir.getParent().toString());
        assertThat(inside.code()).isEqualTo(2);
        assertThat(inside.err()).contains("contains the source folder");
        Run broken = run(new BuildCommand(), "--source-dir", source.resolve("docs").toString(), "--output-dir", dir.resolve("out").toString());
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.err()).contains("No mkdocs.yml and no docs/ folder in " + source.resolve("docs"));
        Run unknown = run(new BuildCommand(), "--no-such-option");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void publishesABuiltSiteToAFolder(@TempDir Path dir) throws Exception {
        Path source = corpus(dir.resolve("project"));
        assertThat(run(new BuildCommand(), "--source-dir", source.toString(), "--output-dir", dir.resolve("site").toString(), "-q").code()).isZero();
        Run published = run(new PublishCommand(), "--entity", "default/Component/orders", "--directory", dir.resolve("site").toString(),
                "--publish-directory", dir.resolve("published").toString());
        assertThat(published.code()).as(published.err()).isZero();
        assertThat(published.out()).contains("Published the docs of component:default/orders");
        assertThat(dir.resolve("published/default/component/orders/guide/setup/index.html")).isRegularFile();
        assertThat(dir.resolve("published/default/component/orders").resolve(Publisher.METADATA)).isRegularFile();

        assertThat(run(new PublishCommand(), "--entity", "orders", "--directory", dir.resolve("site").toString(),
                "--publish-directory", dir.toString()).err()).contains("namespace/kind/name");
        assertThat(run(new PublishCommand(), "--entity", "default/component/x", "--directory", source.toString(),
                "--publish-directory", dir.toString()).err()).contains("holds no built site");
        assertThat(run(new PublishCommand(), "--entity", "default/component/x", "--directory", dir.resolve("site").toString()).err())
                .contains("needs --publish-directory");
        assertThat(run(new PublishCommand(), "--entity", "default/component/x", "--directory", dir.resolve("site").toString(),
                "--publisher-type", "awsS3").err()).contains("needs --storage-name");
    }

    @Test
    void servesWithLiveReload(@TempDir Path dir) throws Exception {
        Path source = corpus(dir.resolve("project"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ServeCommand.Options serve = new ServeCommand.Options(new PrintWriter(out, true), new PrintWriter(err, true));
        Thread thread = Thread.ofPlatform().start(() -> new CommandLine(serve).execute("--source-dir", source.toString(), "--port", "0", "--poll", "100"));
        try {
            Pattern url = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
            String base = await(() -> {
                Matcher m = url.matcher(out.toString());
                return m.find() ? m.group(1) : null;
            });
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "guide/internals/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Orders live in PostgreSQL").contains(ServeCommand.RELOAD_PATH);
            String firstBuild = http.send(HttpRequest.newBuilder(URI.create(base + ServeCommand.RELOAD_PATH.substring(1))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            Files.writeString(source.resolve("docs/guide/internals.md"), "# Internals\n\nNow on a bigger database.\n");
            await(() -> {
                try {
                    String id = http.send(HttpRequest.newBuilder(URI.create(base + ServeCommand.RELOAD_PATH.substring(1))).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    return id.equals(firstBuild) ? null : id;
                } catch (IOException | InterruptedException e) {
                    return null;
                }
            });
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "guide/internals/")).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("Now on a bigger database.");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "../../etc/passwd")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(404);
            assertThat(err.toString()).contains("Changed; rebuilding");
        } finally {
            serve.stop();
            thread.join(5_000);
        }
        assertThat(thread.isAlive()).isFalse();
    }

    static <T> T await(java.util.function.Supplier<T> value) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            T v = value.get();
            if (v != null) {
                return v;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Timed out");
    }
}
