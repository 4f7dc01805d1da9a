package io.kerberus.catalog.plugin;

import io.kerberus.catalog.CatalogExtensions;
import io.kerberus.catalog.CatalogProcessor;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.LocationSpec;
import io.kerberus.plugin.ModuleContext;
import io.kerberus.plugin.PluginModule;
import io.kerberus.test.TestBackend;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Several replicas on one PostgreSQL database share processing without doing an entity twice. */
class ReplicasIT {

    static final Map<String, AtomicInteger> PROCESSED = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> BY_REPLICA = new ConcurrentHashMap<>();

    /** Counts how often each entity is processed, and by which replica. */
    record Counting(String replica) implements PluginModule {
        @Override
        public String pluginId() {
            return "catalog";
        }

        @Override
        public String moduleId() {
            return "counting";
        }

        @Override
        public void init(ModuleContext context) {
            context.extensionPoint(CatalogExtensions.PROCESSORS).add(new CatalogProcessor() {
                @Override
                public String name() {
                    return "counting";
                }

                @Override
                public Entity preProcess(Entity entity, LocationSpec location, Emitter emit) throws InterruptedException {
                    if ("Component".equals(entity.kind())) {
                        PROCESSED.computeIfAbsent(entity.name(), n -> new AtomicInteger()).incrementAndGet();
                        BY_REPLICA.computeIfAbsent(replica, r -> new AtomicInteger()).incrementAndGet();
                        Thread.sleep(2);
                    }
                    return entity;
                }
            });
        }
    }

    @Test
    void twoReplicasProcessTogetherWithoutDoingAnEntityTwice() throws Exception {
        Path dir = Files.createTempDirectory("catalog-replicas");
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            yaml.append(i == 0 ? "" : "---\n").append(ProcessingIT.component("c-" + i, "service"));
        }
        Files.writeString(dir.resolve("many.yaml"), yaml.toString());
        String config = "catalog:\n  rules: [{allow: ['*']}]\n  fileRoots: ['" + dir + "']\n  locations: [{type: file, target: '" + dir.resolve("many.yaml") + "'}]\n";
        String schema = TestDatabase.newSchema();
        try (TestBackend first = TestBackend.builder().plugins(new CatalogPlugin()).modules(new Counting("first")).postgresSchema(schema).config(config).start();
             TestBackend second = TestBackend.builder().plugins(new CatalogPlugin()).modules(new Counting("second")).postgresSchema(schema).config(config).start()) {
            TestHttp one = first.http().asStaticClient();
            TestHttp two = second.http().asStaticClient();

            CatalogTestSupport.await(() -> total(one) == 2001 && total(two) == 2001, "both replicas to serve every entity");

            assertThat(PROCESSED).hasSize(2000);
            assertThat(PROCESSED.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            assertThat(BY_REPLICA.get("first").get()).isPositive();
            assertThat(BY_REPLICA.get("second").get()).isPositive();
        } finally {
            TestDatabase.dropSchema(schema);
        }
    }

    private static long total(TestHttp http) {
        return http.get("/api/catalog/entities/by-query?limit=0").json().path("totalItems").asLong();
    }
}
