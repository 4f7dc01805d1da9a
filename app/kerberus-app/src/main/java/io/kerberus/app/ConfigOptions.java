package io.kerberus.app;

import io.kerberus.platform.config.ConfigLoader;
import io.kerberus.platform.config.LoadedConfig;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The config options every command shares, and how they become the merged config. */
final class ConfigOptions {

    static final String DEMO_RESOURCE = "/demo/app-config.yaml";

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "A config file read after app-config.yaml and app-config.local.yaml; repeat for more.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--demo", description = "Start from the built-in demo config even when app-config.yaml exists.")
    boolean demo;

    /** Whether the built-in demo config applies: asked for, or no app-config.yaml and no --config. */
    boolean usesDemo(Path workDir) {
        return demo || (files.isEmpty() && !Files.isRegularFile(workDir.resolve("app-config.yaml")));
    }

    LoadedConfig load(Path workDir) {
        List<ConfigLoader.Layer> layers = new ArrayList<>();
        Map<String, String> env = new HashMap<>(System.getenv());
        if (usesDemo(workDir)) {
            layers.add(ConfigLoader.Layer.text("demo config (built in)", demoYaml(), workDir));
            env.putIfAbsent(DemoCatalog.VARIABLE, DemoCatalog.extract(workDir.resolve("data").resolve("demo-catalog")).toString());
        }
        layers.addAll(ConfigLoader.standardLayers(workDir, files));
        return ConfigLoader.load(layers, env);
    }

    static String demoYaml() {
        try (InputStream in = ConfigOptions.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The demo config " + DEMO_RESOURCE + " is missing from the app jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
