package io.kerberus.example.plugin;

import io.kerberus.test.TestHttp;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Announcements for tests: posting them through the API, reading lists back. */
final class Announcements {

    private Announcements() {
    }

    /** Posts an announcement through the JSON API and checks that it was created. */
    static TestHttp.Result create(TestHttp client, String title, String body) {
        TestHttp.Result created = client.postJson("/api/example/announcements", Map.of("title", title, "body", body));
        assertThat(created.status()).as("creating %s: %s", title, created.body()).isEqualTo(201);
        return created;
    }

    /** A word no other test uses, to tag a test's announcements and filter on them. */
    static String tag() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** The titles of a list answer, in order. */
    static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(item -> titles.add(item.path("title").asString()));
        return titles;
    }
}
