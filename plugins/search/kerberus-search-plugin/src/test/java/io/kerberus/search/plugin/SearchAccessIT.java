package io.kerberus.search.plugin;

import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Registrar;
import io.kerberus.search.SearchAccess;
import io.kerberus.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission hook: a plugin providing {@link SearchAccess} narrows every query in the engine,
 * so users find only what they may see and counts and pages stay right.
 */
class SearchAccessIT {

    /** Lets users see only what their own teams own; the static test client sees everything. */
    static final class OwnTeamsOnly implements Plugin {
        @Override
        public String id() {
            return "access-probe";
        }

        @Override
        public void register(Registrar registrar) {
            registrar.provides(SearchAccess.REF);
        }

        @Override
        public void init(PluginContext context) {
            context.provide(SearchAccess.REF, (Principal user) -> user.type() != Principal.Type.USER ? Map.of()
                    : Map.of("owner", user.ownershipRefs().stream().map(ref -> ref.substring(ref.lastIndexOf('/') + 1)).toList()));
        }
    }

    static SearchPortal portal;

    @BeforeAll
    static void start() {
        portal = SearchPortal.start(TestDatabase.H2, "", new OwnTeamsOnly());
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static List<String> titles(JsonNode body) {
        List<String> titles = new ArrayList<>();
        body.path("results").forEach(r -> titles.add(r.path("document").path("title").asString()));
        return titles;
    }

    @Test
    void usersFindOnlyWhatTheirTeamsOwn() {
        // the guest is jane of team-a
        io.kerberus.test.TestSession jane = portal.backend.guestSession();
        JsonNode mine = jane.get("/api/search/query?term=orders").json();
        assertThat(titles(mine)).containsExactlyInAnyOrder("orders", "orders-events");
        assertThat(mine.path("numberOfResults").asInt()).isEqualTo(2);
        assertThat(titles(jane.get("/api/search/query?term=orders&filters[owner]=team-platform").json())).isEmpty();
        assertThat(titles(portal.api.get("/api/search/query?term=orders").json())).contains("orders-api-gateway");
    }
}
