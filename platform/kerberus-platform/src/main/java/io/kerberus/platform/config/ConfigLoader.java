package io.kerberus.platform.config;

import io.kerberus.plugin.ConfigException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads the merged config: each layer in order (later wins, objects merge key by key), then
 * {@code APP_CONFIG_a_b_c} environment variables on top.
 */
public final class ConfigLoader {

    private static final String ENV_PREFIX = "APP_CONFIG_";

    private ConfigLoader() {
    }

    /**
     * One layer of config.
     *
     * @param name    a file path as the user wrote it, or a description of built-in text
     * @param file    the file to read, or null for {@code text}
     * @param text    YAML text, used when {@code file} is null
     * @param baseDir where relative {@code $include} and {@code $file} paths of {@code text} resolve
     */
    public record Layer(String name, Path file, String text, Path baseDir) {

        public static Layer file(Path file) {
            return new Layer(file.toString(), file, null, null);
        }

        public static Layer text(String name, String yaml, Path baseDir) {
            return new Layer(name, null, yaml, baseDir);
        }
    }

    /**
     * The layers Kerberus reads from {@code workDir}: {@code app-config.yaml} and
     * {@code app-config.local.yaml} when they exist, then each extra file, which must exist.
     */
    public static List<Layer> standardLayers(Path workDir, List<Path> extraFiles) {
        List<Layer> layers = new ArrayList<>();
        for (String name : List.of("app-config.yaml", "app-config.local.yaml")) {
            Path file = workDir.resolve(name);
            if (Files.isRegularFile(file)) {
                layers.add(new Layer(name, file, null, null));
            }
        }
        for (Path extra : extraFiles) {
            if (!Files.isRegularFile(extra)) {
                throw new ConfigException(extra + ": config file not found (given with --config)");
            }
            layers.add(Layer.file(extra));
        }
        return layers;
    }

    /** Reads, resolves and merges the layers and the environment's overrides. */
    public static LoadedConfig load(List<Layer> layers, Map<String, String> env) {
        ConfigResolver resolver = new ConfigResolver(env::get);
        Node root = Node.object(new Origin("(defaults)", 0), Map.of());
        List<String> sources = new ArrayList<>();
        for (Layer layer : layers) {
            Node tree = layer.file() != null
                    ? resolver.readFile(layer.file(), layer.name())
                    : resolver.resolveTree(YamlTreeReader.read(layer.name(), layer.text(), false), layer.baseDir());
            if (tree.kind != Node.Kind.OBJECT) {
                throw new ConfigException(tree.origin + ": the top of a config file must be an object of keys, found " + tree.typeName());
            }
            root = Node.merge(root, tree);
            sources.add(layer.name());
        }
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            if (variable.getKey().startsWith(ENV_PREFIX) && variable.getKey().length() > ENV_PREFIX.length()) {
                root = Node.merge(root, fromEnv(variable.getKey(), variable.getValue()));
                sources.add("env " + variable.getKey());
            }
        }
        return new LoadedConfig(root, sources);
    }

    private static Node fromEnv(String variable, String text) {
        Origin origin = Origin.env(variable);
        String[] path = variable.substring(ENV_PREFIX.length()).split("_");
        Node value;
        try {
            value = jsonToNode(JsonMapper.shared().readTree(text), origin);
        } catch (RuntimeException notJson) {
            value = Node.value(origin, text);
        }
        for (int i = path.length - 1; i >= 0; i--) {
            if (path[i].isEmpty()) {
                throw new ConfigException(variable + ": empty key segment; write APP_CONFIG_backend_listen_port");
            }
            value = Node.object(origin, Map.of(path[i], value));
        }
        return value;
    }

    private static Node jsonToNode(tools.jackson.databind.JsonNode json, Origin origin) {
        if (json.isObject()) {
            Map<String, Node> fields = new java.util.LinkedHashMap<>();
            json.properties().forEach(e -> fields.put(e.getKey(), jsonToNode(e.getValue(), origin)));
            return Node.object(origin, fields);
        }
        if (json.isArray()) {
            List<Node> items = new ArrayList<>();
            json.values().forEach(item -> items.add(jsonToNode(item, origin)));
            return Node.list(origin, items);
        }
        if (json.isNull()) {
            return Node.value(origin, null);
        }
        if (json.isBoolean()) {
            return Node.value(origin, json.booleanValue());
        }
        if (json.isIntegralNumber()) {
            return Node.value(origin, json.longValue());
        }
        if (json.isNumber()) {
            return Node.value(origin, json.doubleValue());
        }
        return Node.value(origin, json.asString());
    }
}
