package io.kerberus.techdocs.plugin;

import io.kerberus.techdocs.plugin.cli.BuildCommand;
import io.kerberus.techdocs.plugin.cli.PublishCommand;
import io.kerberus.techdocs.plugin.publish.S3TestServer;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import io.kerberus.test.TestSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TechDocs on S3-compatible storage (a real S3 API: S3Proxy in-process): the portal builds and
 * publishes to the bucket and reads back from it; with {@code builder: external} it only shows what
 * CI published with {@code kerberus techdocs publish --publisher-type awsS3}.
 */
class TechDocsS3IT {

    static S3TestServer s3;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3TestServer.start();
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    static String s3Config(String builder, String bucket, String root) {
        return """
                techdocs:
                  builder: %s
                  refreshInterval: 0s
                  publisher:
                    type: awsS3
                    awsS3:
                      bucketName: %s
                      bucketRootPath: %s
                      endpoint: %s
                      s3ForcePathStyle: true
                      region: us-east-1
                      credentials:
                        accessKeyId: %s
                        secretAccessKey: %s
                """.formatted(builder, bucket, root, s3.endpoint(), S3TestServer.ACCESS_KEY, S3TestServer.SECRET);
    }

    static Document await(DocsPortal portal, TestSession session, String path, String selector) {
        String[] body = {""};
        portal.await(() -> {
            body[0] = session.get(path).body();
            return !Jsoup.parse(body[0]).select(selector).isEmpty();
        }, () -> selector + " at " + path + "; the page shows: " + Jsoup.parse(body[0]).select("main").text());
        return Jsoup.parse(body[0]);
    }

    @Test
    void buildsIntoTheBucketAndReadsFromIt() {
        String bucket = s3.createBucket();
        try (DocsPortal portal = DocsPortal.start(TestDatabase.H2, s3Config("local", bucket, "sites"))) {
            TestSession session = portal.backend.guestSession();
            Document home = await(portal, session, "/docs/default/component/orders/", ".techdocs-reader");
            assertThat(home.select(".techdocs-content h1").text()).startsWith("Orders Service");
            assertThat(s3.keys(bucket)).contains("sites/default/component/orders/index.html", "sites/default/component/orders/img/logo.png",
                    "sites/default/component/orders/techdocs_metadata.json", "sites/default/component/orders/search/search_index.json");
            TestHttp.Result logo = session.get("/docs/default/component/orders/img/logo.png");
            assertThat(logo.status()).isEqualTo(200);
            assertThat(logo.header("Content-Type")).hasValue("image/png");
            assertThat(session.get("/docs/default/component/orders/-/log").body()).doesNotContain(S3TestServer.SECRET);
        }
    }

    @Test
    void externalBuilderShowsOnlyWhatCiPublished(@TempDir Path ci) throws Exception {
        String bucket = s3.createBucket();
        try (DocsPortal portal = DocsPortal.start(TestDatabase.H2, s3Config("external", bucket, ""))) {
            TestSession session = portal.backend.guestSession();
            Document before = Jsoup.parse(session.get("/docs/default/component/orders/").body());
            assertThat(before.select("main").text()).contains("Docs not published yet").contains("techdocs publish");
            assertThat(s3.keys(bucket)).isEmpty();

            // what a CI job runs: build, then publish with AWS credentials from the environment (here: the SDK's system properties)
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertThat(new BuildCommand().run(List.of("--source-dir", portal.dir.resolve("catalog/orders").toString(), "--output-dir",
                    ci.resolve("site").toString(), "-q"), new PrintWriter(out), new PrintWriter(err))).isZero();
            System.setProperty("aws.accessKeyId", S3TestServer.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", S3TestServer.SECRET);
            int published;
            try {
                published = new PublishCommand().run(List.of("--publisher-type", "awsS3", "--storage-name", bucket, "--entity", "default/component/orders",
                        "--directory", ci.resolve("site").toString(), "--awsEndpoint", s3.endpoint().toString(), "--awsS3ForcePathStyle",
                        "--aws-region", "us-east-1"), new PrintWriter(out, true), new PrintWriter(err, true));
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
            assertThat(published).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Published the docs of component:default/orders to S3 bucket " + bucket);

            Document after = await(portal, session, "/docs/default/component/orders/guide/setup/", ".techdocs-reader");
            assertThat(after.select(".techdocs-content .admonition-title").eachText()).contains("Before you start");
            assertThat(after.select("form[action$=-/rebuild]")).isEmpty();
            Document tab = Jsoup.parse(session.get("/catalog/default/component/orders/docs").body());
            assertThat(tab.select(".techdocs-tab .techdocs-content h1").text()).startsWith("Orders Service");
        }
    }
}
