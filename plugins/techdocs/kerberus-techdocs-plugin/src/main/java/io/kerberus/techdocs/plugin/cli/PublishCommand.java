package io.kerberus.techdocs.plugin.cli;

import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.CliCommand;
import io.kerberus.techdocs.plugin.publish.LocalPublisher;
import io.kerberus.techdocs.plugin.publish.Publisher;
import io.kerberus.techdocs.plugin.publish.S3Publisher;
import io.kerberus.techdocs.plugin.publish.S3Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kerberus techdocs publish}: uploads a built site for an entity, with techdocs-cli's option
 * names, to a folder or an S3 bucket where a portal with {@code techdocs.builder: external} reads it.
 * S3 credentials come from the AWS SDK's default chain ({@code AWS_ACCESS_KEY_ID}, profiles, roles).
 */
public final class PublishCommand implements CliCommand {

    @Override
    public String name() {
        return "techdocs publish";
    }

    @Override
    public String description() {
        return "Publish a built docs site for an entity to a folder or S3 (like techdocs-cli publish)";
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) {
        return Cli.run(new Options(out, err), args, out, err);
    }

    @Command(name = "kerberus techdocs publish", mixinStandardHelpOptions = true, description = {
            "Publishes a site built by 'kerberus techdocs build' (or techdocs-cli generate) as the docs of an entity."})
    static final class Options implements Callable<Integer> {
        @Option(names = "--entity", required = true, description = "The entity: namespace/kind/name, such as default/component/orders.")
        String entity;
        @Option(names = "--directory", defaultValue = "./site", description = "The built site (default: ${DEFAULT-VALUE}).")
        Path directory;
        @Option(names = "--publisher-type", defaultValue = "local", description = "local or awsS3 (default: ${DEFAULT-VALUE}).")
        String publisherType;
        @Option(names = "--publish-directory", description = "local: the folder the portal reads (techdocs.publisher.local.publishDirectory).")
        Path publishDirectory;
        @Option(names = "--storage-name", description = "awsS3: the bucket.")
        String storageName;
        @Option(names = {"--aws-endpoint", "--awsEndpoint"}, description = "awsS3: an S3-compatible endpoint, such as http://minio:9000.")
        URI awsEndpoint;
        @Option(names = {"--aws-region", "--awsRegion"}, description = "awsS3: the region (default: the SDK's, else us-east-1).")
        String awsRegion;
        @Option(names = {"--aws-s3-force-path-style", "--awsS3ForcePathStyle"}, description = "awsS3: path-style URLs (MinIO, S3Proxy).")
        boolean forcePathStyle;
        @Option(names = {"--aws-bucket-root-path", "--awsBucketRootPath"}, defaultValue = "", description = "awsS3: a key prefix for all sites.")
        String bucketRootPath;
        @Option(names = "--verbose", description = "Print stack traces of errors.")
        boolean verbose;

        private final PrintWriter out;
        private final PrintWriter err;

        Options(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() throws IOException {
            String[] parts = entity.split("/");
            if (parts.length != 3 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
                err.println("error: --entity must be namespace/kind/name, such as default/component/orders; got " + entity);
                return 2;
            }
            EntityRef ref = EntityRef.of(parts[1], parts[0], parts[2]);
            if (!Files.isRegularFile(directory.resolve(Publisher.METADATA))) {
                err.println("error: " + directory + " holds no built site (no " + Publisher.METADATA + "); build it first with kerberus techdocs build");
                return 2;
            }
            Publisher publisher;
            switch (publisherType) {
                case "local" -> {
                    if (publishDirectory == null) {
                        err.println("error: --publisher-type local needs --publish-directory, the folder the portal reads");
                        return 2;
                    }
                    publisher = new LocalPublisher(publishDirectory);
                }
                case "awsS3" -> {
                    if (storageName == null) {
                        err.println("error: --publisher-type awsS3 needs --storage-name, the bucket");
                        return 2;
                    }
                    S3Settings settings = new S3Settings(storageName, bucketRootPath, awsRegion, awsEndpoint, forcePathStyle,
                            System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"));
                    publisher = new S3Publisher(settings);
                }
                default -> {
                    err.println("error: --publisher-type must be local or awsS3, not " + publisherType);
                    return 2;
                }
            }
            try {
                long start = System.nanoTime();
                publisher.publish(ref, directory);
                out.println("Published the docs of " + ref + " to " + publisher.describe() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
                return 0;
            } finally {
                if (publisher instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        // nothing left to do
                    }
                }
            }
        }
    }
}
