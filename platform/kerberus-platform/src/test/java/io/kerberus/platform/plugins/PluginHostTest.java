package io.kerberus.platform.plugins;

import io.kerberus.platform.StartupException;
import io.kerberus.platform.config.ConfigLoader;
import io.kerberus.platform.config.LoadedConfig;
import io.kerberus.plugin.ExtensionPoint;
import io.kerberus.plugin.ModuleContext;
import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import io.kerberus.plugin.PluginModule;
import io.kerberus.plugin.Registrar;
import io.kerberus.plugin.ServiceRef;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginHostTest {

    interface Greeter {
        String greet();
    }

    interface Greetings {
        void add(String greeting);
    }

    static final ServiceRef<Greeter> GREETER = ServiceRef.of("alpha.greeter", Greeter.class);
    static final ServiceRef<Greeter> OTHER = ServiceRef.of("beta.greeter", Greeter.class);
    static final ExtensionPoint<Greetings> GREETINGS = ExtensionPoint.of("alpha.greetings", Greetings.class);

    private final List<String> events = new ArrayList<>();

    /** A plugin whose register and init are given as lambdas. */
    record TestPlugin(String id, Consumer<Registrar> onRegister, Consumer<PluginContext> onInit) implements Plugin {
        @Override
        public void register(Registrar registrar) {
            onRegister.accept(registrar);
        }

        @Override
        public void init(PluginContext context) {
            onInit.accept(context);
        }
    }

    record TestModule(String pluginId, String moduleId, Consumer<Registrar> onRegister, Consumer<ModuleContext> onInit) implements PluginModule {
        @Override
        public void register(Registrar registrar) {
            onRegister.accept(registrar);
        }

        @Override
        public void init(ModuleContext context) {
            onInit.accept(context);
        }
    }

    private static LoadedConfig config(String yaml) {
        return ConfigLoader.load(List.of(ConfigLoader.Layer.text("test.yaml", yaml, Path.of("."))), Map.of());
    }

    private PluginHost host(String yaml, List<Plugin> plugins, List<PluginModule> modules) {
        LoadedConfig config = config(yaml);
        return PluginHost.register(PluginSet.of(plugins, modules, config), config);
    }

    private static PluginParts parts(String pluginId) {
        return new PluginParts(null, null, null, null, null, null, Path.of("data", pluginId), java.time.Clock.systemUTC());
    }

    @Test
    void initsModulesBeforeTheirPluginAndProvidersBeforeRequirers() {
        List<String> greetings = new ArrayList<>();
        Plugin beta = new TestPlugin("beta", r -> r.requires(GREETER), c -> events.add("beta saw " + c.service(GREETER).greet()));
        Plugin alpha = new TestPlugin("alpha",
                r -> {
                    r.provides(GREETER);
                    r.extensionPoint(GREETINGS, greetings::add);
                },
                c -> {
                    events.add("alpha");
                    c.provide(GREETER, () -> String.join(",", greetings));
                });
        PluginModule module = new TestModule("alpha", "hello", r -> { }, c -> {
            events.add("module");
            c.extensionPoint(GREETINGS).add("hello");
        });

        PluginHost host = host("{}", List.of(beta, alpha), List.of(module));
        host.init(PluginHostTest::parts);

        assertThat(host.initOrder()).containsExactly("alpha/hello", "alpha", "beta");
        assertThat(events).containsExactly("module", "alpha", "beta saw hello");
    }

    @Test
    void refusesTwoPluginsWithOneId() {
        Plugin first = new TestPlugin("alpha", r -> { }, c -> { });
        Plugin second = new TestPlugin("alpha", r -> { }, c -> { });

        assertThatThrownBy(() -> host("{}", List.of(first, second), List.of()))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("Two plugins have the id 'alpha'")
                .hasMessageContaining("Remove one of them");
    }

    @Test
    void refusesAModuleForAPluginNotInTheApp() {
        PluginModule orphan = new TestModule("catalog", "github", r -> { }, c -> { });

        assertThatThrownBy(() -> host("{}", List.of(), List.of(orphan)))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("Module 'github'")
                .hasMessageContaining("extends plugin 'catalog', which is not in this app")
                .hasMessageContaining("kerberus-catalog-plugin");
    }

    @Test
    void refusesCyclesNamingEveryPluginInThem() {
        Plugin alpha = new TestPlugin("alpha", r -> {
            r.provides(GREETER);
            r.requires(OTHER);
        }, c -> { });
        Plugin beta = new TestPlugin("beta", r -> {
            r.provides(OTHER);
            r.requires(GREETER);
        }, c -> { });

        assertThatThrownBy(() -> host("{}", List.of(alpha, beta), List.of()))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("cycle: alpha -> beta -> alpha")
                .hasMessageContaining("Break the cycle");
    }

    @Test
    void letsTwoPluginsUseEachOthersServicesOnceRunning() {
        List<java.util.function.Supplier<Greeter>> later = new ArrayList<>();
        Plugin alpha = new TestPlugin("alpha", r -> {
            r.provides(GREETER);
            r.uses(OTHER);
        }, c -> {
            later.add(c.lazyService(OTHER));
            c.provide(GREETER, () -> "alpha");
        });
        Plugin beta = new TestPlugin("beta", r -> {
            r.provides(OTHER);
            r.uses(GREETER);
        }, c -> {
            later.add(c.lazyService(GREETER));
            c.provide(OTHER, () -> "beta");
        });

        PluginHost host = host("{}", List.of(alpha, beta), List.of());
        host.init(PluginHostTest::parts);

        assertThat(later.get(0).get().greet()).isEqualTo("beta");
        assertThat(later.get(1).get().greet()).isEqualTo("alpha");
        Plugin gamma = new TestPlugin("gamma", r -> r.uses(OTHER), c -> { });
        assertThatThrownBy(() -> host("{}", List.of(gamma), List.of()))
                .hasMessageContaining("Plugin 'gamma' uses service 'beta.greeter', which no enabled plugin provides");
    }

    @Test
    void optionalServicesAreEmptyWithoutAProviderAndThereWithOne() {
        List<java.util.function.Supplier<java.util.Optional<Greeter>>> later = new ArrayList<>();
        Plugin alpha = new TestPlugin("alpha", r -> r.usesIfPresent(OTHER), c -> later.add(c.optionalService(OTHER)));
        PluginHost alone = host("{}", List.of(alpha), List.of());
        alone.init(PluginHostTest::parts);
        assertThat(later.getFirst().get()).isEmpty();

        Plugin beta = new TestPlugin("beta", r -> r.provides(OTHER), c -> c.provide(OTHER, () -> "beta"));
        PluginHost both = host("{}", List.of(new TestPlugin("alpha", r -> r.usesIfPresent(OTHER), c -> later.add(c.optionalService(OTHER))), beta),
                List.of());
        both.init(PluginHostTest::parts);
        assertThat(later.getLast().get()).hasValueSatisfying(greeter -> assertThat(greeter.greet()).isEqualTo("beta"));

        Plugin undeclared = new TestPlugin("gamma", r -> { }, c -> c.optionalService(OTHER));
        assertThatThrownBy(() -> host("{}", List.of(undeclared), List.of()).init(PluginHostTest::parts))
                .hasStackTraceContaining("call registrar.usesIfPresent");
    }

    @Test
    void aLazyServiceUsedBeforeItsPluginStartedSaysSo() {
        Plugin alpha = new TestPlugin("alpha", r -> r.uses(OTHER), c -> c.lazyService(OTHER).get());
        Plugin beta = new TestPlugin("beta", r -> r.provides(OTHER), c -> c.provide(OTHER, () -> "beta"));
        PluginHost host = host("{}", List.of(alpha, beta), List.of());

        assertThatThrownBy(() -> host.init(PluginHostTest::parts))
                .hasMessageContaining("Service 'beta.greeter' is not there yet")
                .hasMessageContaining("only once the backend runs");
    }

    @Test
    void refusesRequiredServicesNoPluginProvides() {
        Plugin beta = new TestPlugin("beta", r -> r.requires(GREETER), c -> { });

        assertThatThrownBy(() -> host("{}", List.of(beta), List.of()))
                .hasMessageContaining("Plugin 'beta' requires service 'alpha.greeter', which no enabled plugin provides");
    }

    @Test
    void refusesServicesDeclaredButNotProvided() {
        Plugin alpha = new TestPlugin("alpha", r -> r.provides(GREETER), c -> { });
        PluginHost host = host("{}", List.of(alpha), List.of());

        assertThatThrownBy(() -> host.init(PluginHostTest::parts))
                .hasMessageContaining("Plugin 'alpha' declared that it provides service 'alpha.greeter' but did not call context.provide");
    }

    @Test
    void refusesServicesUsedWithoutDeclaringThem() {
        Plugin alpha = new TestPlugin("alpha", r -> r.provides(GREETER), c -> c.provide(GREETER, () -> "hi"));
        Plugin beta = new TestPlugin("beta", r -> { }, c -> c.service(GREETER));
        PluginHost host = host("{}", List.of(alpha, beta), List.of());

        assertThatThrownBy(() -> host.init(PluginHostTest::parts))
                .hasMessageContaining("Plugin 'beta' failed in init")
                .hasMessageContaining("registrar.requires(Greeter ref)");
    }

    @Test
    void skipsDisabledPluginsAndTheirModules() {
        Plugin alpha = new TestPlugin("alpha", r -> { }, c -> events.add("alpha"));
        Plugin beta = new TestPlugin("beta", r -> { }, c -> events.add("beta"));
        PluginModule module = new TestModule("alpha", "extra", r -> { }, c -> events.add("module"));
        PluginModule betaModule = new TestModule("beta", "extra", r -> { }, c -> events.add("beta module"));

        PluginHost host = host("alpha:\n  enabled: false\nbeta:\n  modules:\n    extra:\n      enabled: false\n",
                List.of(alpha, beta), List.of(module, betaModule));
        host.init(PluginHostTest::parts);

        assertThat(events).containsExactly("beta");
        assertThat(host.pluginIds()).containsExactly("beta");
    }

    @Test
    void refusesIdsThatAreNotKebabCase() {
        Plugin bad = new TestPlugin("My_Plugin", r -> { }, c -> { });

        assertThatThrownBy(() -> host("{}", List.of(bad), List.of())).hasMessageContaining("ids are kebab-case");
    }

    @Test
    void wrapsPluginFailuresWithThePluginAndPhase() {
        Plugin broken = new TestPlugin("alpha", r -> {
            throw new IllegalStateException("boom");
        }, c -> { });

        assertThatThrownBy(() -> host("{}", List.of(broken), List.of()))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("Plugin 'alpha' failed in register")
                .hasMessageContaining("boom");
    }
}
