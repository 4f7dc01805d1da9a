package io.kerberus.platform.plugins;

import io.kerberus.platform.StartupException;
import io.kerberus.plugin.Config;
import io.kerberus.plugin.ExtensionPoint;
import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginModule;
import io.kerberus.plugin.Registrar;
import io.kerberus.plugin.ServiceRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one plugin or module declared in its {@code register}. */
final class Registration implements Registrar {

    final String pluginId;
    /** Null for a plugin. */
    final String moduleId;
    final Object extension;
    final List<ServiceRef<?>> requires = new ArrayList<>();
    final List<ServiceRef<?>> uses = new ArrayList<>();
    final List<ServiceRef<?>> optionalUses = new ArrayList<>();
    final List<ServiceRef<?>> provides = new ArrayList<>();
    final Map<String, Object> extensionPoints = new LinkedHashMap<>();
    private final Config config;
    private final Config rootConfig;
    private boolean open = true;

    private Registration(String pluginId, String moduleId, Object extension, Config config, Config rootConfig) {
        this.pluginId = pluginId;
        this.moduleId = moduleId;
        this.extension = extension;
        this.config = config;
        this.rootConfig = rootConfig;
    }

    static Registration of(Plugin plugin, Config config, Config rootConfig) {
        return new Registration(plugin.id(), null, plugin, config, rootConfig);
    }

    static Registration of(PluginModule module, Config config, Config rootConfig) {
        return new Registration(module.pluginId(), module.moduleId(), module, config, rootConfig);
    }

    /** "plugin 'catalog'" or "module 'github' of plugin 'catalog'". */
    String name() {
        return moduleId == null ? "plugin '" + pluginId + "'" : "module '" + moduleId + "' of plugin '" + pluginId + "'";
    }

    /** A key for the start-up graph. */
    String key() {
        return moduleId == null ? pluginId : pluginId + "/" + moduleId;
    }

    void close() {
        open = false;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Config rootConfig() {
        return rootConfig;
    }

    @Override
    public void requires(ServiceRef<?>... refs) {
        checkOpen("requires");
        requires.addAll(List.of(refs));
    }

    @Override
    public void uses(ServiceRef<?>... refs) {
        checkOpen("uses");
        uses.addAll(List.of(refs));
    }

    @Override
    public void usesIfPresent(ServiceRef<?>... refs) {
        checkOpen("usesIfPresent");
        optionalUses.addAll(List.of(refs));
    }

    @Override
    public void provides(ServiceRef<?>... refs) {
        checkOpen("provides");
        if (moduleId != null) {
            throw new StartupException(name() + " declares that it provides " + refs[0].id()
                    + ", but only plugins provide services. Move the service into the plugin, or offer it through an extension point.");
        }
        provides.addAll(List.of(refs));
    }

    @Override
    public <T> void extensionPoint(ExtensionPoint<T> point, T impl) {
        checkOpen("extensionPoint");
        if (moduleId != null) {
            throw new StartupException(name() + " offers extension point " + point.id() + ", but only plugins offer extension points.");
        }
        if (!point.type().isInstance(impl)) {
            throw new StartupException(name() + " offers extension point " + point.id() + " with a " + impl.getClass().getName()
                    + ", which is not a " + point.type().getName());
        }
        if (extensionPoints.putIfAbsent(point.id(), impl) != null) {
            throw new StartupException(name() + " offers extension point " + point.id() + " twice.");
        }
    }

    private void checkOpen(String method) {
        if (!open) {
            throw new IllegalStateException(name() + " called Registrar." + method + " after register returned; call it inside register.");
        }
    }
}
