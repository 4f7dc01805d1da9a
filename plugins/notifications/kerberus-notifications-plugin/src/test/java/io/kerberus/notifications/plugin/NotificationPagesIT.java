package io.kerberus.notifications.plugin;

import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import io.kerberus.test.TestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static io.kerberus.notifications.plugin.NotificationsFixture.send;
import static io.kerberus.notifications.plugin.NotificationsFixture.tag;
import static io.kerberus.notifications.plugin.NotificationsFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

/** The page at {@code /notifications} and the header bell, over HTTP with a guest's browser session, on both databases. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class NotificationPagesIT {

    static final String GUEST = "user:development/guest";

    static TestBackend backend;
    static TestSession guest;
    static TestHttp guestApi;

    @Parameter
    TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        backend = NotificationsFixture.start(database);
        guest = TestSession.signInAsGuest(backend);
        guestApi = backend.http().withToken(backend.userToken(GUEST));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        backend.close();
    }

    static String sendToGuest(String title, String link) {
        return send(backend, to(GUEST), link == null ? Map.of("title", title) : Map.of("title", title, "link", link))
                .json().get(0).path("id").asString();
    }

    @Test
    void listsNotificationsWithUnreadOnesEmphasisedAndTitlesEscaped() {
        String tag = tag();
        String id = sendToGuest("<b>Alert</b> " + tag, null);

        String page = guest.get("/notifications").body();

        assertThat(page).contains("<li class=\"notification unread\" data-id=\"" + id + "\">")
                .contains("&lt;b&gt;Alert&lt;/b&gt; " + tag)
                .doesNotContain("<b>Alert</b>");
    }

    @Test
    void theHeaderBellShowsTheUnreadCountAndPollsForIt() {
        sendToGuest("Bell " + tag(), null);
        long unread = guestApi.get("/api/notifications/status").json().path("unread").asLong();

        String page = guest.get("/notifications").body();
        String badge = guest.get("/notifications/badge").body();

        assertThat(page).contains("class=\"header-notifications\"").contains("hx-get=\"/notifications/badge\"")
                .contains("hx-trigger=\"load, every 30s\"");
        assertThat(unread).isPositive();
        assertThat(badge).contains("<span class=\"notifications-count\" aria-label=\"" + unread + " unread notifications\">");
    }

    @Test
    void marksANotificationReadThroughTheForm() {
        String tag = tag();
        String id = sendToGuest("Form " + tag, null);

        TestHttp.Result posted = guest.postForm("/notifications/mark", Map.of("id", id, "read", "true", "view", "unread"));

        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.header("Location")).contains("/notifications?view=unread");
        assertThat(guest.get("/notifications?view=unread").body()).doesNotContain("Form " + tag);
        assertThat(guest.get("/notifications").body()).contains("<li class=\"notification read\" data-id=\"" + id + "\">");
    }

    @Test
    void openingANotificationMarksItReadAndGoesToItsLink() {
        String id = sendToGuest("Open " + tag(), "https://ci.example.com/builds/1");

        TestHttp.Result opened = guest.get("/notifications/open/" + id);

        assertThat(opened.status()).isEqualTo(303);
        assertThat(opened.header("Location")).contains("https://ci.example.com/builds/1");
        assertThat(guestApi.get("/api/notifications/notifications/" + id).json().path("read").isNull()).isFalse();
    }

    @Test
    void openingALinkToAnUntrustedHostShowsWhereItGoesInsteadOfRedirecting() {
        String id = sendToGuest("<b>Phish</b> " + tag(), "https://Evil.example.net/login?a=1&b=2");
        String portal = sendToGuest("Portal " + tag(), "/catalog/default/component/orders");

        TestHttp.Result opened = guest.get("/notifications/open/" + id);
        TestHttp.Result local = guest.get("/notifications/open/" + portal);

        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.header("Location")).isEmpty();
        assertThat(opened.body()).contains("This notification links to evil.example.net")
                .contains("href=\"https://Evil.example.net/login?a=1&amp;b=2\"", "href=\"/notifications\"", "&lt;b&gt;Phish")
                .doesNotContain("<b>Phish");
        assertThat(guestApi.get("/api/notifications/notifications/" + id).json().path("read").isNull()).isFalse();
        assertThat(local.status()).isEqualTo(303);
        assertThat(local.header("Location")).contains("/catalog/default/component/orders");
    }

    @Test
    void cannotOpenAnotherUsersNotification() {
        String id = send(backend, to("user:default/jane"), Map.of("title", "Jane's " + tag(), "link", "/catalog")).json().get(0).path("id").asString();

        assertThat(guest.get("/notifications/open/" + id).status()).isEqualTo(404);
        assertThat(backend.http().withToken(backend.userToken("user:default/jane")).get("/api/notifications/notifications/" + id)
                .json().path("read").isNull()).isTrue();
    }

    @Test
    void savedTabShowsOnlySavedOnes() {
        String tag = tag();
        String saved = sendToGuest("Keep " + tag, null);
        sendToGuest("Skip " + tag, null);
        guestApi.postJson("/api/notifications/notifications/update", Map.of("ids", List.of(saved), "saved", true));

        String page = guest.get("/notifications?view=saved").body();

        assertThat(page).contains("Keep " + tag).doesNotContain("Skip " + tag).contains("Unsave");
    }
}
