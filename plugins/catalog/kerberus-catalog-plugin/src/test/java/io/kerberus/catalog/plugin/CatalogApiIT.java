package io.kerberus.catalog.plugin;

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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint of the catalog API and every filter form, on H2 and PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class CatalogApiIT {

    static final String CATALOG = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team-a, title: Team A}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team-b}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: jane}
            spec: {memberOf: [team-a], profile: {email: jane@example.com, displayName: Jane Doe}}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: System
            metadata: {name: payments}
            spec: {owner: team-a}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: checkout, description: Takes the money, tags: [java, payments]}
            spec: {type: service, lifecycle: production, owner: team-a, system: payments, providesApis: [checkout-api]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: Billing-Worker, tags: [java]}
            spec: {type: worker, lifecycle: experimental, owner: group:team-b, dependsOn: ['component:checkout']}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: web, namespace: shop, tags: [typescript]}
            spec: {type: website, lifecycle: production, owner: group:default/team-b, consumesApis: ['api:default/checkout-api']}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata: {name: checkout-api}
            spec: {type: openapi, lifecycle: production, owner: team-a, definition: 'openapi: 3.0.0'}
            """;

    static TestBackend backend;
    static TestHttp http;
    static Path dir;

    @Parameter
    TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws IOException {
        dir = Files.createTempDirectory("catalog-api");
        Files.writeString(dir.resolve("catalog.yaml"), CATALOG);
        backend = CatalogTestSupport.backend(database, "    - {type: file, target: '" + dir.resolve("catalog.yaml") + "'}\n", dir);
        http = backend.http().asStaticClient();
        CatalogTestSupport.await(() -> total("") == 9, "9 entities (8 + the location)");
        CatalogTestSupport.await(() -> BackstageExamplesIT.relations(CatalogTestSupport.entity(http, "api", "default", "checkout-api"))
                .contains("apiConsumedBy component:shop/web"), "stitching");
    }

    @AfterParameterizedClassInvocation
    static void stop() throws IOException {
        backend.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static long total(String query) {
        return http.get("/api/catalog/entities/by-query?limit=0" + query).json().path("totalItems").asLong();
    }

    static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("metadata").path("name").asString()));
        return names;
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void filtersWithBackstageSemantics() {
        assertThat(names(http.get("/api/catalog/entities?filter=" + q("kind=component,spec.type=service")).json())).containsExactly("checkout");
        assertThat(names(http.get("/api/catalog/entities?filter=" + q("kind=user") + "&filter=" + q("kind=system")).json()))
                .containsExactlyInAnyOrder("jane", "payments");
        assertThat(names(http.get("/api/catalog/entities?filter=" + q("KIND=Component,metadata.name=billing-worker")).json())).containsExactly("Billing-Worker");
        assertThat(names(http.get("/api/catalog/entities?filter=" + q("kind=component,kind=api")).json())).hasSize(4);
        assertThat(names(http.get("/api/catalog/entities?filter=" + q("metadata.tags=java")).json())).containsExactlyInAnyOrder("checkout", "Billing-Worker");
        assertThat(names(http.get("/api/catalog/entities?filter=" + q("relations.ownedBy=group:default/team-b")).json()))
                .containsExactlyInAnyOrder("Billing-Worker", "web");
        assertThat(names(http.get("/api/catalog/entities?filter=" + q("kind=component,metadata.description")).json())).containsExactly("checkout");
        assertThat(names(http.get("/api/catalog/entities?filter=" + q("metadata.namespace=shop")).json())).containsExactly("web");
    }

    @Test
    void listsWithFieldsOrderOffsetAndLimit() {
        JsonNode page = http.get("/api/catalog/entities?filter=kind%3Dcomponent&order=desc:metadata.name&fields=metadata.name,kind&limit=2&offset=1").json();

        assertThat(names(page)).containsExactly("checkout", "Billing-Worker");
        assertThat(page.get(0).properties().stream().map(Map.Entry::getKey).toList()).containsExactly("metadata", "kind");
        assertThat(page.get(0).path("metadata").size()).isEqualTo(1);
    }

    @Test
    void pagesByQueryWithCursorsBothWays() {
        JsonNode first = http.get("/api/catalog/entities/by-query?filter=kind%3Dcomponent&orderField=metadata.name,asc&limit=2").json();
        assertThat(names(first.path("items"))).containsExactly("Billing-Worker", "checkout");
        assertThat(first.path("totalItems").asInt()).isEqualTo(3);
        assertThat(first.path("pageInfo").has("prevCursor")).isFalse();

        JsonNode second = http.get("/api/catalog/entities/by-query?limit=2&cursor=" + first.path("pageInfo").path("nextCursor").asString()).json();
        assertThat(names(second.path("items"))).containsExactly("web");
        assertThat(second.path("pageInfo").has("nextCursor")).isFalse();

        JsonNode back = http.get("/api/catalog/entities/by-query?limit=2&cursor=" + second.path("pageInfo").path("prevCursor").asString()).json();
        assertThat(names(back.path("items"))).containsExactly("Billing-Worker", "checkout");
    }

    @Test
    void filtersByFullTextAndCanSkipTheTotal() {
        JsonNode result = http.get("/api/catalog/entities/by-query?fullTextFilterTerm=MONEY&fullTextFilterFields=metadata.description").json();
        JsonNode withoutTotal = http.get("/api/catalog/entities/by-query?filter=kind%3Dgroup&totalItems=exclude").json();

        assertThat(names(result.path("items"))).containsExactly("checkout");
        assertThat(withoutTotal.has("totalItems")).isFalse();
        assertThat(names(withoutTotal.path("items"))).containsExactlyInAnyOrder("team-a", "team-b");
    }

    @Test
    void fetchesByRefsInOrderWithNullsForMissing() {
        JsonNode result = http.postJson("/api/catalog/entities/by-refs", Map.of(
                "entityRefs", List.of("component:default/checkout", "component:default/nope", "user:jane"),
                "fields", List.of("metadata.name"))).json();

        assertThat(result.path("items")).hasSize(3);
        assertThat(result.path("items").get(0).path("metadata").path("name").asString()).isEqualTo("checkout");
        assertThat(result.path("items").get(1).isNull()).isTrue();
        assertThat(result.path("items").get(2).path("metadata").path("name").asString()).isEqualTo("jane");
    }

    @Test
    void getsByNameAndUidAndAnswers404InBackstagesShape() {
        JsonNode checkout = CatalogTestSupport.entity(http, "Component", "default", "CHECKOUT");
        String uid = checkout.path("metadata").path("uid").asString();

        assertThat(http.get("/api/catalog/entities/by-uid/" + uid).json().path("metadata").path("name").asString()).isEqualTo("checkout");
        TestHttp.Result missing = http.get("/api/catalog/entities/by-name/component/default/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").path("name").asString()).isEqualTo("NotFoundError");
        assertThat(missing.json().path("error").path("message").asString()).isEqualTo("No entity named 'nope' found, with kind 'component' in namespace 'default'");
        assertThat(http.get("/api/catalog/entities/by-uid/nope").status()).isEqualTo(404);
    }

    @Test
    void stitchesRelationsBothWaysWithRefsAndTargets() {
        JsonNode team = CatalogTestSupport.entity(http, "group", "default", "team-a");

        assertThat(BackstageExamplesIT.relations(team)).contains("ownerOf component:default/checkout", "ownerOf system:default/payments",
                "ownerOf api:default/checkout-api", "hasMember user:default/jane");
        JsonNode relation = team.path("relations").get(0);
        assertThat(relation.path("target").path("kind").asString()).isNotEmpty();
        assertThat(BackstageExamplesIT.relations(CatalogTestSupport.entity(http, "component", "default", "checkout")))
                .contains("dependencyOf component:default/billing-worker", "providesApi api:default/checkout-api", "partOf system:default/payments");
    }

    @Test
    void answersAncestryUpToTheRegisteredLocation() {
        JsonNode ancestry = http.get("/api/catalog/entities/by-name/component/default/checkout/ancestry").json();

        assertThat(ancestry.path("rootEntityRef").asString()).isEqualTo("component:default/checkout");
        assertThat(ancestry.path("items")).hasSize(2);
        assertThat(ancestry.path("items").get(1).path("entity").path("kind").asString()).isEqualTo("Location");
        assertThat(ancestry.path("items").get(0).path("parentEntityRefs").get(0).asString()).startsWith("location:default/generated-");
    }

    @Test
    void countsFacetsWithTheValuesAsWritten() {
        JsonNode facets = http.get("/api/catalog/entity-facets?facet=kind&facet=metadata.tags&filter=" + q("kind=component")).json().path("facets");

        assertThat(facets.path("kind").get(0).path("value").asString()).isEqualTo("Component");
        assertThat(facets.path("kind").get(0).path("count").asInt()).isEqualTo(3);
        assertThat(facets.path("metadata.tags").get(0).path("value").asString()).isEqualTo("java");
        assertThat(facets.path("metadata.tags").get(0).path("count").asInt()).isEqualTo(2);
        assertThat(http.get("/api/catalog/entity-facets").status()).isEqualTo(400);
    }

    @Test
    void validatesEntitiesAndAnswersErrorsInBackstagesShape() {
        Map<String, Object> bad = Map.of("apiVersion", "backstage.io/v1alpha1", "kind", "Component", "metadata", Map.of("name", "Invalid Name"),
                "spec", Map.of("type", "service", "lifecycle", "production", "owner", "team-a"));
        Map<String, Object> good = Map.of("apiVersion", "backstage.io/v1alpha1", "kind", "Component", "metadata", Map.of("name", "fine"),
                "spec", Map.of("type", "service", "lifecycle", "production", "owner", "team-a"));

        TestHttp.Result rejected = http.postJson("/api/catalog/validate-entity", Map.of("location", "url:https://example.com/x.yaml", "entity", bad));
        TestHttp.Result accepted = http.postJson("/api/catalog/validate-entity", Map.of("location", "url:https://example.com/x.yaml", "entity", good));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().path("errors").get(0).path("message").asString())
                .startsWith("\"metadata.name\" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total but found \"Invalid Name\"");
        assertThat(accepted.status()).isEqualTo(200);
    }

    @Test
    void refusesBadRequestsWith400() {
        assertThat(http.get("/api/catalog/entities?filter=" + q("kind=component,,x")).status()).isEqualTo(400);
        assertThat(http.get("/api/catalog/entities/by-query?orderField=" + q("metadata.name,sideways")).status()).isEqualTo(400);
        assertThat(http.get("/api/catalog/entities/by-query?cursor=garbage").status()).isEqualTo(400);
        assertThat(http.get("/api/catalog/entities?limit=-1").status()).isEqualTo(400);
        assertThat(http.post("/api/catalog/entities/by-refs", "{}").status()).isEqualTo(400);
        assertThat(http.post("/api/catalog/refresh", "{\"entityRef\":\"component:default/nope\"}").status()).isEqualTo(404);
    }

    @Test
    void needsACredential() {
        assertThat(backend.http().get("/api/catalog/entities").status()).isEqualTo(401);
    }

    @Test
    void listsLocationsAndFindsAnEntitysLocation() {
        JsonNode locations = http.get("/api/catalog/locations").json();
        JsonNode location = http.get("/api/catalog/locations/by-entity/component/default/checkout").json();

        assertThat(locations).hasSize(1);
        assertThat(locations.get(0).path("data").path("type").asString()).isEqualTo("file");
        assertThat(location.path("target").asString()).endsWith("catalog.yaml");
        assertThat(http.get("/api/catalog/locations/" + location.path("id").asString()).json().path("id").asString()).isEqualTo(location.path("id").asString());
        assertThat(http.get("/api/catalog/locations/nope").status()).isEqualTo(404);
    }
}
