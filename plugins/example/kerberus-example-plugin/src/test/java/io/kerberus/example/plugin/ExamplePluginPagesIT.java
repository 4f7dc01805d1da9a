package io.kerberus.example.plugin;

import io.kerberus.test.TestBackend;
import io.kerberus.test.TestSession;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.kerberus.example.plugin.Announcements.create;
import static io.kerberus.example.plugin.Announcements.tag;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The announcements page at {@code /example} and the home card, over HTTP with a signed-in browser
 * session, on the embedded H2 and on PostgreSQL: rendering, escaping, the form with its CSRF field,
 * and the table's sort, paging and filter parameters.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class ExamplePluginPagesIT {

    private static final String GUEST = "user:development/guest";
    private static final Pattern TITLE_CELL = Pattern.compile("<td data-label=\"Title\"><strong>([^<]*)</strong></td>");

    static TestBackend backend;
    static TestHttp jane;
    static TestSession guest;

    @Parameter
    TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        backend = TestBackend.builder().plugins(new ExamplePlugin()).config(ExamplePluginIT.CONFIG).database(database).start();
        jane = backend.http().withToken(backend.userToken("user:default/jane"));
        guest = TestSession.signInAsGuest(backend);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        backend.close();
    }

    @Test
    void rendersThePageInTheShellForASignedInSession() {
        String tag = tag();
        create(jane, "Lunch talk " + tag, "Pizza at noon");

        TestHttp.Result page = guest.get("/example");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains("<h1 class=\"page-title\">Announcements</h1>")
                .contains("<a class=\"nav-link active\" href=\"/example\"")
                .contains("<input type=\"hidden\" name=\"_csrf\" value=\"" + guest.csrfToken() + "\">")
                .contains("Lunch talk " + tag);
    }

    @Test
    void sendsVisitorsWithoutASessionToSignIn() {
        TestHttp.Result page = backend.http().get("/example?q=x");

        assertThat(page.status()).isEqualTo(303);
        assertThat(page.header("Location")).contains("/sign-in?returnTo=%2Fexample%3Fq%3Dx");
    }

    @Test
    void showsHostileTextAsTextWithoutScriptElements() {
        String tag = tag();
        create(jane, "<script>alert(1)</script>", tag + " <img src=x onerror=alert(2)>");

        String page = guest.get("/example?q=" + tag).body();
        String home = guest.get("/").body();

        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
        assertThat(home).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
        assertThat(scriptsWithoutSrc(page)).isEmpty();
        assertThat(scriptsWithoutSrc(home)).isEmpty();
    }

    @Test
    void refusesAFormPostWithoutTheCsrfField() {
        String tag = tag();

        TestHttp.Result refused = guest.postFormWithoutCsrf("/example", Map.of("title", "Forged " + tag, "body", "from elsewhere"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("CSRF");
        assertThat(jane.get("/api/example/announcements?q=" + tag).json().path("totalItems").asLong()).isZero();
    }

    @Test
    void postsTheFormAndRedirectsBackToThePage() {
        String tag = tag();

        TestHttp.Result posted = guest.postForm("/example", Map.of("title", "Posted " + tag, "body", "from the form"));

        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.header("Location")).contains("/example");
        JsonNode stored = jane.get("/api/example/announcements?q=" + tag).json().path("items").get(0);
        assertThat(stored.path("title").asString()).isEqualTo("Posted " + tag);
        assertThat(stored.path("author").asString()).isEqualTo(GUEST);
    }

    @Test
    void showsTheFormAgainWithTheErrorWhenTheTitleIsEmpty() {
        String tag = tag();

        TestHttp.Result rejected = guest.postForm("/example", Map.of("title", "", "body", "Kept " + tag));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body()).contains("<p class=\"field-error\" role=\"alert\">title: must be 1 to 200 characters</p>")
                .contains(">Kept " + tag + "</textarea>");
        assertThat(jane.get("/api/example/announcements?q=" + tag).json().path("totalItems").asLong()).isZero();
    }

    @Test
    void sortsTheTableByTitleInEitherDirection() {
        String tag = tag();
        create(jane, "Charlie " + tag, "c");
        create(jane, "alpha " + tag, "a");
        create(jane, "Bravo " + tag, "b");

        String ascending = guest.get("/example?q=" + tag + "&sort=title&dir=asc").body();
        String descending = guest.get("/example?q=" + tag + "&sort=title&dir=desc").body();

        assertThat(tableTitles(ascending)).containsExactly("alpha " + tag, "Bravo " + tag, "Charlie " + tag);
        assertThat(ascending).contains("<th scope=\"col\" aria-sort=\"ascending\">");
        assertThat(tableTitles(descending)).containsExactly("Charlie " + tag, "Bravo " + tag, "alpha " + tag);
    }

    @Test
    void pagesThroughTheTable() {
        String tag = tag();
        create(jane, "Charlie " + tag, "c");
        create(jane, "alpha " + tag, "a");
        create(jane, "Bravo " + tag, "b");

        String page = guest.get("/example?q=" + tag + "&sort=title&dir=asc&page=2&size=1").body();

        assertThat(tableTitles(page)).containsExactly("Bravo " + tag);
        assertThat(page).contains("2\u20132 of 3").contains("rel=\"prev\"").contains("rel=\"next\"");
    }

    @Test
    void narrowsTheTableToRowsMatchingTheFilter() {
        String tag = tag();
        String other = tag();
        create(jane, "Picnic " + tag, "Saturday");
        create(jane, "Hackathon " + other, "Sunday");

        String filtered = guest.get("/example?q=" + tag).body();
        String nothing = guest.get("/example?q=" + tag + "-no-such-thing").body();

        assertThat(tableTitles(filtered)).containsExactly("Picnic " + tag);
        assertThat(filtered).contains("value=\"" + tag + "\"");
        assertThat(tableTitles(nothing)).isEmpty();
        assertThat(nothing).contains("Nothing matches this filter.");
    }

    @Test
    void answersHtmxRequestsWithTheTableAlone() {
        String tag = tag();
        create(jane, "Fragment " + tag, "only the table");

        TestHttp.Result fragment = backend.http().send(backend.http().request("/example?q=" + tag)
                .header("Cookie", guest.cookie()).header("HX-Request", "true").GET().build());

        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains("id=\"announcements-results\"").contains("Fragment " + tag)
                .doesNotContain("<html").doesNotContain("New announcement");
    }

    @Test
    void showsTheLatestAnnouncementOnTheHomeCard() {
        String title = "Latest " + tag();
        create(jane, title, "fresh news");

        String home = guest.get("/").body();

        assertThat(home).contains("<h2 class=\"card-title\">Announcements</h2>").contains("<strong>" + title + "</strong>")
                .contains("href=\"/example\"");
    }

    private static List<String> tableTitles(String html) {
        List<String> titles = new ArrayList<>();
        Matcher matcher = TITLE_CELL.matcher(html);
        while (matcher.find()) {
            titles.add(matcher.group(1));
        }
        return titles;
    }

    private static List<String> scriptsWithoutSrc(String html) {
        List<String> scripts = new ArrayList<>();
        Matcher matcher = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html);
        while (matcher.find()) {
            if (!matcher.group().contains(" src=\"/")) {
                scripts.add(matcher.group());
            }
        }
        return scripts;
    }
}
