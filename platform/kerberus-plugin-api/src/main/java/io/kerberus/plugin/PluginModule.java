package io.kerberus.plugin;

/**
 * Extends one plugin through the extension points that plugin offers, for example a catalog
 * processor or an entity tab. A module's {@link #init} runs before the init of the plugin it
 * extends, so that plugin sees everything its modules added.
 *
 * <p>List the implementation in {@code META-INF/services/io.kerberus.plugin.PluginModule}.
 */
public interface PluginModule {

    /** The id of the plugin this module extends. */
    String pluginId();

    /** The module's kebab-case id, unique within its plugin. */
    String moduleId();

    /**
     * Reads the module's config and declares the services it requires. The registrar's config is
     * the plugin's config subtree; modules cannot provide services or extension points.
     */
    default void register(Registrar registrar) {
    }

    /** Adds to the plugin's extension points. */
    void init(ModuleContext context) throws Exception;
}
