package io.kerberus.test;

import io.kerberus.platform.Backend;
import io.kerberus.platform.config.ConfigLoader;
import io.kerberus.platform.config.LoadedConfig;
import io.kerberus.platform.plugins.PluginSet;
import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginModule;
import io.kerberus.plugin.Principal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Kerberus backend in-process for a test: the chosen plugins, a fresh database (H2 or a
 * PostgreSQL schema), a free port, guest sign-in and a static token. Close it after the test.
 *
 * <pre>{@code
 * try (TestBackend backend = TestBackend.builder().plugins(new MyPlugin()).start()) {
 *     assertThat(backend.http().asGuest().get("/api/my/things").status()).isEqualTo(200);
 * }
 * }</pre>
 */
public final class TestBackend implements AutoCloseable {

    /** The static token every test backend accepts, for subject {@code external:test-client}. */
    public static final String STATIC_TOKEN = "test-static-token-0123456789";

    private static final String DEFAULTS = """
            app:
              title: Kerberus Test
            backend:
              baseUrl: http://localhost
              dataDir: '%s'
              listen:
                port: 0
              scheduler:
                pollInterval: 100ms
                leaseDuration: 2s
              auth:
                externalAccess:
                  - type: static
                    options:
                      token: %s
                      subject: test-client
            auth:
              providers:
                guest: {}
            """;

    private final Backend backend;
    private final Path dataDir;
    /** The PostgreSQL schema this backend created and drops, or null. */
    private final String ownedSchema;

    private TestBackend(Backend backend, Path dataDir, String ownedSchema) {
        this.backend = backend;
        this.dataDir = dataDir;
        this.ownedSchema = ownedSchema;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The running backend. */
    public Backend backend() {
        return backend;
    }

    public int port() {
        return backend.port();
    }

    /** {@code http://localhost:<port>}. */
    public String url() {
        return backend.localUrl();
    }

    /** An HTTP client for this backend, without a credential. */
    public TestHttp http() {
        return new TestHttp(url(), null);
    }

    /** Signs in as guest through the sign-in form, as a browser does: a session cookie and its CSRF token. */
    public TestSession guestSession() {
        return TestSession.signInAsGuest(this);
    }

    /** Makes a scheduled task due now ({@code <plugin-id>.<task-id>}); it runs within a poll interval. */
    public void trigger(String taskId) {
        backend.scheduler().trigger(taskId);
    }

    /** A user token for {@code user:<namespace>/<name>} owning through itself. */
    public String userToken(String userEntityRef) {
        return backend.tokens().issueUserToken(Principal.user(userEntityRef, List.of(userEntityRef), null));
    }

    /** A service token as plugin {@code pluginId} would send. */
    public String serviceToken(String pluginId) {
        return backend.tokens().issueServiceToken(pluginId);
    }

    @Override
    public void close() {
        backend.close();
        if (ownedSchema != null) {
            TestDatabase.dropSchema(ownedSchema);
        }
        deleteTree(dataDir);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chooses plugins, config and database. */
    public static final class Builder {

        private final List<Plugin> plugins = new ArrayList<>();
        private final List<PluginModule> modules = new ArrayList<>();
        private final List<String> yaml = new ArrayList<>();
        private Map<String, String> env = Map.of();
        private TestDatabase database = TestDatabase.H2;
        private String sharedSchema;
        private Clock clock = Clock.systemUTC();

        public Builder plugins(Plugin... more) {
            plugins.addAll(List.of(more));
            return this;
        }

        public Builder modules(PluginModule... more) {
            modules.addAll(List.of(more));
            return this;
        }

        /** Config YAML layered over the test defaults; call it several times for several layers. */
        public Builder config(String moreYaml) {
            yaml.add(moreYaml);
            return this;
        }

        /** Environment variables the config sees ({@code ${VAR}}, {@code APP_CONFIG_*}). */
        public Builder env(Map<String, String> variables) {
            env = Map.copyOf(variables);
            return this;
        }

        public Builder database(TestDatabase choice) {
            database = choice;
            return this;
        }

        /**
         * PostgreSQL with a schema several backends share, as replicas of one deployment do. The test
         * creates the name with {@link TestDatabase#newSchema()} and drops it with {@link TestDatabase#dropSchema}.
         */
        public Builder postgresSchema(String schema) {
            database = TestDatabase.POSTGRES;
            sharedSchema = schema;
            return this;
        }

        public Builder clock(Clock testClock) {
            clock = testClock;
            return this;
        }

        /** Starts the backend; throws what start-up throws. */
        public TestBackend start() {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("kerberus-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String schema = database == TestDatabase.POSTGRES ? (sharedSchema != null ? sharedSchema : TestDatabase.newSchema()) : null;
            String ownedSchema = sharedSchema == null ? schema : null;
            List<ConfigLoader.Layer> layers = new ArrayList<>();
            layers.add(ConfigLoader.Layer.text("test defaults", DEFAULTS.formatted(dataDir, STATIC_TOKEN), dataDir));
            layers.add(ConfigLoader.Layer.text("test database", database.configYaml(schema), dataDir));
            for (int i = 0; i < yaml.size(); i++) {
                layers.add(ConfigLoader.Layer.text("test config " + (i + 1), yaml.get(i), dataDir));
            }
            LoadedConfig config = ConfigLoader.load(layers, env);
            try {
                Backend backend = Backend.start(Backend.prepare(config, PluginSet.of(plugins, modules, config), null), clock);
                return new TestBackend(backend, dataDir, ownedSchema);
            } catch (RuntimeException e) {
                if (ownedSchema != null) {
                    TestDatabase.dropSchema(ownedSchema);
                }
                deleteTree(dataDir);
                throw e;
            }
        }
    }
}
