package io.kerberus.plugin;

/** What a plugin or module declares while it registers, before anything starts. */
public interface Registrar {

    /** The plugin's config subtree (the top-level key named by the plugin id), possibly empty. */
    Config config();

    /** The whole merged config, for the few keys shared by all plugins (for example {@code integrations}). */
    Config rootConfig();

    /**
     * Declares services of other plugins this one uses in its init; those plugins start first.
     * Calling {@link PluginContext#service} for a ref not declared here is an error.
     */
    void requires(ServiceRef<?>... refs);

    /**
     * Declares services of other plugins this one calls only once the backend runs (in request
     * handlers, tasks, lifecycle hooks), never in its init. They do not order start-up, so two
     * plugins may use each other this way; get them with {@link PluginContext#lazyService}. Start-up
     * still fails when no enabled plugin provides one.
     */
    void uses(ServiceRef<?>... refs);

    /**
     * Like {@link #uses}, for services the plugin can do without: start-up does not fail when no
     * enabled plugin provides one (search indexes docs only when TechDocs is there). Get them with
     * {@link PluginContext#optionalService}.
     */
    void usesIfPresent(ServiceRef<?>... refs);

    /** Declares a service this plugin provides in its init through {@link PluginContext#provide}. */
    void provides(ServiceRef<?>... refs);

    /**
     * Offers an extension point: {@code impl} is handed to the modules of this plugin in their
     * init; the plugin reads what they added in its own init.
     */
    <T> void extensionPoint(ExtensionPoint<T> point, T impl);
}
