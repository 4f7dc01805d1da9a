package io.kerberus.platform;

import io.kerberus.platform.auth.AuthPages;
import io.kerberus.platform.auth.AuthRoutes;
import io.kerberus.platform.auth.Cookies;
import io.kerberus.platform.auth.PluginIdentity;
import io.kerberus.platform.auth.ProviderRoutes;
import io.kerberus.platform.auth.SessionStore;
import io.kerberus.platform.auth.SessionUsers;
import io.kerberus.platform.auth.SigningKeys;
import io.kerberus.platform.auth.Tokens;
import io.kerberus.platform.config.LoadedConfig;
import io.kerberus.platform.db.ConnectionPool;
import io.kerberus.platform.db.Migrations;
import io.kerberus.platform.db.PluginDatabase;
import io.kerberus.platform.http.Credentials;
import io.kerberus.platform.http.Health;
import io.kerberus.platform.http.HttpServer;
import io.kerberus.platform.http.PluginRoutes;
import io.kerberus.platform.http.RouteTable;
import io.kerberus.platform.permission.JdbcAuditLog;
import io.kerberus.platform.permission.PermissionPages;
import io.kerberus.platform.permission.PermissionRoutes;
import io.kerberus.platform.permission.PermissionService;
import io.kerberus.platform.permission.RoleStore;
import io.kerberus.platform.plugins.PluginHost;
import io.kerberus.platform.plugins.PluginParts;
import io.kerberus.platform.plugins.PluginSet;
import io.kerberus.platform.scheduler.JdbcScheduler;
import io.kerberus.platform.scheduler.PluginTasks;
import io.kerberus.platform.ui.PluginPages;
import io.kerberus.platform.ui.SettingsPages;
import io.kerberus.platform.ui.Shell;
import io.kerberus.platform.ui.ThemeStore;
import io.kerberus.plugin.Schedule;
import io.kerberus.plugin.auth.UserDirectory;
import io.kerberus.plugin.ui.Icon;
import io.kerberus.plugin.ui.NavItem;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A running Kerberus backend. Start-up order: load config, discover plugins, register (read config),
 * migrate, init modules and plugins, mount routes and pages, listen, start tasks. Each step fails
 * with a {@link StartupException} or {@link io.kerberus.plugin.ConfigException} naming the fix.
 */
public final class Backend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);

    private final PlatformSettings settings;
    private final ConnectionPool pool;
    private final JdbcScheduler scheduler;
    private final HttpServer http;
    private final Lifecycles lifecycles;
    private final Tokens tokens;
    private final List<String> plugins;
    private JdbcAuditLog audit;
    private PermissionService permissions;
    private SessionUsers sessionUsers;
    private boolean serving = true;
    private volatile boolean closed;

    private Backend(PlatformSettings settings, ConnectionPool pool, JdbcScheduler scheduler, HttpServer http,
                    Lifecycles lifecycles, Tokens tokens, List<String> plugins) {
        this.settings = settings;
        this.pool = pool;
        this.scheduler = scheduler;
        this.http = http;
        this.lifecycles = lifecycles;
        this.tokens = tokens;
        this.plugins = plugins;
    }

    /**
     * The checked result of the steps before anything starts: config read by the platform and every
     * plugin, and the unknown-key report. {@code config check} stops here.
     *
     * @param config   the merged config
     * @param settings the platform's settings
     * @param host     the registered plugins
     * @param keys     unknown keys (errors) and ignored settings (warnings)
     */
    public record Prepared(LoadedConfig config, PlatformSettings settings, PluginHost host, LoadedConfig.KeyReport keys) {
    }

    /** Reads the platform's and the plugins' config and checks for unknown keys. */
    public static Prepared prepare(LoadedConfig config, PluginSet plugins, Integer portOverride) {
        PlatformSettings settings = PlatformSettings.from(config.root(), portOverride);
        PluginHost host = PluginHost.register(plugins, config);
        List<String> claimed = new ArrayList<>(PlatformSettings.SECTIONS);
        claimed.addAll(host.pluginIds());
        return new Prepared(config, settings, host, config.checkKeys(claimed));
    }

    /** Starts a prepared backend; unknown config keys fail start-up before anything else happens. */
    public static Backend start(Prepared prepared, Clock clock) {
        return start(prepared, clock, true);
    }

    /**
     * Migrates and inits every plugin without listening, running tasks or firing the started hooks:
     * for commands such as {@code permission check} that need the plugins' services but must not serve.
     */
    public static Backend startWithoutServing(Prepared prepared, Clock clock) {
        return start(prepared, clock, false);
    }

    private static Backend start(Prepared prepared, Clock clock, boolean serve) {
        if (!prepared.keys().errors().isEmpty()) {
            throw new StartupException("The config has unknown keys:\n  " + String.join("\n  ", prepared.keys().errors()));
        }
        prepared.keys().warnings().forEach(warning -> LOG.warn("Config: {}", warning));
        PlatformSettings settings = prepared.settings();
        if (!settings.permission().enabled()) {
            LOG.warn("permission.enabled is false: every signed-in user and service may do everything, delete any entity included;"
                    + " remove it to apply the default policy and permission.rbac");
        }
        ConnectionPool pool = ConnectionPool.open(settings.database());
        try {
            return start(prepared, settings, pool, clock, serve);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static Backend start(Prepared prepared, PlatformSettings settings, ConnectionPool pool, Clock clock, boolean serve) {
        ClassLoader loader = Backend.class.getClassLoader();
        Migrations.migrate(pool, "platform", loader);
        for (String pluginId : prepared.host().pluginIds()) {
            Migrations.migrate(pool, pluginId, Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader() : loader);
        }
        String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        JdbcScheduler scheduler = new JdbcScheduler(pool.jdbi(), node, settings.scheduler(), clock);
        SigningKeys keys = new SigningKeys(pool.jdbi(), clock, settings.auth().tokenLifetime());
        Tokens tokens = new Tokens(keys, settings.backend().baseUrl() + "/api/auth", settings.auth().tokenLifetime(),
                settings.auth().staticTokens(), clock);
        SessionStore sessions = new SessionStore(pool.jdbi(), clock, settings.auth().sessionDuration());
        RouteTable table = new RouteTable();
        JdbcAuditLog audit = new JdbcAuditLog(pool.jdbi(), clock);
        RoleStore roles = new RoleStore(pool.jdbi(), clock, settings.permission().roles(), settings.permission().cacheTtl(), audit);
        PermissionService permissions = new PermissionService(settings.permission(), roles);
        ThemeStore themes = new ThemeStore(pool.jdbi());
        SettingsPages settingsPages = new SettingsPages(themes, table, settings.branding());
        Shell shell = new Shell(settings.branding(), table, settingsPages::themeOf);
        Cookies cookies = new Cookies(settings.backend().baseUrl().startsWith("https://"));
        PluginPages root = PluginPages.root(table);
        settingsPages.mount(root);
        AuthPages authPages = new AuthPages(settings.auth(), sessions, shell, cookies, audit);
        authPages.mount(root);
        PluginRoutes authRoutes = new PluginRoutes(table, "auth");
        SessionUsers sessionUsers = new SessionUsers(sessions, () -> prepared.host().service(UserDirectory.REF), settings.auth(), audit);
        new AuthRoutes(tokens, keys, settings.auth(), settings.backend().baseUrl(), sessions, cookies, sessionUsers,
                permissions::requireAdmin, audit).mount(authRoutes);
        new ProviderRoutes(settings.auth(), sessions, tokens, cookies, authPages, () -> prepared.host().service(UserDirectory.REF),
                sessionUsers, audit, settings.backend().baseUrl()).mount(authRoutes);
        root.nav(new NavItem("Home", "/", Icon.HOME, 0));
        new PermissionRoutes(permissions, audit).mount(new PluginRoutes(table, "permission"));
        new PermissionPages(permissions, roles, audit).mount(new PluginPages(table, "permission"));
        scheduler.register("platform.delete-expired-sessions", Schedule.every(Duration.ofHours(1)), run -> sessions.deleteExpired());

        Lifecycles lifecycles = new Lifecycles();
        prepared.host().init(pluginId -> new PluginParts(new PluginRoutes(table, pluginId), new PluginPages(table, pluginId),
                new PluginTasks(scheduler, pluginId), new PluginDatabase(pool, pluginId), new PluginIdentity(tokens, pluginId),
                lifecycles, settings.dataDir().resolve(pluginId), clock, audit, permissions.forPlugin(pluginId)));
        // now that every plugin declared its permissions and resource types: refuse config roles they do not know
        permissions.checkConfiguredRoles();

        PrometheusMeterRegistry metrics = metrics();
        Health health = new Health();
        HttpServer http = new HttpServer(settings.backend(), table, new Credentials(tokens, sessions, cookies, sessionUsers), shell, health, metrics);
        Backend backend = new Backend(settings, pool, scheduler, http, lifecycles, tokens, prepared.host().pluginIds());
        backend.audit = audit;
        backend.permissions = permissions;
        backend.sessionUsers = sessionUsers;
        if (!serve) {
            backend.serving = false;
            return backend;
        }
        http.start();
        scheduler.start();
        health.ready();
        lifecycles.fireStarted();
        LOG.info("Kerberus {} started with plugins {} on {}", Shell.version(), backend.plugins, settings.database().describe());
        return backend;
    }

    private static PrometheusMeterRegistry metrics() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    /** The port the server listens on. */
    public int port() {
        return http.port();
    }

    /** The URL of this backend on this machine. */
    public String localUrl() {
        return "http://localhost:" + port();
    }

    public PlatformSettings settings() {
        return settings;
    }

    /** The enabled plugins. */
    public List<String> plugins() {
        return plugins;
    }

    /** The token service, for tools and tests that need to mint tokens. */
    public Tokens tokens() {
        return tokens;
    }

    /** The audit log, for the platform's own events (sign-in) and tools. */
    public JdbcAuditLog audit() {
        return audit;
    }

    /** The permission framework: decisions, roles, the explainer. */
    public PermissionService permissions() {
        return permissions;
    }

    /** Browser sessions kept in step with the user directory; admins end a user's sessions through it. */
    public SessionUsers sessionUsers() {
        return sessionUsers;
    }

    /** The shared database pool. */
    public ConnectionPool database() {
        return pool;
    }

    public JdbcScheduler scheduler() {
        return scheduler;
    }

    /** Stops taking requests, lets running ones finish, stops tasks, runs shutdown hooks, closes the pool. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (serving) {
            http.stop();
        }
        scheduler.close(Duration.ofSeconds(10));
        lifecycles.fireShutdown();
        pool.close();
        LOG.info("Kerberus stopped");
    }
}
