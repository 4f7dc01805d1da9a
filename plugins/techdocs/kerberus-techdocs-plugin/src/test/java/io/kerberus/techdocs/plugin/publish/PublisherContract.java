package io.kerberus.techdocs.plugin.publish;

import io.kerberus.catalog.EntityRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link Publisher} does, as {@link Publisher}'s javadoc says; run by {@link LocalPublisherTest} and {@link S3PublisherIT}. */
abstract class PublisherContract {

    static final EntityRef DOCS = EntityRef.of("component", "default", "docs");
    static final byte[] PNG = pngBytes();

    @TempDir
    Path temp;

    Publisher publisher;

    /** A new, empty publisher for one test. */
    abstract Publisher newPublisher() throws Exception;

    @BeforeEach
    void openPublisher() throws Exception {
        publisher = newPublisher();
    }

    @AfterEach
    void closePublisher() throws Exception {
        if (publisher instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    static Map<String, byte[]> smallSite() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("index.html", utf8("<h1>Docs</h1>"));
        files.put("guide/index.html", utf8("<h1>Guide – ünïcode</h1>"));
        files.put("assets/content.css", utf8("body { color: red }"));
        files.put("img/a.png", PNG);
        files.put(Publisher.METADATA, utf8("{\"site_name\":\"Docs\"}"));
        return files;
    }

    /** Writes {@code files} into a new folder under the test's temporary folder. */
    Path site(Map<String, byte[]> files) throws IOException {
        Path dir = Files.createTempDirectory(temp, "site");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        return dir;
    }

    @Test
    void readsBackEveryPublishedFileByteForByte() throws Exception {
        Map<String, byte[]> files = smallSite();

        publisher.publish(DOCS, site(files));

        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertThat(publisher.read(DOCS, file.getKey())).as(file.getKey()).hasValueSatisfying(
                    bytes -> assertThat(bytes).isEqualTo(file.getValue()));
        }
    }

    @Test
    void readsIndexPageForEmptyOrFolderPath() throws Exception {
        publisher.publish(DOCS, site(smallSite()));

        assertThat(publisher.read(DOCS, "")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("<h1>Docs</h1>")));
        assertThat(publisher.read(DOCS, "guide/")).hasValueSatisfying(
                bytes -> assertThat(bytes).isEqualTo(utf8("<h1>Guide – ünïcode</h1>")));
    }

    @Test
    void readsNothingForMissingFileOrSite() throws Exception {
        publisher.publish(DOCS, site(smallSite()));

        assertThat(publisher.read(DOCS, "missing.html")).isEmpty();
        assertThat(publisher.read(DOCS, "img/")).isEmpty();
        assertThat(publisher.read(EntityRef.of("component", "default", "other"), "index.html")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/etc/passwd", "a/../../b", "guide\\index.html", "..\\..\\x", "a//b", "./index.html", ".."})
    void rejectsPathsThatLeaveTheSite(String path) throws Exception {
        publisher.publish(DOCS, site(smallSite()));

        assertThatThrownBy(() -> publisher.read(DOCS, path)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void republishRemovesDroppedFilesAndUpdatesKeptOnes() throws Exception {
        publisher.publish(DOCS, site(smallSite()));
        Map<String, byte[]> next = smallSite();
        next.remove("guide/index.html");
        next.put("index.html", utf8("<h1>Docs v2</h1>"));
        next.put("new/page.html", utf8("new"));

        publisher.publish(DOCS, site(next));

        assertThat(publisher.read(DOCS, "guide/index.html")).isEmpty();
        assertThat(publisher.read(DOCS, "index.html")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("<h1>Docs v2</h1>")));
        assertThat(publisher.read(DOCS, "new/page.html")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("new")));
        assertThat(publisher.read(DOCS, "img/a.png")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(PNG));
        assertThat(publisher.sites()).containsExactly(DOCS);
    }

    @Test
    void listsPublishedEntitiesWithLowerCasePaths() throws Exception {
        EntityRef mixedCase = EntityRef.of("Component", "Team-A", "Payments-API");
        EntityRef api = EntityRef.of("api", "team-b", "orders");

        publisher.publish(mixedCase, site(smallSite()));
        publisher.publish(api, site(smallSite()));

        assertThat(publisher.sites()).containsExactlyInAnyOrder(
                EntityRef.of("component", "team-a", "payments-api"), EntityRef.of("api", "team-b", "orders"));
        assertThat(publisher.read(EntityRef.of("component", "team-a", "PAYMENTS-api"), "index.html")).isPresent();
    }

    @Test
    void listsOnlySitesWithMetadata() throws Exception {
        Map<String, byte[]> withoutMetadata = smallSite();
        withoutMetadata.remove(Publisher.METADATA);

        publisher.publish(EntityRef.of("component", "default", "half"), site(withoutMetadata));
        publisher.publish(DOCS, site(smallSite()));

        assertThat(publisher.sites()).containsExactly(DOCS);
    }

    @Test
    void deleteRemovesOneSiteAndLeavesTheOthers() throws Exception {
        EntityRef longerName = EntityRef.of("component", "default", "docs-2");
        EntityRef otherKind = EntityRef.of("api", "default", "docs");
        publisher.publish(DOCS, site(smallSite()));
        publisher.publish(longerName, site(smallSite()));
        publisher.publish(otherKind, site(smallSite()));

        publisher.delete(DOCS);
        publisher.delete(EntityRef.of("component", "default", "never-published"));

        assertThat(publisher.read(DOCS, "index.html")).isEmpty();
        assertThat(publisher.read(DOCS, "img/a.png")).isEmpty();
        assertThat(publisher.read(longerName, "img/a.png")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(PNG));
        assertThat(publisher.sites()).containsExactlyInAnyOrder(longerName, otherKind);
    }

    @Test
    void listsNoSitesWhenNothingWasPublished() throws Exception {
        assertThat(publisher.sites()).isEmpty();
    }

    @Test
    void describesWhereSitesGo() {
        assertThat(publisher.describe()).isNotBlank();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A PNG signature followed by every byte value, so that any text decoding would show. */
    private static byte[] pngBytes() {
        byte[] bytes = new byte[8 + 256];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, 8);
        for (int i = 0; i < 256; i++) {
            bytes[8 + i] = (byte) i;
        }
        return bytes;
    }
}
