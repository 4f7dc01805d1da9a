package io.kerberus.techdocs.plugin.cli;

import io.kerberus.plugin.CliCommand;
import io.kerberus.techdocs.plugin.Version;
import io.kerberus.techdocs.plugin.build.BuildException;
import io.kerberus.techdocs.plugin.build.SiteBuilder;
import io.kerberus.techdocs.plugin.markdown.Warning;
import io.kerberus.techdocs.plugin.mkdocs.MkdocsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kerberus techdocs build --source-dir DIR --output-dir OUT}: builds a mkdocs.yml project
 * into a static site, as {@code techdocs-cli generate} does, without Python or Docker. Warnings go
 * to standard error with file and line; {@code --strict} makes them fail the build.
 */
public final class BuildCommand implements CliCommand {

    @Override
    public String name() {
        return "techdocs build";
    }

    @Override
    public String description() {
        return "Build a mkdocs.yml docs project into a site (like techdocs-cli generate)";
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) {
        return Cli.run(new Options(out, err), args, out, err);
    }

    @Command(name = "kerberus techdocs build", mixinStandardHelpOptions = true, description = {
            "Builds a docs project (mkdocs.yml and a docs/ folder) into a static site with a search index and techdocs_metadata.json.",
            "Publish it with: kerberus techdocs publish"})
    static final class Options implements Callable<Integer> {
        @Option(names = "--source-dir", defaultValue = ".", description = "The project folder, with mkdocs.yml (default: ${DEFAULT-VALUE}).")
        Path sourceDir;
        @Option(names = "--output-dir", defaultValue = "./site", description = "Where the site goes; emptied first (default: ${DEFAULT-VALUE}).")
        Path outputDir;
        @Option(names = "--site-name", description = "The site name when the project has no mkdocs.yml (default: the folder's name).")
        String siteName;
        @Option(names = "--strict", description = "Exit with 1 when the build has warnings.")
        boolean strict;
        @Option(names = {"-q", "--quiet"}, description = "Print only warnings and errors.")
        boolean quiet;
        @Option(names = "--verbose", description = "Print stack traces of errors.")
        boolean verbose;
        @Option(names = {"--no-docker", "--docker-image", "--pull-image", "--legacyCopyReadmeMdToIndexMd", "--techdocs-ref", "--etag"},
                arity = "0..1", hidden = true, description = "Accepted for techdocs-cli compatibility; ignored.")
        List<String> ignored;

        private final PrintWriter out;
        private final PrintWriter err;

        Options(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            Path source = sourceDir.toAbsolutePath().normalize();
            if (!Files.isDirectory(source)) {
                err.println("error: --source-dir " + sourceDir + " is not a folder");
                return 2;
            }
            Path output = outputDir.toAbsolutePath().normalize();
            if (source.startsWith(output)) {
                err.println("error: --output-dir " + outputDir + " contains the source folder; choose a folder outside it, such as ./site");
                return 2;
            }
            try {
                SiteBuilder.Result result = new SiteBuilder(System::getenv, "kerberus " + Version.current())
                        .build(source, output, siteName != null ? siteName : source.getFileName().toString(), Cli.progress(err, quiet));
                for (Warning warning : result.warnings()) {
                    err.println("WARNING " + warning);
                }
                err.flush();
                out.println("Built " + result.pages() + " pages into " + output + " in " + result.millis() + " ms"
                        + (result.warnings().isEmpty() ? "" : " with " + result.warnings().size() + " warning" + (result.warnings().size() == 1 ? "" : "s")));
                return strict && !result.warnings().isEmpty() ? 1 : 0;
            } catch (BuildException | MkdocsException e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
        }
    }
}
