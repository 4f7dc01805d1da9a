package io.kerberus.platform.plugins;

import io.kerberus.platform.StartupException;
import io.kerberus.plugin.Config;
import io.kerberus.plugin.Database;
import io.kerberus.plugin.ExtensionPoint;
import io.kerberus.plugin.Identity;
import io.kerberus.plugin.Lifecycle;
import io.kerberus.plugin.ModuleContext;
import io.kerberus.plugin.Routes;
import io.kerberus.plugin.ServiceRef;
import io.kerberus.plugin.Tasks;
import io.kerberus.plugin.ui.Pages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** The context a plugin or module gets in its init. */
final class PluginRuntime implements ModuleContext {

    private final Registration registration;
    private final Registration pluginRegistration;
    private final PluginParts parts;
    private final Map<String, Object> services;
    private final Logger logger;

    PluginRuntime(Registration registration, Registration pluginRegistration, PluginParts parts, Map<String, Object> services) {
        this.registration = registration;
        this.pluginRegistration = pluginRegistration;
        this.parts = parts;
        this.services = services;
        this.logger = LoggerFactory.getLogger("kerberus." + registration.pluginId
                + (registration.moduleId == null ? "" : "." + registration.moduleId));
    }

    @Override
    public String pluginId() {
        return registration.pluginId;
    }

    @Override
    public String moduleId() {
        if (registration.moduleId == null) {
            throw new IllegalStateException("Plugin '" + registration.pluginId + "' is not a module");
        }
        return registration.moduleId;
    }

    @Override
    public Config config() {
        return registration.config();
    }

    @Override
    public Routes routes() {
        return parts.routes();
    }

    @Override
    public Pages pages() {
        return parts.pages();
    }

    @Override
    public Tasks tasks() {
        return parts.tasks();
    }

    @Override
    public Database database() {
        return parts.database();
    }

    @Override
    public java.nio.file.Path dataDirectory() {
        try {
            return java.nio.file.Files.createDirectories(parts.dataDirectory());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create the data directory " + parts.dataDirectory() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public java.time.Clock clock() {
        return parts.clock();
    }

    @Override
    public Identity identity() {
        return parts.identity();
    }

    @Override
    public Lifecycle lifecycle() {
        return parts.lifecycle();
    }

    @Override
    public io.kerberus.plugin.AuditLog audit() {
        return parts.audit();
    }

    @Override
    public io.kerberus.plugin.Permissions permissions() {
        return parts.permissions();
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public <T> T service(ServiceRef<T> ref) {
        if (registration.requires.stream().noneMatch(r -> r.id().equals(ref.id()))) {
            throw new IllegalStateException(registration.name() + " asks for service '" + ref.id()
                    + "' without declaring it: call registrar.requires(" + ref.type().getSimpleName() + " ref) in register.");
        }
        Object service = services.get(ref.id());
        if (service == null) {
            throw new StartupException("Service '" + ref.id() + "' was declared but not provided in its plugin's init.");
        }
        return ref.type().cast(service);
    }

    @Override
    public <T> java.util.function.Supplier<java.util.Optional<T>> optionalService(ServiceRef<T> ref) {
        if (registration.optionalUses.stream().noneMatch(r -> r.id().equals(ref.id()))) {
            throw new IllegalStateException(registration.name() + " asks for optional service '" + ref.id()
                    + "' without declaring it: call registrar.usesIfPresent(" + ref.type().getSimpleName() + " ref) in register.");
        }
        return () -> java.util.Optional.ofNullable(services.get(ref.id())).map(ref.type()::cast);
    }

    @Override
    public <T> java.util.function.Supplier<T> lazyService(ServiceRef<T> ref) {
        if (registration.uses.stream().noneMatch(r -> r.id().equals(ref.id())) && registration.requires.stream().noneMatch(r -> r.id().equals(ref.id()))) {
            throw new IllegalStateException(registration.name() + " asks for service '" + ref.id()
                    + "' without declaring it: call registrar.uses(" + ref.type().getSimpleName() + " ref) in register.");
        }
        return new java.util.function.Supplier<>() {
            private volatile T resolved;

            @Override
            public T get() {
                T service = resolved;
                if (service == null) {
                    Object found = services.get(ref.id());
                    if (found == null) {
                        throw new IllegalStateException("Service '" + ref.id() + "' is not there yet: its plugin has not started. "
                                + registration.name() + " may use it only once the backend runs, not in its init.");
                    }
                    service = ref.type().cast(found);
                    resolved = service;
                }
                return service;
            }
        };
    }

    @Override
    public <T> void provide(ServiceRef<T> ref, T service) {
        if (registration.moduleId != null || registration.provides.stream().noneMatch(r -> r.id().equals(ref.id()))) {
            throw new IllegalStateException(registration.name() + " provides service '" + ref.id()
                    + "' without declaring it: call registrar.provides(...) in the plugin's register.");
        }
        if (!ref.type().isInstance(service)) {
            throw new IllegalStateException(registration.name() + " provides '" + ref.id() + "' with a "
                    + service.getClass().getName() + ", which is not a " + ref.type().getName());
        }
        services.put(ref.id(), service);
    }

    @Override
    public <T> T extensionPoint(ExtensionPoint<T> point) {
        Object impl = pluginRegistration.extensionPoints.get(point.id());
        if (impl == null) {
            throw new IllegalStateException("Plugin '" + registration.pluginId + "' offers no extension point '" + point.id()
                    + "'; it offers " + pluginRegistration.extensionPoints.keySet());
        }
        return point.type().cast(impl);
    }
}
