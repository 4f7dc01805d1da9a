package io.kerberus.techdocs.plugin.publish;

import io.kerberus.catalog.EntityRef;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;

/**
 * Sites in an S3 bucket or an S3-compatible store ({@code techdocs.publisher.awsS3}), under
 * {@code [bucketRootPath/]namespace/kind/name/}. SDK failures become {@link IOException}s that name
 * the bucket, the key and what to fix, never the secret; {@link #checkBucket()} makes them happen at
 * start-up rather than on the first page view.
 */
public final class S3Publisher implements Publisher, AutoCloseable {

    private static final int PARALLEL_UPLOADS = 8;
    private static final ThreadFactory UPLOAD_THREADS = Thread.ofPlatform().name("techdocs-s3-upload-", 0).daemon().factory();
    private static final int DELETE_BATCH = 1000;

    private final S3Settings settings;
    private final S3Client client;
    private final String root;

    /** A publisher with its own client, built from the settings; {@link #close()} closes it. */
    public S3Publisher(S3Settings settings) {
        this(settings, client(settings));
    }

    /** A publisher on a given client, which {@link #close()} closes too. */
    S3Publisher(S3Settings settings, S3Client client) {
        this.settings = settings;
        this.client = client;
        this.root = settings.bucketRootPath().isEmpty() ? "" : settings.bucketRootPath() + "/";
    }

    private static S3Client client(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder().forcePathStyle(settings.forcePathStyle());
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        } else if (settings.endpoint() != null) {
            builder.region(Region.US_EAST_1);
        } else {
            // no region configured: the SDK's chain, else us-east-1; either way follow the bucket's region
            builder.region(defaultRegion()).crossRegionAccessEnabled(true);
        }
        if (settings.endpoint() != null) {
            // S3-compatible stores (MinIO, Ceph, R2, ...) often reject the SDK's default CRC trailers
            // and want Content-MD5 on DeleteObjects: send checksums only where S3 requires them, as MD5
            builder.endpointOverride(settings.endpoint())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .addPlugin(LegacyMd5Plugin.create());
        }
        AwsCredentialsProvider credentials = settings.hasCredentials()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()))
                : DefaultCredentialsProvider.builder().build();
        return builder.credentialsProvider(credentials).build();
    }

    private static Region defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return Region.US_EAST_1;
        }
    }

    /**
     * Fails unless the bucket exists and the credentials may use it; call it at start-up so that a
     * wrong bucket name or key fails there, not on the first read.
     */
    public void checkBucket() throws IOException {
        try {
            client.headBucket(b -> b.bucket(settings.bucketName()));
        } catch (SdkException e) {
            throw failure("check", "", e);
        }
    }

    @Override
    public void publish(EntityRef entity, Path siteDir) throws IOException {
        String prefix = prefix(entity);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(siteDir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Set<String> written = new HashSet<>();
        Path metadata = null;
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_UPLOADS, UPLOAD_THREADS)) {
            List<Future<?>> uploads = new ArrayList<>();
            for (Path file : files) {
                String relative = relative(siteDir, file);
                if (relative.equals(METADATA)) {
                    metadata = file;
                    continue;
                }
                written.add(prefix + relative);
                uploads.add(pool.submit(() -> {
                    put(prefix + relative, file);
                    return null;
                }));
            }
            awaitAll(uploads);
        }
        if (metadata != null) {
            put(prefix + METADATA, metadata);
            written.add(prefix + METADATA);
        }
        deleteAllBut(prefix, written);
    }

    private void put(String key, Path file) throws IOException {
        try {
            client.putObject(b -> b.bucket(settings.bucketName()).key(key).contentType(contentType(key)), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw failure("upload", key, e);
        }
    }

    /** Waits for every upload; on the first failure, cancels the rest and throws it. */
    private void awaitAll(List<Future<?>> uploads) throws IOException {
        try {
            for (Future<?> upload : uploads) {
                upload.get();
            }
        } catch (ExecutionException e) {
            uploads.forEach(upload -> upload.cancel(true));
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            uploads.forEach(upload -> upload.cancel(true));
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while publishing to " + describe(), e);
        }
    }

    @Override
    public Optional<byte[]> read(EntityRef entity, String path) throws IOException {
        String key = prefix(entity) + Publisher.checkPath(path);
        try {
            return Optional.of(client.getObjectAsBytes(b -> b.bucket(settings.bucketName()).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(errorCode(e))) {
                return Optional.empty();
            }
            throw failure("read", key, e);
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void delete(EntityRef entity) throws IOException {
        deleteAllBut(prefix(entity), Set.of());
    }

    @Override
    public List<EntityRef> sites() throws IOException {
        List<EntityRef> sites = new ArrayList<>();
        for (String key : keys(root)) {
            String[] parts = key.substring(root.length()).split("/", -1);
            if (parts.length == 4 && parts[3].equals(METADATA) && !parts[0].isEmpty() && !parts[1].isEmpty() && !parts[2].isEmpty()) {
                sites.add(EntityRef.of(parts[1], parts[0], parts[2]));
            }
        }
        return sites;
    }

    /** Deletes the keys under {@code prefix} that are not in {@code keep}, in batches of up to 1000. */
    private void deleteAllBut(String prefix, Set<String> keep) throws IOException {
        List<String> stale = keys(prefix).stream().filter(key -> !keep.contains(key)).toList();
        for (int from = 0; from < stale.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = stale.subList(from, Math.min(from + DELETE_BATCH, stale.size())).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            DeleteObjectsResponse response;
            try {
                response = client.deleteObjects(b -> b.bucket(settings.bucketName()).delete(d -> d.objects(batch).quiet(true)));
            } catch (SdkException e) {
                throw failure("delete", batch.getFirst().key(), e);
            }
            if (response.hasErrors() && !response.errors().isEmpty()) {
                var error = response.errors().getFirst();
                throw new IOException("Could not delete " + response.errors().size() + " objects under " + where(prefix)
                        + ", for example " + error.key() + ": " + error.code() + " " + error.message());
            }
        }
    }

    private List<String> keys(String prefix) throws IOException {
        try {
            return client.listObjectsV2Paginator(b -> b.bucket(settings.bucketName()).prefix(prefix)).contents().stream()
                    .map(S3Object::key).toList();
        } catch (SdkException e) {
            throw failure("list", prefix, e);
        }
    }

    /** The site's key prefix, ending in {@code /} so that {@code name} never matches {@code name-2}. */
    private String prefix(EntityRef entity) {
        return root + Publisher.sitePath(entity) + "/";
    }

    private static String relative(Path siteDir, Path file) {
        StringJoiner key = new StringJoiner("/");
        siteDir.relativize(file).forEach(part -> key.add(part.toString()));
        return key.toString();
    }

    static String contentType(String key) {
        return ContentTypes.of(key);
    }

    private IOException failure(String action, String key, SdkException e) {
        String bucket = settings.bucketName();
        String at = " at " + endpoint();
        String code = e instanceof S3Exception s3 ? errorCode(s3) : null;
        int status = e instanceof S3Exception s3 ? s3.statusCode() : 0;
        String message;
        if ("NoSuchBucket".equals(code) || (status == 404 && action.equals("check"))) {
            message = "bucket " + bucket + " does not exist" + at + ": create it or fix techdocs.publisher.awsS3.bucketName";
        } else if (status == 401 || status == 403) {
            message = "access to bucket " + bucket + at + " denied (" + (code == null ? "HTTP " + status : code) + ") on " + action
                    + " " + where(key) + ": fix techdocs.publisher.awsS3.credentials or the bucket's policy";
        } else if (e instanceof S3Exception s3) {
            message = "could not " + action + " " + where(key) + at + ": " + (code == null ? "" : code + ", ")
                    + "HTTP " + status + ", " + errorMessage(s3);
        } else {
            message = "could not " + action + " " + where(key) + at + ": " + e.getMessage();
        }
        return new IOException(message, e);
    }

    private String where(String key) {
        return "s3://" + settings.bucketName() + "/" + key;
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String errorMessage(S3Exception e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    }

    private String endpoint() {
        return settings.endpoint() == null ? "AWS" : settings.endpoint().toString();
    }

    @Override
    public String describe() {
        return "S3 bucket " + settings.bucketName() + (settings.bucketRootPath().isEmpty() ? "" : "/" + settings.bucketRootPath())
                + " at " + endpoint();
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public void close() {
        client.close();
    }
}
