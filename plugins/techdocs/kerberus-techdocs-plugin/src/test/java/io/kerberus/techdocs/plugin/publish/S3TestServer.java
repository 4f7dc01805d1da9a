package io.kerberus.techdocs.plugin.publish;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory S3 API server (S3Proxy) on 127.0.0.1 that checks AWS signatures, and a raw client to inspect it. */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "kerberus-test-access-key";
    public static final String SECRET = "Kerberus-S3-Secret-7f3a9c";

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client client;

    private S3TestServer(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        this.client = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET)))
                .build();
    }

    public static S3TestServer start() throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET)
                .build();
        proxy.start();
        return new S3TestServer(proxy);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The raw client, with the right credentials. */
    public S3Client client() {
        return client;
    }

    /** Creates a bucket with a fresh name, so that each test has its own. */
    public String createBucket() {
        String bucket = "docs-" + BUCKETS.incrementAndGet();
        client.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    public S3Settings settings(String bucket, String rootPath) {
        return new S3Settings(bucket, rootPath, null, endpoint, true, ACCESS_KEY, SECRET);
    }

    public List<String> keys(String bucket) {
        return client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    @Override
    public void close() {
        client.close();
        try {
            proxy.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop S3Proxy at " + endpoint, e);
        }
    }
}
