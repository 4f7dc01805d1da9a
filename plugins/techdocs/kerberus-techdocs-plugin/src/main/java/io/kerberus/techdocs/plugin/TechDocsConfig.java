package io.kerberus.techdocs.plugin;

import io.kerberus.plugin.Config;
import io.kerberus.techdocs.plugin.publish.S3Settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code techdocs} config section, in Backstage's shape.
 *
 * <pre>
 * techdocs:
 *   builder: local            # local: build on first view and when the source changed; external: only read what CI published
 *   refreshInterval: 1m       # how often a viewed site's source is checked for changes (local builder)
 *   publisher:
 *     type: local             # local (default) or awsS3
 *     local:
 *       publishDirectory: /var/lib/kerberus/techdocs   # default: the plugin's data directory
 *     awsS3:
 *       bucketName: docs
 *       bucketRootPath: sites
 *       region: eu-west-1
 *       endpoint: http://minio:9000      # S3-compatible servers
 *       s3ForcePathStyle: true
 *       credentials:
 *         accessKeyId: ${AWS_ACCESS_KEY_ID}
 *         secretAccessKey: ${AWS_SECRET_ACCESS_KEY}
 * </pre>
 *
 * @param external        whether sites come only from CI ({@code builder: external})
 * @param refreshInterval at most one source check per site in this time
 * @param localDirectory  the folder of the local publisher, empty for the data directory
 * @param s3              the S3 publisher's settings, when {@code publisher.type} is {@code awsS3}
 */
public record TechDocsConfig(boolean external, Duration refreshInterval, Optional<Path> localDirectory, Optional<S3Settings> s3) {

    public static TechDocsConfig from(Config config) {
        String builder = config.getString("builder", "local");
        if (!builder.equals("local") && !builder.equals("external")) {
            throw config.error("builder", "must be local (build docs in the portal) or external (read what CI published), not \"" + builder + "\"");
        }
        config.getOptionalConfig("generator").ifPresent(generator -> {
            generator.ignore("runIn", "Kerberus builds docs in the JVM, without Docker or Python");
            generator.ignore("dockerImage", "Kerberus builds docs in the JVM, without Docker or Python");
            generator.ignore("pullImage", "Kerberus builds docs in the JVM, without Docker or Python");
            generator.ignore("mkdocs", "Kerberus builds docs in the JVM, without MkDocs");
        });
        config.getOptionalConfig("cache").ifPresent(cache -> {
            cache.ignore("ttl", "sites are served from the publisher with ETags");
            cache.ignore("readTimeout", "sites are served from the publisher with ETags");
        });
        config.ignore("legacyUseCaseSensitiveTripletPaths", "site paths are always lower case");
        Duration refresh = config.getDuration("refreshInterval", Duration.ofMinutes(1));
        if (refresh.isNegative()) {
            throw config.error("refreshInterval", "must not be negative");
        }
        Optional<Path> local = Optional.empty();
        Optional<S3Settings> s3 = Optional.empty();
        Optional<Config> publisher = config.getOptionalConfig("publisher");
        String type = publisher.map(p -> p.getString("type", "local")).orElse("local");
        if (type.equals("local")) {
            local = publisher.flatMap(p -> p.getOptionalConfig("local")).flatMap(l -> l.getOptionalString("publishDirectory")).map(Path::of);
        } else if (type.equals("awsS3")) {
            Config aws = publisher.get().getOptionalConfig("awsS3")
                    .orElseThrow(() -> publisher.get().error("awsS3", "is required when publisher.type is awsS3: give at least bucketName"));
            s3 = Optional.of(s3(aws));
        } else {
            throw publisher.get().error("type", "must be local or awsS3, not \"" + type + "\" (googleGcs, azureBlobStorage and openStackSwift"
                    + " are not supported; S3-compatible servers such as MinIO work with awsS3 and endpoint)");
        }
        return new TechDocsConfig(builder.equals("external"), refresh, local, s3);
    }

    private static S3Settings s3(Config aws) {
        Optional<Config> credentials = aws.getOptionalConfig("credentials");
        credentials.ifPresent(c -> c.ignore("roleArn", "assume roles through the AWS SDK's default credential chain instead"));
        aws.ignore("sse", "server-side encryption follows the bucket's default");
        aws.ignore("accountId", "not needed: the bucket is named by bucketName");
        URI endpoint = null;
        Optional<String> endpointText = aws.getOptionalString("endpoint");
        if (endpointText.isPresent()) {
            try {
                endpoint = URI.create(endpointText.get());
                if (endpoint.getScheme() == null || endpoint.getHost() == null) {
                    throw aws.error("endpoint", "expected an http(s) URL such as http://minio:9000 but found \"" + endpointText.get() + "\"");
                }
            } catch (IllegalArgumentException e) {
                throw aws.error("endpoint", "is not a URL: " + e.getMessage());
            }
        }
        try {
            return new S3Settings(aws.getOptionalString("bucketName").orElseThrow(() -> aws.error("bucketName", "is required: name the bucket that holds the docs sites")),
                    aws.getString("bucketRootPath", ""), aws.getOptionalString("region").orElse(null), endpoint,
                    aws.getBoolean("s3ForcePathStyle", false),
                    credentials.flatMap(c -> c.getOptionalString("accessKeyId")).orElse(null),
                    credentials.flatMap(c -> c.getOptionalString("secretAccessKey")).orElse(null));
        } catch (IllegalArgumentException e) {
            throw aws.error("credentials", e.getMessage());
        }
    }
}
