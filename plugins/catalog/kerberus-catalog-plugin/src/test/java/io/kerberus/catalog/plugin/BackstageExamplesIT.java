package io.kerberus.catalog.plugin;

import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackstageExamplesIT {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void ingestsEveryBackstageExampleWithItsRelations(TestDatabase database) {
        String all = CatalogTestSupport.examples().resolve("all.yaml").toString();
        String org = CatalogTestSupport.examples().resolve("acme-corp.yaml").toString();
        try (TestBackend backend = CatalogTestSupport.backend(database, "    - {type: file, target: '" + all + "'}\n    - {type: file, target: '" + org + "'}\n",
                CatalogTestSupport.examples())) {
            TestHttp http = backend.http().asStaticClient();

            CatalogTestSupport.await(() -> CatalogTestSupport.entity(http, "component", "default", "artist-lookup") != null
                    && CatalogTestSupport.entity(http, "user", "default", "breanna.davison") != null, "the examples to be processed");
            CatalogTestSupport.await(() -> http.get("/api/catalog/entities/by-query?limit=0").json().path("totalItems").asInt() > 60, "all examples");

            JsonNode artist = CatalogTestSupport.entity(http, "component", "default", "artist-lookup");
            assertThat(relations(artist)).contains("ownedBy group:default/team-a", "partOf system:default/artist-engagement-portal",
                    "dependsOn resource:default/artists-db");
            JsonNode team = CatalogTestSupport.entity(http, "group", "default", "team-a");
            CatalogTestSupport.await(() -> relations(CatalogTestSupport.entity(http, "group", "default", "team-a")).contains("ownerOf component:default/artist-lookup"),
                    "the inverse relation on team-a");
            assertThat(team.path("metadata").path("uid").asString()).isNotEmpty();
            assertThat(artist.path("metadata").path("annotations").path("backstage.io/managed-by-location").asString()).startsWith("file:")
                    .endsWith("artist-lookup-component.yaml");
            JsonNode petstore = CatalogTestSupport.entity(http, "api", "default", "petstore");
            assertThat(petstore.path("spec").path("definition").asString()).contains("openapi");
        }
    }

    static List<String> relations(JsonNode entity) {
        List<String> out = new ArrayList<>();
        if (entity != null) {
            entity.path("relations").forEach(r -> out.add(r.path("type").asString() + " " + r.path("targetRef").asString()));
        }
        return out;
    }
}
