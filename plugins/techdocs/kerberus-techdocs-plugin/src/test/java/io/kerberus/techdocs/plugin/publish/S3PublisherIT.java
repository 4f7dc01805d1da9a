package io.kerberus.techdocs.plugin.publish;

import io.kerberus.catalog.EntityRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link S3Publisher} against the {@link PublisherContract} and S3's own ways to fail, on an in-memory S3Proxy. */
class S3PublisherIT extends PublisherContract {

    static S3TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    Publisher newPublisher() {
        return new S3Publisher(server.settings(server.createBucket(), ""));
    }

    @Test
    void keepsSitesUnderBucketRootPath() throws Exception {
        String bucket = server.createBucket();
        try (S3Publisher rooted = new S3Publisher(server.settings(bucket, "/techdocs/prod/"));
             S3Publisher unrooted = new S3Publisher(server.settings(bucket, ""))) {

            rooted.publish(DOCS, site(smallSite()));

            assertThat(server.keys(bucket)).hasSize(smallSite().size())
                    .allSatisfy(key -> assertThat(key).startsWith("techdocs/prod/default/component/docs/"))
                    .contains("techdocs/prod/default/component/docs/img/a.png");
            assertThat(rooted.sites()).containsExactly(DOCS);
            assertThat(rooted.describe()).isEqualTo("S3 bucket " + bucket + "/techdocs/prod at " + server.endpoint());
            assertThat(unrooted.sites()).isEmpty();
            assertThat(unrooted.read(DOCS, "index.html")).isEmpty();
        }
    }

    @Test
    void uploadsWithContentTypes() throws Exception {
        String bucket = server.createBucket();
        Map<String, byte[]> files = smallSite();
        files.put("data.bin", new byte[] {1, 2, 3});
        try (S3Publisher s3 = new S3Publisher(server.settings(bucket, ""))) {

            s3.publish(DOCS, site(files));

            assertThat(contentType(bucket, "default/component/docs/index.html")).startsWith("text/html");
            assertThat(contentType(bucket, "default/component/docs/assets/content.css")).startsWith("text/css");
            assertThat(contentType(bucket, "default/component/docs/img/a.png")).isEqualTo("image/png");
            assertThat(contentType(bucket, "default/component/docs/techdocs_metadata.json")).isEqualTo("application/json");
            assertThat(contentType(bucket, "default/component/docs/data.bin")).isEqualTo("application/octet-stream");
        }
    }

    @Test
    void writesMetadataAfterEveryPageAndDeletesStaleFilesLast() throws Exception {
        String bucket = server.createBucket();
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        S3Settings settings = server.settings(bucket, "");
        try (S3Publisher s3 = new S3Publisher(settings, recording(server.client(), calls))) {
            s3.publish(DOCS, site(smallSite()));
            Map<String, byte[]> next = smallSite();
            next.remove("guide/index.html");
            calls.clear();

            s3.publish(DOCS, site(next));

            assertThat(calls).hasSize(next.size() + 1)
                    .endsWith("put default/component/docs/" + Publisher.METADATA, "delete");
        }
    }

    @Test
    void deletesStaleFilesBeyondOneListingPage() throws Exception {
        String bucket = server.createBucket();
        Map<String, byte[]> big = new LinkedHashMap<>();
        for (int i = 0; i < 1100; i++) {
            big.put("pages/p" + i + ".html", utf8("p" + i));
        }
        big.put(Publisher.METADATA, utf8("{}"));
        Map<String, byte[]> small = smallSite();
        try (S3Publisher s3 = new S3Publisher(server.settings(bucket, ""))) {
            s3.publish(DOCS, site(big));
            assertThat(server.keys(bucket)).hasSize(1101);

            s3.publish(DOCS, site(small));

            assertThat(server.keys(bucket)).hasSize(small.size());
            assertThat(s3.read(DOCS, "pages/p1099.html")).isEmpty();
            s3.delete(DOCS);
            assertThat(server.keys(bucket)).isEmpty();
        }
    }

    @Test
    void failsWithoutShowingTheSecretWhenCredentialsAreWrong() throws Exception {
        String bucket = server.createBucket();
        String wrongSecret = "Wrong-Secret-d41d8cd98f";
        S3Settings settings = new S3Settings(bucket, "", null, server.endpoint(), true, S3TestServer.ACCESS_KEY, wrongSecret);
        try (S3Publisher s3 = new S3Publisher(settings)) {
            Map<String, byte[]> files = smallSite();

            List<IOException> failures = List.of(
                    catchIo(() -> s3.publish(DOCS, site(files))),
                    catchIo(() -> s3.read(DOCS, "index.html")),
                    catchIo(s3::sites),
                    catchIo(() -> s3.delete(DOCS)),
                    catchIo(s3::checkBucket));

            assertThat(failures).allSatisfy(failure -> {
                assertThat(failure.getMessage()).contains(bucket).contains("techdocs.publisher.awsS3.credentials");
                assertThat(messages(failure)).doesNotContain(wrongSecret).doesNotContain(S3TestServer.SECRET);
            });
            assertThat(server.keys(bucket)).isEmpty();
        }
    }

    @Test
    void namesTheBucketWhenItDoesNotExist() throws Exception {
        try (S3Publisher s3 = new S3Publisher(server.settings("no-such-bucket", ""))) {
            Map<String, byte[]> files = smallSite();

            List<IOException> failures = List.of(
                    catchIo(() -> s3.publish(DOCS, site(files))),
                    catchIo(() -> s3.read(DOCS, "index.html")),
                    catchIo(s3::sites),
                    catchIo(() -> s3.delete(DOCS)),
                    catchIo(s3::checkBucket));

            assertThat(failures).allSatisfy(failure -> assertThat(failure.getMessage())
                    .contains("bucket no-such-bucket does not exist at " + server.endpoint())
                    .contains("techdocs.publisher.awsS3.bucketName"));
        }
    }

    @Test
    void checksAnExistingBucket() throws Exception {
        try (S3Publisher s3 = new S3Publisher(server.settings(server.createBucket(), ""))) {

            s3.checkBucket();

            assertThat(s3.sites()).isEmpty();
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static IOException catchIo(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("expected an IOException");
    }

    /** The messages of an exception and all its causes and suppressed ones. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                all.append(messages(suppressed));
            }
        }
        return all.toString();
    }

    private static String contentType(String bucket, String key) {
        return server.client().headObject(b -> b.bucket(bucket).key(key)).contentType();
    }

    /** A client that passes every call but {@code close} on to {@code real} and records uploads ("put key") and batch deletes. */
    @SuppressWarnings("unchecked")
    private static S3Client recording(S3Client real, List<String> calls) {
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class}, (proxy, method, args) -> {
            if (method.getName().equals("putObject") && args[0] instanceof Consumer<?> consumer) {
                PutObjectRequest.Builder request = PutObjectRequest.builder();
                ((Consumer<PutObjectRequest.Builder>) consumer).accept(request);
                calls.add("put " + request.build().key());
            } else if (method.getName().equals("putObject")) {
                calls.add("put " + ((PutObjectRequest) args[0]).key());
            } else if (method.getName().equals("deleteObjects")) {
                calls.add("delete");
            } else if (method.getName().equals("close")) {
                return null;
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
