package io.kerberus.plugin;

import io.kerberus.plugin.ui.Pages;
import org.slf4j.Logger;

/** The platform services a plugin uses in its init. */
public interface PluginContext {

    /** The plugin's id. */
    String pluginId();

    /**
     * The plugin's config subtree. Read config in {@link Plugin#register}: keys first read here
     * are reported as unknown at start-up (see docs/adr/0002). Never read config in request handlers.
     */
    Config config();

    /** JSON routes mounted under {@code /api/<id>}. */
    Routes routes();

    /** HTML pages mounted under {@code /<id>}, wrapped in the portal shell. */
    Pages pages();

    /** Scheduled tasks, run by one replica at a time. */
    Tasks tasks();

    /** The plugin's database: its own migrations, table prefix and a shared connection pool. */
    Database database();

    /**
     * A directory of the plugin's own for files that are derived and can be rebuilt (a search
     * index, a docs cache): {@code <backend.dataDir>/<plugin-id>}, created on first use. Replicas do
     * not share it; anything that must survive or be shared goes into the database.
     */
    java.nio.file.Path dataDirectory();

    /** The backend's clock: use it for every "now", so that tests can move time. */
    java.time.Clock clock();

    /** Tokens and credentials. */
    Identity identity();

    /** Hooks for start and shutdown. */
    Lifecycle lifecycle();

    /** The portal's audit log, for security-relevant events such as deletions and sign-ins. */
    AuditLog audit();

    /**
     * The permission framework: declare this plugin's permissions and resource rules, and ask
     * whether a principal may do something (see docs/permissions.md).
     */
    Permissions permissions();

    /** A logger named after the plugin. */
    Logger logger();

    /**
     * A service of another plugin, declared in {@link Registrar#requires}.
     *
     * @throws IllegalStateException when the ref was not declared, naming the fix
     */
    <T> T service(ServiceRef<T> ref);

    /**
     * A service declared in {@link Registrar#uses} (or {@link Registrar#requires}), looked up when
     * {@code get()} is first called: from a request handler or task, not from init.
     *
     * @throws IllegalStateException (from {@code get()}) when its plugin has not started yet
     */
    <T> java.util.function.Supplier<T> lazyService(ServiceRef<T> ref);

    /**
     * A service declared in {@link Registrar#usesIfPresent}, looked up on each {@code get()}: empty
     * when no enabled plugin provides it (or, during start-up, when its plugin has not started yet).
     */
    <T> java.util.function.Supplier<java.util.Optional<T>> optionalService(ServiceRef<T> ref);

    /** Provides a service declared in {@link Registrar#provides}. */
    <T> void provide(ServiceRef<T> ref, T service);
}
