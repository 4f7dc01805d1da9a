package io.kerberus.techdocs.plugin.publish;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link S3Publisher} does without a server: how it describes itself and labels uploads. */
class S3PublisherTest {

    static final String SECRET = "Top-Secret-Key-0123456789";

    @Test
    void describesBucketRootAndEndpointButNeverTheSecret() {
        S3Settings settings = new S3Settings("docs", "/techdocs/", null, URI.create("http://127.0.0.1:9000"), true, "AKIDEXAMPLE", SECRET);

        try (S3Publisher publisher = new S3Publisher(settings)) {

            assertThat(publisher.describe()).isEqualTo("S3 bucket docs/techdocs at http://127.0.0.1:9000");
            assertThat(publisher.toString()).doesNotContain(SECRET);
            assertThat(settings.toString()).doesNotContain(SECRET).contains("secretAccessKey=***");
        }
    }

    @Test
    void describesBucketOnAws() {
        S3Settings settings = new S3Settings("docs", "", "eu-west-1", null, false, null, null);

        try (S3Publisher publisher = new S3Publisher(settings)) {

            assertThat(publisher.describe()).isEqualTo("S3 bucket docs at AWS");
        }
    }

    @Test
    void labelsUploadsByExtension() {
        assertThat(S3Publisher.contentType("a/index.html")).isEqualTo("text/html; charset=utf-8");
        assertThat(S3Publisher.contentType("a/STYLE.CSS")).isEqualTo("text/css; charset=utf-8");
        assertThat(S3Publisher.contentType("a/app.js")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(S3Publisher.contentType("techdocs_metadata.json")).isEqualTo("application/json");
        assertThat(S3Publisher.contentType("img/logo.svg")).isEqualTo("image/svg+xml");
        assertThat(S3Publisher.contentType("img/a.png")).isEqualTo("image/png");
        assertThat(S3Publisher.contentType("img/a.jpg")).isEqualTo("image/jpeg");
        assertThat(S3Publisher.contentType("img/a.gif")).isEqualTo("image/gif");
        assertThat(S3Publisher.contentType("img/a.webp")).isEqualTo("image/webp");
        assertThat(S3Publisher.contentType("fonts/a.woff2")).isEqualTo("font/woff2");
        assertThat(S3Publisher.contentType("robots.txt")).isEqualTo("text/plain; charset=utf-8");
        assertThat(S3Publisher.contentType("files/spec.pdf")).isEqualTo("application/pdf");
        assertThat(S3Publisher.contentType("files/data.bin")).isEqualTo("application/octet-stream");
        assertThat(S3Publisher.contentType("v1.2/README")).isEqualTo("application/octet-stream");
        assertThat(S3Publisher.contentType("a/.hidden")).isEqualTo("application/octet-stream");
    }
}
