package io.kerberus.platform.plugins;

import io.kerberus.platform.StartupException;
import io.kerberus.platform.config.LoadedConfig;
import io.kerberus.plugin.ConfigException;
import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginModule;
import io.kerberus.plugin.ServiceRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs the plugin phases: {@link #register} (config and declarations, no side effects) and
 * {@link #init} (modules before their plugin, providers before requirers).
 */
public final class PluginHost {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final PluginSet set;
    private final List<Registration> order;
    private final Map<String, Registration> plugins;
    private final Map<String, Object> services = new ConcurrentHashMap<>();

    private PluginHost(PluginSet set, List<Registration> order, Map<String, Registration> plugins) {
        this.set = set;
        this.order = order;
        this.plugins = plugins;
    }

    /** Calls every enabled plugin's and module's {@code register} and works out the init order. */
    public static PluginHost register(PluginSet set, LoadedConfig config) {
        List<Registration> registrations = new ArrayList<>();
        Map<String, Registration> plugins = new java.util.LinkedHashMap<>();
        for (Plugin plugin : set.plugins().values()) {
            Registration registration = Registration.of(plugin, config.section(plugin.id()), config.root());
            run(registration, () -> plugin.register(registration), "register");
            registrations.add(registration);
            plugins.put(plugin.id(), registration);
        }
        for (PluginModule module : set.modules()) {
            Registration registration = Registration.of(module, config.section(module.pluginId()), config.root());
            run(registration, () -> module.register(registration), "register");
            registrations.add(registration);
        }
        return new PluginHost(set, StartupOrder.sort(registrations), plugins);
    }

    /** The enabled plugins' ids, whose config sections are checked for unknown keys. */
    public List<String> pluginIds() {
        return List.copyOf(set.plugins().keySet());
    }

    /** The init order, as {@code catalog/github, catalog, techdocs}. */
    public List<String> initOrder() {
        return order.stream().map(Registration::key).toList();
    }

    /**
     * A service some plugin provided in its init, for the platform's own use once plugins have
     * started (the sign-in resolvers' user directory); empty when no enabled plugin provides it.
     */
    public <T> java.util.Optional<T> service(ServiceRef<T> ref) {
        return java.util.Optional.ofNullable(services.get(ref.id())).map(ref.type()::cast);
    }

    /** Inits every module and plugin in order, each with the parts the platform made for its plugin. */
    public void init(Function<String, PluginParts> partsFor) {
        for (Registration registration : order) {
            PluginRuntime runtime = new PluginRuntime(registration, plugins.get(registration.pluginId),
                    partsFor.apply(registration.pluginId), services);
            long started = System.nanoTime();
            if (registration.extension instanceof PluginModule module) {
                run(registration, () -> module.init(runtime), "init");
            } else {
                run(registration, () -> ((Plugin) registration.extension).init(runtime), "init");
                for (ServiceRef<?> ref : registration.provides) {
                    if (!services.containsKey(ref.id())) {
                        throw new StartupException(capitalize(registration.name()) + " declared that it provides service '" + ref.id()
                                + "' but did not call context.provide for it in init.");
                    }
                }
            }
            LOG.debug("Started {} in {} ms", registration.name(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void run(Registration registration, Step step, String phase) {
        try {
            step.run();
        } catch (StartupException | ConfigException e) {
            throw e;
        } catch (Exception e) {
            throw new StartupException(capitalize(registration.name()) + " failed in " + phase + ": " + e, e);
        } finally {
            if (phase.equals("register")) {
                registration.close();
            }
        }
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
