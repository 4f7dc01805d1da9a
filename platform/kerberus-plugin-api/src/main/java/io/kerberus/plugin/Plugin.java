package io.kerberus.plugin;

/**
 * A Kerberus plugin: one feature of the portal (catalog, techdocs, search ...), found by
 * {@link java.util.ServiceLoader} and started by the platform in two phases.
 *
 * <p>Start-up order: load config, discover, {@link #register register}, migrate the database,
 * init modules, {@link #init init} plugins, mount routes and pages, start tasks. A plugin that
 * throws fails start-up with its id in the message.
 *
 * <p>List the implementation in {@code META-INF/services/io.kerberus.plugin.Plugin}.
 */
public interface Plugin {

    /**
     * The plugin's kebab-case id. It names its config key, its {@code /api/<id>} and {@code /<id>}
     * prefixes, its table prefix, migration folder and scheduled-task prefix.
     */
    String id();

    /**
     * Whether the plugin runs when the config does not say {@code <id>.enabled}. Example and
     * experimental plugins bundled in an app return false.
     */
    default boolean enabledByDefault() {
        return true;
    }

    /**
     * Declares what the plugin offers and needs before anything starts: reads and validates its
     * config, declares the services it provides and requires and offers its extension points.
     * Runs for every enabled plugin before any database work, and also in {@code config check}.
     */
    default void register(Registrar registrar) {
    }

    /**
     * Starts the plugin: creates its services, adds routes, pages, nav items and tasks. Runs after
     * the database is migrated, after the modules of this plugin and after the plugins whose
     * services it requires.
     */
    void init(PluginContext context) throws Exception;
}
