package io.kerberus.example.plugin;

import io.kerberus.plugin.ConfigException;
import io.kerberus.test.Eventually;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestClock;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kerberus.example.plugin.Announcements.create;
import static io.kerberus.example.plugin.Announcements.tag;
import static io.kerberus.example.plugin.Announcements.titles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The example plugin through its JSON API, its tasks and its config, on the embedded H2 and on
 * PostgreSQL. The pages are in {@link ExamplePluginPagesIT}, a real browser in {@link ExamplePluginBrowserIT}.
 * One backend per database serves the API tests; each test tags its announcements with a unique word
 * and filters on it, so that tests do not see each other's rows.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class ExamplePluginIT {

    static final String CONFIG = "example:\n  enabled: true\n";
    private static final String JANE = "user:default/jane";
    private static final String JOHN = "user:default/john";

    static TestBackend backend;
    static TestHttp jane;
    static TestHttp john;

    @Parameter
    TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        backend = TestBackend.builder().plugins(new ExamplePlugin()).config(CONFIG).database(database).start();
        jane = backend.http().withToken(backend.userToken(JANE));
        john = backend.http().withToken(backend.userToken(JOHN));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        backend.close();
    }

    @Test
    void createsAnAnnouncementAndAnswersWithItsLocation() {
        TestHttp.Result created = jane.postJson("/api/example/announcements", Map.of("title", "  Release train  ", "body", "Ships on Friday"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode json = created.json();
        assertThat(json.path("id").asLong()).isPositive();
        assertThat(json.path("title").asString()).isEqualTo("Release train");
        assertThat(json.path("body").asString()).isEqualTo("Ships on Friday");
        assertThat(json.path("author").asString()).isEqualTo(JANE);
        assertThat(json.path("createdAt").asLong()).isCloseTo(System.currentTimeMillis(), within(60_000L));
        assertThat(created.header("Location")).contains("/api/example/announcements/" + json.path("id").asLong());
    }

    @Test
    void getsAnAnnouncementByTheIdInItsLocation() {
        TestHttp.Result created = jane.postJson("/api/example/announcements", Map.of("title", "Office closed", "body", "On Monday"));

        TestHttp.Result found = john.get(created.header("Location").orElseThrow());

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json()).isEqualTo(created.json());
    }

    @Test
    void listsMatchingAnnouncementsNewestFirstWithLimitAndOffset() {
        String tag = tag();
        create(jane, "First " + tag, "one");
        create(jane, "Second " + tag, "two");

        JsonNode all = jane.get("/api/example/announcements?q=" + tag).json();
        JsonNode secondPage = jane.get("/api/example/announcements?q=" + tag + "&limit=1&offset=1").json();

        assertThat(all.path("totalItems").asLong()).isEqualTo(2);
        assertThat(titles(all)).containsExactly("Second " + tag, "First " + tag);
        assertThat(secondPage.path("totalItems").asLong()).isEqualTo(2);
        assertThat(titles(secondPage)).containsExactly("First " + tag);
    }

    @Test
    void treatsPercentAndUnderscoreInTheFilterAsPlainText() {
        String tag = tag();
        create(jane, tag + " 50%", "percent");
        create(jane, tag + " 50 cents", "no percent");
        create(jane, tag + " a_b", "underscore");
        create(jane, tag + " axb", "no underscore");

        JsonNode percent = jane.get("/api/example/announcements?q=" + tag + "%2050%25").json();
        JsonNode underscore = jane.get("/api/example/announcements?q=" + tag + "%20a_b").json();

        assertThat(titles(percent)).containsExactly(tag + " 50%");
        assertThat(titles(underscore)).containsExactly(tag + " a_b");
    }

    @Test
    void answers404ForAnUnknownId() {
        TestHttp.Result missing = jane.get("/api/example/announcements/987654321");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").path("name").asString()).isEqualTo("NotFoundError");
        assertThat(missing.json().path("error").path("message").asString()).contains("987654321");
        assertThat(missing.json().path("response").path("statusCode").asInt()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 201})
    void rejectsATitleThatIsEmptyOrTooLongNamingTheField(int length) {
        TestHttp.Result rejected = jane.postJson("/api/example/announcements", Map.of("title", "x".repeat(length), "body", "text"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().path("error").path("name").asString()).isEqualTo("InputError");
        assertThat(rejected.json().path("error").path("message").asString()).startsWith("title:");
    }

    @Test
    void acceptsATitleOfExactly200Characters() {
        TestHttp.Result created = jane.postJson("/api/example/announcements", Map.of("title", "x".repeat(200), "body", "text"));

        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void rejectsABlankTitleAndAMissingBody() {
        TestHttp.Result blankTitle = jane.postJson("/api/example/announcements", Map.of("title", "   ", "body", "text"));
        TestHttp.Result noBody = jane.postJson("/api/example/announcements", Map.of("title", "Hello"));
        TestHttp.Result noJson = jane.post("/api/example/announcements", "");

        assertThat(blankTitle.status()).isEqualTo(400);
        assertThat(blankTitle.json().path("error").path("message").asString()).startsWith("title:");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.json().path("error").path("message").asString()).startsWith("body:");
        assertThat(noJson.status()).isEqualTo(400);
    }

    @Test
    void rejectsANonNumericIdNamingTheParameter() {
        TestHttp.Result get = jane.get("/api/example/announcements/abc");
        TestHttp.Result delete = jane.delete("/api/example/announcements/abc");

        assertThat(get.status()).isEqualTo(400);
        assertThat(get.json().path("error").path("message").asString()).startsWith("id:").contains("\"abc\"");
        assertThat(delete.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "limit=ten", "limit=-1", "offset=-1", "offset=x"})
    void rejectsABadLimitOrOffsetNamingTheParameter(String query) {
        String name = query.substring(0, query.indexOf('='));

        TestHttp.Result rejected = jane.get("/api/example/announcements?" + query);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().path("error").path("name").asString()).isEqualTo("InputError");
        assertThat(rejected.json().path("error").path("message").asString()).startsWith(name + ":");
    }

    @Test
    void letsTheAuthorDeleteAnAnnouncement() {
        String location = create(jane, "Typo " + tag(), "oops").header("Location").orElseThrow();

        TestHttp.Result deleted = jane.delete(location);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(jane.get(location).status()).isEqualTo(404);
    }

    @Test
    void refusesToDeleteAnotherUsersAnnouncement() {
        String location = create(jane, "Mine " + tag(), "hands off").header("Location").orElseThrow();

        TestHttp.Result refused = john.delete(location);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").path("name").asString()).isEqualTo("NotAllowedError");
        assertThat(refused.json().path("error").path("message").asString()).contains(JANE);
        assertThat(jane.get(location).status()).isEqualTo(200);
    }

    @Test
    void refusesEveryRouteWithoutACredential() {
        String tag = tag();
        String location = create(jane, "Private " + tag, "text").header("Location").orElseThrow();
        TestHttp anonymous = backend.http();

        List<Integer> statuses = List.of(
                anonymous.get("/api/example/announcements").status(),
                anonymous.get(location).status(),
                anonymous.postJson("/api/example/announcements", Map.of("title", "Anonymous " + tag, "body", "text")).status(),
                anonymous.delete(location).status());

        assertThat(statuses).containsOnly(401);
        assertThat(anonymous.get(location).json().path("error").path("name").asString()).isEqualTo("AuthenticationError");
        assertThat(titles(jane.get("/api/example/announcements?q=" + tag).json())).containsExactly("Private " + tag);
    }

    // tasks and config

    @Test
    void cleanupTaskDeletesAnnouncementsOlderThanTheRetention() {
        TestClock clock = new TestClock();
        try (TestBackend timed = TestBackend.builder().plugins(new ExamplePlugin()).config(CONFIG).database(database).clock(clock).start()) {
            String old = create(timed.http().withToken(timed.userToken(JANE)), "Old news", "stale").header("Location").orElseThrow();
            clock.advance(Duration.ofDays(31));
            String fresh = create(timed.http().withToken(timed.userToken(JANE)), "Fresh news", "new").header("Location").orElseThrow();

            timed.trigger("example.cleanup");

            TestHttp later = timed.http().withToken(timed.userToken(JANE));
            Eventually.until(() -> later.get(old).status() == 404, "the cleanup task to delete the 31 days old announcement");
            assertThat(later.get(fresh).status()).isEqualTo(200);
        }
    }

    @Test
    void postsTheWelcomeAnnouncementOnceAcrossRestarts(@TempDir Path h2Files) throws InterruptedException {
        String schema = TestDatabase.newSchema();
        try {
            long firstWelcome;
            try (TestBackend first = sameDatabaseOnEveryStart(h2Files, schema).start()) {
                Eventually.until(() -> welcomes(first).size() == 1, "the welcome announcement");
                firstWelcome = welcomes(first).getFirst().path("id").asLong();
                create(first.http().asStaticClient(), "Posted before the restart", "proves the database is kept");
            }
            SchedulerProbe probe = new SchedulerProbe();

            try (TestBackend second = sameDatabaseOnEveryStart(h2Files, schema).plugins(probe).start()) {
                probe.awaitFirstPoll(Duration.ofSeconds(10));
                Eventually.until(() -> !second.backend().scheduler().isRunning("example.welcome"), "the scheduler to settle");

                List<JsonNode> welcomes = welcomes(second);
                assertThat(titles(second.http().asStaticClient().get("/api/example/announcements").json()))
                        .as("the second start's database").contains("Posted before the restart");
                assertThat(welcomes).hasSize(1);
                assertThat(welcomes.getFirst().path("id").asLong()).as("the first start's announcement").isEqualTo(firstWelcome);
                assertThat(welcomes.getFirst().path("body").asString()).isEqualTo("Hello, team!");
                assertThat(welcomes.getFirst().path("author").asString()).isEqualTo("plugin:example");
            }
        } finally {
            if (database == TestDatabase.POSTGRES) {
                TestDatabase.dropSchema(schema);
            }
        }
    }

    @Test
    void staysOffUnlessTheConfigEnablesIt() {
        try (TestBackend plain = TestBackend.builder().plugins(new ExamplePlugin()).database(database).start()) {
            TestHttp.Result api = plain.http().asStaticClient().get("/api/example/announcements");

            assertThat(api.status()).isEqualTo(404);
            assertThat(plain.backend().plugins()).doesNotContain("example");
        }
    }

    @Test
    void refusesToStartWithARetentionUnderAnHourNamingTheKey() {
        TestBackend.Builder builder = TestBackend.builder().plugins(new ExamplePlugin()).database(database)
                .config(CONFIG + "  retention: 10m\n");

        assertThatThrownBy(builder::start).isInstanceOf(ConfigException.class)
                .hasMessageContaining("example.retention: must be at least 1h");
    }

    @Test
    void refusesToStartWithAnUnknownKeyNamingIt() {
        TestBackend.Builder builder = TestBackend.builder().plugins(new ExamplePlugin()).database(database)
                .config(CONFIG + "  retension: 30d\n");

        assertThatThrownBy(builder::start).hasMessageContaining("example.retension").hasMessageContaining("unknown key");
    }

    private TestBackend.Builder sameDatabaseOnEveryStart(Path h2Files, String schema) {
        TestBackend.Builder builder = TestBackend.builder().plugins(new ExamplePlugin())
                .config(CONFIG + "  welcome: Hello, team!\n");
        if (database == TestDatabase.POSTGRES) {
            return builder.postgresSchema(schema);
        }
        return builder.config("backend:\n  database:\n    client: h2\n    connection:\n      directory: '" + h2Files + "'\n");
    }

    private static List<JsonNode> welcomes(TestBackend target) {
        List<JsonNode> found = new ArrayList<>();
        target.http().asStaticClient().get("/api/example/announcements?q=Welcome").json().path("items").forEach(item -> {
            if (item.path("title").asString().equals("Welcome")) {
                found.add(item);
            }
        });
        return found;
    }
}
