package io.kerberus.notifications.plugin;

import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static io.kerberus.notifications.plugin.NotificationsFixture.everyone;
import static io.kerberus.notifications.plugin.NotificationsFixture.send;
import static io.kerberus.notifications.plugin.NotificationsFixture.tag;
import static io.kerberus.notifications.plugin.NotificationsFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

/** The notifications API under {@code /api/notifications} on H2 and PostgreSQL, with groups resolved through the catalog. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class NotificationsPluginIT {

    static TestBackend backend;

    @Parameter
    TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        backend = NotificationsFixture.start(database);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        backend.close();
    }

    static TestHttp as(String user) {
        return backend.http().withToken(backend.userToken(user));
    }

    static List<String> titles(String user, String search) {
        return as(user).get("/api/notifications/notifications?search=" + search).json().path("notifications").findValuesAsString("title");
    }

    @Test
    void sendsToAUserWhoAloneSeesIt() {
        String tag = tag();

        TestHttp.Result sent = send(backend, to("user:default/jane"), Map.of("title", "Build " + tag, "link", "/catalog", "severity", "high"));

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        JsonNode first = sent.json().get(0);
        assertThat(first.path("user").asString()).isEqualTo("user:default/jane");
        assertThat(first.path("origin").asString()).isEqualTo("plugin:ci");
        assertThat(first.path("payload").path("severity").asString()).isEqualTo("high");
        assertThat(titles("user:default/jane", tag)).containsExactly("Build " + tag);
        assertThat(titles("user:default/joe", tag)).isEmpty();
    }

    @Test
    void sendsToAGroupsMembersAndItsChildGroupsMembers() {
        String tag = tag();

        TestHttp.Result sent = send(backend, to("group:default/team-a"), Map.of("title", "Team " + tag));

        assertThat(sent.json().findValuesAsString("user")).containsExactlyInAnyOrder("user:default/jane", "user:default/joe", "user:default/ann");
        assertThat(titles("user:default/joe", tag)).containsExactly("Team " + tag);
        assertThat(titles("user:default/ann", tag)).containsExactly("Team " + tag);
        assertThat(titles("user:default/bob", tag)).isEmpty();
    }

    @Test
    void sendsToAnEntitysOwnersAndHonoursExclusions() {
        String tag = tag();

        TestHttp.Result sent = send(backend, Map.of("type", "entity", "entityRef", "component:default/orders",
                "excludeEntityRef", List.of("user:default/joe", "group:default/team-a-ops")), Map.of("title", "Orders " + tag));

        assertThat(sent.json().findValuesAsString("user")).containsExactly("user:default/jane");
    }

    @Test
    void storesABroadcastOnceWithReadStatePerUser() {
        String tag = tag();

        TestHttp.Result sent = send(backend, everyone(), Map.of("title", "Maintenance " + tag));
        String id = sent.json().get(0).path("id").asString();
        as("user:default/jane").postJson("/api/notifications/notifications/update", Map.of("ids", List.of(id), "read", true));

        assertThat(sent.json().size()).isEqualTo(1);
        assertThat(sent.json().get(0).path("user").isNull()).isTrue();
        assertThat(as("user:default/jane").get("/api/notifications/notifications/" + id).json().path("read").isNull()).isFalse();
        assertThat(as("user:default/bob").get("/api/notifications/notifications/" + id).json().path("read").isNull()).isTrue();
        assertThat(titles("user:default/someone-new", tag)).containsExactly("Maintenance " + tag);
    }

    @Test
    void aNotificationWithTheSameScopeReplacesTheEarlierOneAndIsUnreadAgain() {
        String tag = tag();
        String user = "user:default/scope-" + tag;
        String id = send(backend, to(user), Map.of("title", "Deploying " + tag, "scope", "deploy-" + tag)).json().get(0).path("id").asString();
        as(user).postJson("/api/notifications/notifications/update", Map.of("ids", List.of(id), "read", true));

        TestHttp.Result again = send(backend, to(user), Map.of("title", "Deployed " + tag, "scope", "deploy-" + tag));

        assertThat(again.json().get(0).path("id").asString()).isEqualTo(id);
        JsonNode list = as(user).get("/api/notifications/notifications?search=" + tag).json();
        assertThat(list.path("totalCount").asLong()).isEqualTo(1);
        assertThat(list.path("notifications").get(0).path("payload").path("title").asString()).isEqualTo("Deployed " + tag);
        assertThat(list.path("notifications").get(0).path("read").isNull()).isTrue();
        assertThat(list.path("notifications").get(0).path("updated").isNull()).isFalse();
    }

    @Test
    void marksReadUnreadAndSavedAndCountsThem() {
        String tag = tag();
        String user = "user:default/status-" + tag;
        JsonNode before = as(user).get("/api/notifications/status").json(); // broadcasts of other tests count too
        String first = send(backend, to(user), Map.of("title", "One " + tag)).json().get(0).path("id").asString();
        send(backend, to(user), Map.of("title", "Two " + tag, "severity", "low"));

        TestHttp.Result updated = as(user).postJson("/api/notifications/notifications/update", Map.of("ids", List.of(first), "read", true, "saved", true));

        assertThat(updated.json().get(0).path("read").isNull()).isFalse();
        assertThat(updated.json().get(0).path("saved").isNull()).isFalse();
        JsonNode status = as(user).get("/api/notifications/status").json();
        assertThat(status.path("unread").asLong()).isEqualTo(before.path("unread").asLong() + 1);
        assertThat(status.path("read").asLong()).isEqualTo(before.path("read").asLong() + 1);
        assertThat(titles(user, tag + "&read=false")).containsExactly("Two " + tag);
        assertThat(titles(user, tag + "&saved=true")).containsExactly("One " + tag);
        assertThat(titles(user, tag + "&minimumSeverity=normal")).containsExactly("One " + tag);

        as(user).postJson("/api/notifications/notifications/update", Map.of("ids", List.of(first), "read", false));

        assertThat(as(user).get("/api/notifications/status").json().path("unread").asLong()).isEqualTo(before.path("unread").asLong() + 2);
    }

    @Test
    void aUserCannotReadOrMarkAnotherUsersNotification() {
        String tag = tag();
        String id = send(backend, to("user:default/jane"), Map.of("title", "Private " + tag)).json().get(0).path("id").asString();

        TestHttp.Result peek = as("user:default/bob").get("/api/notifications/notifications/" + id);
        as("user:default/bob").postJson("/api/notifications/notifications/update", Map.of("ids", List.of(id), "read", true));

        assertThat(peek.status()).isEqualTo(404);
        assertThat(as("user:default/jane").get("/api/notifications/notifications/" + id).json().path("read").isNull()).isTrue();
    }

    @Test
    void onlyServicesSendAndOnlyUsersRead() {
        TestHttp.Result byUser = as("user:default/jane").postJson("/api/notifications/notifications",
                Map.of("recipients", everyone(), "payload", Map.of("title", "x")));
        TestHttp.Result byService = backend.http().withToken(backend.serviceToken("ci")).get("/api/notifications/notifications");

        assertThat(byUser.status()).isEqualTo(403);
        assertThat(byService.status()).isEqualTo(403);
        assertThat(backend.http().get("/api/notifications/status").status()).isEqualTo(401);
    }

    @Test
    void rejectsAJavascriptLinkAndAMissingTitle() {
        TestHttp.Result badLink = send(backend, everyone(), Map.of("title", "x", "link", "javascript:alert(1)"));
        TestHttp.Result noTitle = send(backend, everyone(), Map.of("description", "x"));

        assertThat(badLink.status()).isEqualTo(400);
        assertThat(badLink.json().path("error").path("message").asString()).startsWith("payload.link:");
        assertThat(noTitle.status()).isEqualTo(400);
    }
}
