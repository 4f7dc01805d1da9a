package io.kerberus.platform.config;

import io.kerberus.plugin.Config;
import io.kerberus.plugin.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private LoadedConfig load(Map<String, String> env, Path... files) {
        return ConfigLoader.load(java.util.Arrays.stream(files)
                .map(file -> new ConfigLoader.Layer(dir.relativize(file).toString(), file, null, null)).toList(), env);
    }

    @Test
    void laterFilesOverrideEarlierOnesKeyByKey() throws IOException {
        Path base = write("app-config.yaml", "backend:\n  listen:\n    port: 7007\n    host: 0.0.0.0\n  list: [a, b]\n");
        Path local = write("app-config.local.yaml", "backend:\n  listen:\n    port: 8080\n  list: [c]\n");

        Config config = load(Map.of(), base, local).root();

        assertThat(config.getInt("backend.listen.port")).isEqualTo(8080);
        assertThat(config.getString("backend.listen.host")).isEqualTo("0.0.0.0");
        assertThat(config.getStringList("backend.list")).containsExactly("c");
    }

    @Test
    void substitutesEnvironmentVariablesWithDefaultsAndEscapes() throws IOException {
        Path file = write("a.yaml", """
                url: http://${HOST}:${PORT:-7007}/x
                empty: ${UNSET:-}
                literal: $${HOST}
                direct:
                  $env: HOST
                """);

        Config config = load(Map.of("HOST", "example.com"), file).root();

        assertThat(config.getString("url")).isEqualTo("http://example.com:7007/x");
        assertThat(config.getString("empty")).isEmpty();
        assertThat(config.getString("literal")).isEqualTo("${HOST}");
        assertThat(config.getString("direct")).isEqualTo("example.com");
    }

    @Test
    void missingVariableNamesFileLineKeyAndFix() throws IOException {
        Path file = write("app-config.yaml", "backend:\n  baseUrl: ${BASE_URL}\n");

        assertThatThrownBy(() -> load(Map.of(), file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("app-config.yaml:2")
                .hasMessageContaining("backend.baseUrl")
                .hasMessageContaining("BASE_URL is not set")
                .hasMessageContaining("${BASE_URL:-value}");
    }

    @Test
    void readsFileAndIncludeRelativeToTheConfigFile() throws IOException {
        write("conf/secret.txt", "s3cret");
        write("conf/db.yaml", "database:\n  client: pg\n  nested:\n    port: 5432\n");
        Path file = write("conf/app.yaml", """
                password:
                  $file: secret.txt
                db:
                  $include: db.yaml
                port:
                  $include: db.yaml#database.nested.port
                """);

        Config config = load(Map.of(), file).root();

        assertThat(config.getString("password")).isEqualTo("s3cret");
        assertThat(config.getString("db.database.client")).isEqualTo("pg");
        assertThat(config.getInt("port")).isEqualTo(5432);
    }

    @Test
    void refusesIncludeCycles() throws IOException {
        write("a.yaml", "x:\n  $include: b.yaml\n");
        Path b = write("b.yaml", "y:\n  $include: a.yaml\n");

        assertThatThrownBy(() -> load(Map.of(), b)).isInstanceOf(ConfigException.class).hasMessageContaining("$include cycle");
    }

    @Test
    void missingIncludeNamesTheFile() throws IOException {
        Path file = write("app.yaml", "x:\n  $include: nowhere.yaml\n");

        assertThatThrownBy(() -> load(Map.of(), file))
                .hasMessageContaining("app.yaml:2").hasMessageContaining("nowhere.yaml").hasMessageContaining("not found");
    }

    @Test
    void environmentOverridesParseJsonValuesAndWinOverFiles() throws IOException {
        Path file = write("app.yaml", "backend:\n  listen:\n    port: 7007\n");

        LoadedConfig loaded = load(Map.of("APP_CONFIG_backend_listen_port", "9090", "APP_CONFIG_app_title", "My Portal",
                "APP_CONFIG_app_flags", "[\"a\",\"b\"]"), file);

        assertThat(loaded.root().getInt("backend.listen.port")).isEqualTo(9090);
        assertThat(loaded.root().getString("app.title")).isEqualTo("My Portal");
        assertThat(loaded.root().getStringList("app.flags")).containsExactly("a", "b");
        assertThat(loaded.root().origin("backend.listen.port")).isEqualTo("env APP_CONFIG_backend_listen_port");
    }

    @Test
    void malformedYamlNamesFileAndLine() throws IOException {
        Path file = write("app-config.yaml", "app:\n  title: ok\n  bad: [unclosed\nbackend: {}\n");

        assertThatThrownBy(() -> load(Map.of(), file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("app-config.yaml:")
                .hasMessageContaining("invalid YAML");
    }

    @Test
    void duplicateKeysNameBothLines() throws IOException {
        Path file = write("app-config.yaml", "app:\n  title: a\n  title: b\n");

        assertThatThrownBy(() -> load(Map.of(), file))
                .hasMessageContaining("app-config.yaml:3").hasMessageContaining("duplicate key 'title'").hasMessageContaining("line 2");
    }

    @Test
    void refusesNonUtf8Files() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "title: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> load(Map.of(), file)).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void typedGettersNameOriginPathAndExpectation() throws IOException {
        Path file = write("app-config.yaml", "backend:\n  listen:\n    port: abc\n  flags: [1, 2]\n");
        Config config = load(Map.of(), file).root();

        assertThatThrownBy(() -> config.getInt("backend.listen.port"))
                .hasMessage("app-config.yaml:3: backend.listen.port: expected a whole number but found a string \"abc\"");
        assertThatThrownBy(() -> config.getConfig("backend.flags"))
                .hasMessage("app-config.yaml:4: backend.flags: expected an object but found a list");
        assertThatThrownBy(() -> config.getString("backend.baseUrl"))
                .hasMessage("app-config.yaml:1: backend.baseUrl: missing required value");
    }

    @Test
    void acceptsNumbersAndBooleansWrittenAsStrings() throws IOException {
        Path file = write("a.yaml", "port: '8080'\nratio: '0.5'\non: 'TRUE'\n");
        Config config = load(Map.of(), file).root();

        assertThat(config.getInt("port")).isEqualTo(8080);
        assertThat(config.getNumber("ratio")).isEqualTo(0.5);
        assertThat(config.getBoolean("on")).isTrue();
    }

    @Test
    void parsesDurationsInEveryBackstageForm() throws IOException {
        Path file = write("a.yaml", "a: 30s\nb: 5m\nc: 2 hours\nd: PT1M\ne: {minutes: 5, seconds: 3}\nf: 250ms\ng: soon\n");
        Config config = load(Map.of(), file).root();

        assertThat(config.getDuration("a")).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.getDuration("b")).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.getDuration("c")).isEqualTo(Duration.ofHours(2));
        assertThat(config.getDuration("d")).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.getDuration("e")).isEqualTo(Duration.ofSeconds(303));
        assertThat(config.getDuration("f")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> config.getDuration("g")).hasMessageContaining("a.yaml:7: g: expected a duration");
    }

    @Test
    void reportsUnreadKeysUnderClaimedSectionsWithSuggestions() throws IOException {
        Path file = write("app-config.yaml", "catalog:\n  locatoins: []\n  rules: []\nkubernetes:\n  x: 1\n");
        LoadedConfig loaded = load(Map.of(), file);
        Config catalog = loaded.section("catalog");
        catalog.getOptionalConfigList("locations");
        catalog.getOptionalConfigList("rules");

        LoadedConfig.KeyReport report = loaded.checkKeys(List.of("catalog"));

        assertThat(report.errors()).containsExactly("app-config.yaml:2: catalog.locatoins: unknown key; did you mean 'locations'?");
        assertThat(report.warnings()).singleElement().asString()
                .contains("app-config.yaml:4: kubernetes").contains("no installed plugin reads");
    }

    @Test
    void ignoredKeysBecomeWarningsNotErrors() throws IOException {
        Path file = write("app-config.yaml", "backend:\n  cors:\n    origin: x\n");
        LoadedConfig loaded = load(Map.of(), file);
        loaded.section("backend").ignore("cors", "not used");

        LoadedConfig.KeyReport report = loaded.checkKeys(List.of("backend"));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).containsExactly("app-config.yaml:2: backend.cors: not used");
    }

    @Test
    void readsKeysThatHoldDots() throws IOException {
        Path file = write("a.yaml", "logger:\n  overrides:\n    io.kerberus.catalog: debug\n");
        Config overrides = load(Map.of(), file).root().getConfig("logger.overrides");

        assertThat(overrides.keys()).containsExactly("io.kerberus.catalog");
        assertThat(overrides.getString("io.kerberus.catalog")).isEqualTo("debug");
    }

    @Test
    void masksSecretsWhenPrinting() throws IOException {
        write("token.txt", "file-secret");
        Path file = write("app-config.yaml", """
                backend:
                  database:
                    connection:
                      password: hunter2
                      url: postgresql://kerberus:pw@db/kerberus
                auth:
                  providers:
                    github:
                      clientSecret: abc
                integrations:
                  token:
                    $file: token.txt
                app:
                  title: Visible
                """);
        LoadedConfig loaded = load(Map.of(), file);

        String printed = loaded.toMaskedYaml();

        assertThat(printed).doesNotContain("hunter2", "pw@", "abc", "file-secret").contains("Visible").contains("********");
        assertThat(printed).contains("# app-config.yaml:14");
        assertThat(loaded.toMaskedMap().toString()).doesNotContain("hunter2", "file-secret");
    }

    @Test
    void typeErrorsNeverShowSecretValues() throws IOException {
        Path file = write("app.yaml", "auth:\n  clientSecret: [not, a, string]\n  password: {x: 1}\n  token: supersecret\n");
        Config config = load(Map.of(), file).root();

        assertThatThrownBy(() -> config.getInt("auth.token")).message().doesNotContain("supersecret");
    }
}
