package io.kerberus.plugin;

/**
 * What a module gets in its init: everything its plugin gets (routes and pages land under the
 * plugin's prefixes, tasks under its task prefix), plus the plugin's extension points.
 */
public interface ModuleContext extends PluginContext {

    /** The module's id. */
    String moduleId();

    /**
     * The implementation of an extension point that this module's plugin offers.
     *
     * @throws IllegalStateException when the plugin offers no such extension point
     */
    <T> T extensionPoint(ExtensionPoint<T> point);
}
