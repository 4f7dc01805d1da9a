package io.kerberus.scaffolder.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kerberus.platform.config.ConfigLoader;
import io.kerberus.platform.config.LoadedConfig;
import io.kerberus.plugin.ConfigException;
import io.kerberus.scaffolder.plugin.actions.GitlabIntegration;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code integrations.gitlab[]} as {@link ScaffolderConfig} reads it for the GitLab actions. */
class ScaffolderConfigGitlabTest {

    private static ScaffolderConfig read(String yaml) {
        LoadedConfig loaded = ConfigLoader.load(List.of(ConfigLoader.Layer.text("app-config.yaml", yaml, Path.of("."))), Map.of());
        return ScaffolderConfig.from(loaded.section("scaffolder"), loaded.root());
    }

    @Test
    void readsHostsWithBackstageDefaultsAndKeepsGitlabComAvailable() {
        ScaffolderConfig config = read("""
                integrations:
                  gitlab:
                    - host: gitlab.example.com
                      token: glpat-SECRET
                    - host: git.internal:8443
                      apiBaseUrl: https://git.internal:8443/gitlab/api/v4
                      baseUrl: https://git.internal:8443/gitlab
                """);

        GitlabIntegration example = config.gitlab().get("gitlab.example.com");
        assertThat(example.apiBaseUrl()).isEqualTo(URI.create("https://gitlab.example.com/api/v4"));
        assertThat(example.baseUrl()).isEqualTo(URI.create("https://gitlab.example.com"));
        assertThat(example.token()).contains("glpat-SECRET");
        assertThat(example.toString()).doesNotContain("glpat-SECRET");
        assertThat(config.gitlab().get("git.internal:8443").apiBaseUrl()).isEqualTo(URI.create("https://git.internal:8443/gitlab/api/v4"));
        assertThat(config.gitlab().get("gitlab.com").token()).isEmpty();
        assertThat(config.scmTypes().typeOf("git.internal:8443")).contains("gitlab");
    }

    @Test
    void defaultsToGitlabComWithoutConfig() {
        assertThat(read("scaffolder: {}").gitlab()).containsEntry("gitlab.com", GitlabIntegration.gitlabCom(Optional.empty()));
    }

    @Test
    void refusesUnknownKeysAndBadUrlsWithTheKeyPath() {
        assertThatThrownBy(() -> read("""
                integrations:
                  gitlab:
                    - host: gitlab.example.com
                      tokne: x
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("integrations.gitlab[0].tokne").hasMessageContaining("unknown key");
        assertThatThrownBy(() -> read("""
                integrations:
                  gitlab:
                    - host: gitlab.example.com
                      apiBaseUrl: gitlab.example.com/api
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("integrations.gitlab[0].apiBaseUrl");
    }
}
