package io.kerberus.notifications.plugin;

import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.test.Eventually;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A backend with the catalog and the notifications plugin, and an org: team-a (jane, joe) with the
 * child group team-a-ops (ann), team-b (bob), and the component orders owned by team-a.
 */
final class NotificationsFixture {

    static final String ORG = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team-a}
            spec: {type: team, children: [team-a-ops]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team-a-ops}
            spec: {type: team, parent: team-a, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team-b}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: jane}
            spec: {memberOf: [team-a]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: joe}
            spec: {memberOf: [team-a]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: ann}
            spec: {memberOf: [team-a-ops]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: bob}
            spec: {memberOf: [team-b]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: orders}
            spec: {type: service, lifecycle: production, owner: team-a}
            """;

    private NotificationsFixture() {
    }

    static TestBackend start(TestDatabase database) {
        try {
            Path dir = Files.createTempDirectory("notifications-it");
            Files.writeString(dir.resolve("org.yaml"), ORG);
            TestBackend backend = TestBackend.builder().plugins(new CatalogPlugin(), new NotificationsPlugin()).database(database).config("""
                    catalog:
                      processingInterval: 1h
                      rules: [{allow: [Component, Group, User, Location]}]
                      locations:
                        - {type: file, target: '%s'}
                    notifications:
                      trustedHosts: [ci.example.com]
                    """.formatted(dir.resolve("org.yaml"))).start();
            TestHttp reader = backend.http().withToken(backend.userToken("user:default/jane"));
            Eventually.until(() -> reader.get("/api/catalog/entities/by-name/group/default/team-a").json()
                    .path("relations").toString().contains("user:default/joe")
                    && reader.get("/api/catalog/entities/by-name/group/default/team-a-ops").json()
                    .path("relations").toString().contains("user:default/ann")
                    && reader.get("/api/catalog/entities/by-name/component/default/orders").status() == 200, "the org in the catalog");
            return backend;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A word unique to one test, to find its notifications. */
    static String tag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends as the service {@code plugin:ci}. */
    static TestHttp.Result send(TestBackend backend, Map<String, Object> recipients, Map<String, Object> payload) {
        return backend.http().withToken(backend.serviceToken("ci")).postJson("/api/notifications/notifications",
                Map.of("recipients", recipients, "payload", payload));
    }

    static Map<String, Object> to(String... refs) {
        return Map.of("type", "entity", "entityRef", List.of(refs));
    }

    static Map<String, Object> everyone() {
        return Map.of("type", "broadcast");
    }
}
