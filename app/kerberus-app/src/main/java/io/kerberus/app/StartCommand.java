package io.kerberus.app;

import io.kerberus.platform.Backend;
import io.kerberus.platform.config.LoadedConfig;
import io.kerberus.platform.plugins.PluginSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code kerberus start}: serves the portal until stopped. */
@Command(name = "start", description = "Serve the portal (http://localhost:7007 unless the config or --port says otherwise).")
final class StartCommand implements Callable<Integer> {

    private static volatile boolean running;

    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "The port to listen on; overrides backend.listen.port.")
    Integer port;

    @Spec
    CommandSpec spec;

    static boolean keepsRunning() {
        return running;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        Path workDir = Path.of("").toAbsolutePath();
        if (config.usesDemo(workDir)) {
            spec.commandLine().getOut().println("No app-config.yaml here: using the built-in demo config (guest sign-in, demo data under ./data).");
        }
        LoadedConfig loaded = config.load(workDir);
        Backend.Prepared prepared = Backend.prepare(loaded, PluginSet.discover(loaded), port);
        prepared.settings().logging().apply();
        Backend backend = Backend.start(prepared, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(backend::close, "kerberus-shutdown"));
        running = true;
        long millis = (System.nanoTime() - started) / 1_000_000;
        spec.commandLine().getOut().printf("Kerberus is ready at %s (started in %.1f s). Press Ctrl+C to stop.%n",
                prepared.settings().backend().baseUrl().contains("localhost") ? backend.localUrl() : prepared.settings().backend().baseUrl(),
                millis / 1000.0);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
