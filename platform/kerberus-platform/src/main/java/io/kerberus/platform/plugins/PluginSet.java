package io.kerberus.platform.plugins;

import io.kerberus.platform.StartupException;
import io.kerberus.platform.config.LoadedConfig;
import io.kerberus.plugin.Config;
import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The plugins and modules of this app: found on the class path, checked (unique kebab-case ids,
 * no module without its plugin) and filtered by {@code <id>.enabled} and
 * {@code <plugin>.modules.<module>.enabled}.
 *
 * @param plugins the enabled plugins by id, in discovery order
 * @param modules the enabled modules of enabled plugins
 */
public record PluginSet(Map<String, Plugin> plugins, List<PluginModule> modules) {

    private static final Logger LOG = LoggerFactory.getLogger(PluginSet.class);
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** Ids the platform itself uses for its config sections, routes and tables. */
    public static final List<String> RESERVED = List.of("platform", "app", "backend", "auth", "organization", "static", "webjars", "settings", "branding", "sign-in", "healthcheck", "metrics", "api", "permission");

    /** Everything listed in {@code META-INF/services}. */
    public static PluginSet discover(LoadedConfig config) {
        List<Plugin> plugins = new ArrayList<>();
        ServiceLoader.load(Plugin.class).forEach(plugins::add);
        List<PluginModule> modules = new ArrayList<>();
        ServiceLoader.load(PluginModule.class).forEach(modules::add);
        return of(plugins, modules, config);
    }

    /** The given plugins and modules, checked and filtered the same way. */
    public static PluginSet of(List<Plugin> allPlugins, List<PluginModule> allModules, LoadedConfig config) {
        Map<String, Plugin> byId = new LinkedHashMap<>();
        for (Plugin plugin : allPlugins) {
            String id = checkId(plugin.id(), "Plugin " + describe(plugin));
            if (RESERVED.contains(id)) {
                throw new StartupException("Plugin " + describe(plugin) + " uses the id '" + id
                        + "', which the platform reserves (" + String.join(", ", RESERVED) + "). Give the plugin another id.");
            }
            Plugin previous = byId.putIfAbsent(id, plugin);
            if (previous != null) {
                throw new StartupException("Two plugins have the id '" + id + "': " + describe(previous) + " and " + describe(plugin)
                        + ". Remove one of them from the app's dependencies, or give one another id.");
            }
        }
        Map<String, Plugin> enabled = new LinkedHashMap<>();
        byId.forEach((id, plugin) -> {
            if (config.section(id).getBoolean("enabled", plugin.enabledByDefault())) {
                enabled.put(id, plugin);
            } else {
                config.section(id).ignore("", "plugin '" + id + "' is disabled; its settings are not checked");
                LOG.info("Plugin '{}' is disabled ({}.enabled)", id, id);
            }
        });
        return new PluginSet(enabled, enabledModules(allModules, byId, enabled, config));
    }

    private static List<PluginModule> enabledModules(List<PluginModule> allModules, Map<String, Plugin> all,
                                                     Map<String, Plugin> enabled, LoadedConfig config) {
        List<PluginModule> modules = new ArrayList<>();
        Map<String, PluginModule> seen = new LinkedHashMap<>();
        for (PluginModule module : allModules) {
            String pluginId = module.pluginId();
            String moduleId = checkId(module.moduleId(), "Module " + describe(module));
            if (!all.containsKey(pluginId)) {
                throw new StartupException("Module '" + moduleId + "' (" + describe(module) + ") extends plugin '" + pluginId
                        + "', which is not in this app. Add the plugin's jar (kerberus-" + pluginId
                        + "-plugin) to the app's dependencies, or remove the module.");
            }
            PluginModule previous = seen.putIfAbsent(pluginId + "/" + moduleId, module);
            if (previous != null) {
                throw new StartupException("Two modules of plugin '" + pluginId + "' have the id '" + moduleId + "': "
                        + describe(previous) + " and " + describe(module) + ". Remove one of them, or give one another id.");
            }
            if (!enabled.containsKey(pluginId)) {
                LOG.info("Module '{}' is off because plugin '{}' is disabled", moduleId, pluginId);
                continue;
            }
            Config moduleConfig = config.section(pluginId).getOptionalConfig("modules." + moduleId).orElse(null);
            if (moduleConfig != null && !moduleConfig.getBoolean("enabled", true)) {
                LOG.info("Module '{}' of plugin '{}' is disabled ({}.modules.{}.enabled)", moduleId, pluginId, pluginId, moduleId);
                continue;
            }
            modules.add(module);
        }
        return List.copyOf(modules);
    }

    private static String checkId(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new StartupException(what + " has the id '" + id + "'; ids are kebab-case: lower-case letters and digits separated by single dashes, starting with a letter.");
        }
        return id;
    }

    /** A class name and the jar it came from, for messages. */
    static String describe(Object extension) {
        Class<?> type = extension.getClass();
        var source = type.getProtectionDomain().getCodeSource();
        String location = source == null || source.getLocation() == null ? "" : source.getLocation().getPath();
        String jar = location.substring(location.lastIndexOf('/', location.length() - 2) + 1);
        return type.getName() + (jar.isEmpty() ? "" : " from " + jar);
    }
}
