package io.kerberus.search.plugin;

import io.kerberus.plugin.Principal;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search results follow {@code catalog.entity.read}: conditions on kind become engine filters, other
 * conditions a filter on the readable entities' refs; either way results, counts, pages and facets
 * hold only what the user may read. Lucene on H2, the PostgreSQL engine on PostgreSQL.
 */
@DisplayName("Search returns and counts only entities the user may read (issue #8)")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class SearchPermissionIT {

    static SearchPortal portal;

    @Parameter
    TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        portal = SearchPortal.start(database, (database == TestDatabase.POSTGRES ? "search:\n  engine: postgres\n" : "") + """
                permission:
                  rbac:
                    roles:
                      - name: apis-only
                        members: [user:default/ann]
                        rules:
                          - {permission: catalog.entity.read, decision: allow, conditions: {rule: IS_ENTITY_KIND, params: {kinds: [api]}}}
                      - name: apis-and-libraries
                        members: [user:default/bob]
                        rules:
                          - permission: catalog.entity.read
                            decision: allow
                            conditions: {anyOf: [{rule: IS_ENTITY_KIND, params: {kinds: [api]}}, {rule: HAS_SPEC, params: {key: type, value: library}}]}
                      - name: nothing
                        members: [user:default/eve]
                        rules: [{permission: catalog.entity.read, decision: deny}]
                """);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        portal.close();
    }

    static TestHttp as(String user) {
        return portal.backend.http().withToken(portal.backend.backend().tokens().issueUserToken(Principal.user(user, List.of(user), null)));
    }

    static List<String> titles(JsonNode body) {
        List<String> titles = new ArrayList<>();
        body.path("results").forEach(r -> titles.add(r.path("document").path("title").asString()));
        return titles;
    }

    @Test
    void kindConditionsBecomeEngineFilters() {
        JsonNode ann = as("user:default/ann").get("/api/search/query?term=orders").json();

        assertThat(titles(ann)).containsExactly("orders-events");
        assertThat(ann.path("numberOfResults").asInt()).isEqualTo(1);
        assertThat(titles(as("user:default/ann").get("/api/search/query?term=widget").json())).isEmpty();
    }

    @Test
    void otherConditionsFilterByReadableEntitiesWithRightCountsAndPages() {
        TestHttp bob = as("user:default/bob");

        JsonNode first = bob.get("/api/search/query?term=widget&pageLimit=10").json();
        JsonNode second = bob.get("/api/search/query?term=widget&pageLimit=10&pageCursor=" + first.path("nextPageCursor").asString()).json();
        JsonNode orders = bob.get("/api/search/query?term=orders").json();

        assertThat(first.path("numberOfResults").asInt()).isEqualTo(30);
        assertThat(titles(first)).hasSize(10);
        assertThat(titles(second)).hasSize(10).doesNotContainAnyElementsOf(titles(first));
        assertThat(titles(orders)).containsExactly("orders-events");
        assertThat(orders.path("numberOfResults").asInt()).isEqualTo(1);
        assertThat(bob.get("/search?term=orders").body()).doesNotContain("orders-api-gateway").doesNotContain("Ledger handbook");
    }

    @Test
    void deniedUsersFindNothingAndServicesEverything() {
        JsonNode eve = as("user:default/eve").get("/api/search/query?term=orders").json();

        assertThat(titles(eve)).isEmpty();
        assertThat(eve.path("numberOfResults").asInt()).isZero();
        assertThat(titles(portal.api.get("/api/search/query?term=orders").json())).contains("orders", "orders-api-gateway", "orders-events");
    }
}
