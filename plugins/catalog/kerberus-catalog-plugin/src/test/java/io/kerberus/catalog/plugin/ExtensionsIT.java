package io.kerberus.catalog.plugin;

import io.kerberus.catalog.CatalogExtensions;
import io.kerberus.catalog.CatalogProcessor;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityProvider;
import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.KindSchema;
import io.kerberus.catalog.LocationSpec;
import io.kerberus.plugin.ModuleContext;
import io.kerberus.plugin.PluginModule;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Modules extend the catalog through its extension points: providers, kinds, processors, placeholders. */
class ExtensionsIT {

    static final String KIND_SCHEMA = """
            {"$schema": "http://json-schema.org/draft-07/schema", "$id": "ServiceLevelV1", "type": "object",
             "allOf": [{"$ref": "Entity"}, {"type": "object", "required": ["spec"],
               "properties": {"apiVersion": {"enum": ["acme.example/v1"]}, "kind": {"enum": ["ServiceLevel"]},
                 "spec": {"type": "object", "required": ["target", "component"],
                   "properties": {"target": {"type": "number"}, "component": {"type": "string"}}}}}]}
            """;

    /** A module with a provider, a kind, a processor that derives a relation, and a placeholder. */
    static final class AcmeModule implements PluginModule {
        final AtomicReference<EntityProvider.Connection> connection = new AtomicReference<>();

        @Override
        public String pluginId() {
            return "catalog";
        }

        @Override
        public String moduleId() {
            return "acme";
        }

        @Override
        public void init(ModuleContext context) {
            context.extensionPoint(CatalogExtensions.PROVIDERS).add(new EntityProvider() {
                @Override
                public String name() {
                    return "hr-directory";
                }

                @Override
                public void connect(Connection conn) {
                    connection.set(conn);
                    conn.applyFull(List.of(user("alice"), user("bob")));
                }
            });
            context.extensionPoint(CatalogExtensions.KINDS).add(new KindSchema("ServiceLevel", KIND_SCHEMA));
            context.extensionPoint(CatalogExtensions.PROCESSORS).add(new CatalogProcessor() {
                @Override
                public String name() {
                    return "service-level-relations";
                }

                @Override
                public Entity postProcess(Entity entity, LocationSpec location, Emitter emit) {
                    if ("ServiceLevel".equals(entity.kind())) {
                        emit.relation(entity.ref(), "dependsOn", EntityRef.parse(entity.specString("component").orElseThrow(), "component", "default"));
                    }
                    return entity;
                }
            });
            context.extensionPoint(CatalogExtensions.PLACEHOLDERS).add("upper", (value, location, reader) -> value.toUpperCase());
        }

        static Entity user(String name) {
            return Entity.of(Map.of("apiVersion", "backstage.io/v1alpha1", "kind", "User", "metadata", Map.of("name", name),
                    "spec", Map.of("memberOf", List.of())));
        }
    }

    @Test
    void providersKindsProcessorsAndPlaceholdersFromAModule() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("catalog-ext");
        java.nio.file.Files.writeString(dir.resolve("c.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: checkout
                  description:
                    $upper: takes the money
                spec: {type: service, lifecycle: production, owner: team-a}
                ---
                apiVersion: acme.example/v1
                kind: ServiceLevel
                metadata: {name: checkout-slo}
                spec: {target: 99.9, component: checkout}
                ---
                apiVersion: acme.example/v1
                kind: ServiceLevel
                metadata: {name: broken-slo}
                spec: {target: high, component: checkout}
                """);
        AcmeModule module = new AcmeModule();
        try (TestBackend backend = TestBackend.builder().plugins(new CatalogPlugin()).modules(module)
                .config("catalog:\n  rules: [{allow: ['*']}]\n  fileRoots: ['" + dir + "']\n  locations: [{type: file, target: '" + dir.resolve("c.yaml") + "'}]\n")
                .start()) {
            TestHttp http = backend.http().asStaticClient();

            CatalogTestSupport.await(() -> CatalogTestSupport.entity(http, "user", "default", "bob") != null
                    && CatalogTestSupport.entity(http, "servicelevel", "default", "checkout-slo") != null, "provided and custom entities");
            JsonNode alice = CatalogTestSupport.entity(http, "user", "default", "alice");
            assertThat(alice.path("metadata").path("annotations").path("backstage.io/managed-by-location").asString()).isEqualTo("provider:hr-directory");
            assertThat(alice.path("metadata").path("annotations").has("backstage.io/orphan")).isFalse();
            assertThat(CatalogTestSupport.entity(http, "component", "default", "checkout").path("metadata").path("description").asString())
                    .isEqualTo("TAKES THE MONEY");
            CatalogTestSupport.await(() -> BackstageExamplesIT.relations(CatalogTestSupport.entity(http, "component", "default", "checkout"))
                    .contains("dependencyOf servicelevel:default/checkout-slo"), "the relation from the processor");
            assertThat(CatalogTestSupport.entity(http, "servicelevel", "default", "broken-slo")).isNull();

            module.connection.get().applyDelta(List.of(AcmeModule.user("carol")), List.of(EntityRef.parse("user:default/bob")));

            CatalogTestSupport.await(() -> CatalogTestSupport.entity(http, "user", "default", "carol") != null
                    && CatalogTestSupport.entity(http, "user", "default", "bob") == null, "the delta mutation");
            module.connection.get().applyFull(List.of(AcmeModule.user("dave")));
            CatalogTestSupport.await(() -> CatalogTestSupport.entity(http, "user", "default", "dave") != null
                    && CatalogTestSupport.entity(http, "user", "default", "alice") == null
                    && CatalogTestSupport.entity(http, "user", "default", "carol") == null, "the full mutation");
        }
    }
}
