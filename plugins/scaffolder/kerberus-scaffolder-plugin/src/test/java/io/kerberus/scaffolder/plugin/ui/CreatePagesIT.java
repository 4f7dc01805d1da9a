package io.kerberus.scaffolder.plugin.ui;

import io.kerberus.catalog.plugin.CatalogPlugin;
import io.kerberus.scaffolder.plugin.ScaffolderPlugin;
import io.kerberus.scaffolder.plugin.api.TestActionsModule;
import io.kerberus.test.Eventually;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import io.kerberus.test.TestSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code /create} pages over HTTP, on both databases: gallery, form steps with errors, review, run page, runs list. */
@DisplayName("Scaffolder pages (issue #7)")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class CreatePagesIT {

    static final String TEMPLATES = """
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata:
              name: hello
              title: Hello service
              description: Says hello
              tags: [java, recommended]
            spec:
              owner: team-a
              type: service
              presentation:
                buttonLabels: {createButtonText: Make it}
              parameters:
                - title: Name it
                  required: [name]
                  properties:
                    name: {title: Name, type: string, pattern: '^[a-z-]+$', ui:autofocus: true, ui:help: 'Lower-case letters and dashes'}
                - title: Secrets
                  properties:
                    token: {title: Token, type: string, ui:field: Secret}
              steps:
                - id: greet
                  name: Greet
                  action: test:echo
                  input: {message: 'hello ${{ parameters.name }} with ${{ secrets.token }}'}
              output:
                links:
                  - {title: Repository, url: 'https://example.com/${{ parameters.name }}'}
                  - {title: Owner, entityRef: 'group:default/team-a'}
                text:
                  - {title: Said, content: '${{ steps.greet.output.echoed }}'}
            ---
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata:
              name: docs-only
              title: Docs site
              tags: [docs]
            spec:
              owner: team-b
              type: documentation
              steps: []
            """;

    static TestBackend backend;
    static TestSession session;
    static Path dir;

    @Parameter
    TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws IOException {
        dir = Files.createTempDirectory("create-pages-it");
        Files.writeString(dir.resolve("templates.yaml"), TEMPLATES);
        backend = TestBackend.builder().plugins(new CatalogPlugin(), new ScaffolderPlugin()).modules(new TestActionsModule())
                .database(database).config("""
                        catalog:
                          processingInterval: 1h
                          fileRoots: ['%s']
                          rules: [{allow: [Component, Group, Location, Template]}]
                          locations:
                            - {type: file, target: '%s'}
                        scaffolder:
                          enabled: true
                          pollInterval: 100ms
                        """.formatted(dir, dir.resolve("templates.yaml"))).start();
        session = TestSession.signInAsGuest(backend);
        Eventually.until(() -> session.get("/create").body().contains("Docs site"), "the templates in the catalog");
    }

    @AfterParameterizedClassInvocation
    static void stop() throws IOException {
        backend.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void galleryShowsTemplatesAsCardsAndFilters() {
        String all = session.get("/create").body();
        String java = session.get("/create?tag=java").body();
        String docs = session.get("/create?type=documentation").body();
        String text = session.get("/create?q=says+hello").body();

        assertThat(all).contains("data-template=\"template:default/hello\"", "data-template=\"template:default/docs-only\"",
                "href=\"/create/templates/default/hello\"", "Says hello");
        assertThat(java).contains("Hello service").doesNotContain("data-template=\"template:default/docs-only\"");
        assertThat(docs).contains("data-template=\"template:default/docs-only\"").doesNotContain("data-template=\"template:default/hello\"");
        assertThat(text).contains("data-template=\"template:default/hello\"").doesNotContain("data-template=\"template:default/docs-only\"");
        assertThat(session.get("/create?owner=nobody").body()).contains("No templates match");
    }

    @Test
    void wrongAnswerStaysOnItsStepWithTheFieldsMessage() {
        TestHttp.Result first = session.get("/create/templates/default/hello");

        TestHttp.Result wrong = step(first.body(), Map.of("v.name", "Not Valid!"), "next");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("Name it", "aria-current=\"step\"", "Lower-case letters and dashes");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("aria-invalid=\"true\"", "class=\"field-error\"", "value=\"Not Valid!\"")
                .contains("1 field needs attention; see below.");
    }

    @Test
    void stepsLeadToReviewThenTheRunPageWithLogAndLinks() {
        String first = session.get("/create/templates/default/hello").body();
        String second = step(first, Map.of("v.name", "hello-world"), "next").body();
        TestHttp.Result review = step(second, Map.of("v.token", "s3cr3t-value"), "next");

        assertThat(second).contains("Secrets", "aria-current=\"step\"");
        assertThat(review.body()).contains("Review", "hello-world", "Make it").doesNotContain(">s3cr3t-value<");

        TestHttp.Result created = step(review.body(), Map.of(), "create");
        assertThat(created.status()).isEqualTo(303);
        String location = created.header("Location").orElseThrow();
        assertThat(location).startsWith("/create/tasks/");
        String[] page = {""};
        Eventually.until(() -> (page[0] = session.get(location).body()).contains("data-task-status=\"completed\""), "the run to complete");
        assertThat(page[0]).contains("[greet] echo hello hello-world with ***", "href=\"https://example.com/hello-world\"",
                "href=\"/catalog/default/group/team-a\"", "Said").doesNotContain("s3cr3t-value");
        assertThat(session.get("/create/tasks").body()).contains(location, "Hello service", "completed");
    }

    @Test
    void backKeepsTheAnswers() {
        String first = session.get("/create/templates/default/hello").body();
        String second = step(first, Map.of("v.name", "kept-name"), "next").body();

        String back = step(second, Map.of(), "back").body();

        assertThat(back).contains("Name it", "value=\"kept-name\"");
    }

    @Test
    void templateWithoutParametersGoesStraightToReview() {
        TestHttp.Result page = session.get("/create/templates/default/docs-only");

        assertThat(page.body()).contains("Review", "Nothing is created until you press");
    }

    @Test
    void forgedValuesAndUnknownTemplatesAreRefused() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_step", "0");
        fields.put("_values", "[not json");
        fields.put("_action", "next");

        assertThat(session.postForm("/create/templates/default/hello", fields).status()).isEqualTo(400);
        assertThat(session.get("/create/templates/default/nope").status()).isEqualTo(404);
        assertThat(session.postFormWithoutCsrf("/create/templates/default/hello", Map.of("_action", "create")).status()).isEqualTo(403);
    }

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(_step|_values)\" value=\"([^\"]*)\">");

    /** Posts the step's hidden fields with {@code answers} and the button {@code action}, as the browser does. */
    static TestHttp.Result step(String page, Map<String, String> answers, String action) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page);
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        assertThat(fields).containsKeys("_step", "_values");
        fields.putAll(answers);
        fields.put("_action", action);
        return session.postForm("/create/templates/default/hello", fields);
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
