package io.kerberus.proxy.plugin;

import io.kerberus.platform.config.ConfigLoader;
import io.kerberus.plugin.Config;
import io.kerberus.plugin.ConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyConfigTest {

    /** The {@code proxy} section of a config file; the platform's loader gives real key paths and origins. */
    private static Config proxy(String yaml) {
        return ConfigLoader.load(List.of(ConfigLoader.Layer.text("app-config.yaml", yaml, Path.of("."))), Map.of()).section("proxy");
    }

    @Test
    void readsStringAndObjectEndpointsWithBackstageDefaults() {
        ProxyConfig config = ProxyConfig.from(proxy("""
                proxy:
                  timeout: 10s
                  endpoints:
                    /simple: http://simple.example.com:8080
                    '/larger/v1':
                      target: https://larger.example.com/svc.v1
                      changeOrigin: true
                      credentials: forward
                      allowedMethods: [get, POST]
                      allowedHeaders: [X-Request-Id]
                      headers:
                        Authorization: token abc
                      timeout: 2s
                """), true);

        ProxyEndpoint larger = config.endpoints().get(0);
        ProxyEndpoint simple = config.endpoints().get(1);
        assertThat(larger.path()).isEqualTo("/larger/v1");
        assertThat(larger.credentials()).isEqualTo(CredentialsPolicy.FORWARD);
        assertThat(larger.allowedMethods()).containsExactlyInAnyOrder("GET", "POST");
        assertThat(larger.allowedHeaders()).containsExactly("x-request-id");
        assertThat(larger.headers()).containsEntry("Authorization", "token abc");
        assertThat(larger.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(simple.target()).hasToString("http://simple.example.com:8080");
        assertThat(simple.credentials()).isEqualTo(CredentialsPolicy.REQUIRE);
        assertThat(simple.changeOrigin()).isTrue();
        assertThat(simple.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void addsTheLeadingSlashAndDropsTheTrailingOne() {
        ProxyConfig config = ProxyConfig.from(proxy("proxy:\n  endpoints:\n    github/: https://api.github.com\n"), true);

        assertThat(config.endpoints()).extracting(ProxyEndpoint::path).containsExactly("/github");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void readsBackstagesLegacyFormRightUnderProxy() {
        ProxyConfig config = ProxyConfig.from(proxy("proxy:\n  /old: http://old.example.com\n"), true);

        assertThat(config.legacyForm()).isTrue();
        assertThat(config.endpoints()).extracting(ProxyEndpoint::path).containsExactly("/old");
    }

    @Test
    void refusesTargetsThatAreNotHttp() {
        assertThatThrownBy(() -> ProxyConfig.from(proxy("proxy:\n  endpoints:\n    /files: file:///etc/passwd\n"), true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("app-config.yaml:3: proxy.endpoints./files: must be an http:// or https:// URL");
        assertThatThrownBy(() -> ProxyConfig.from(proxy("proxy:\n  endpoints:\n    /x:\n      target: ftp://x.example.com\n"), true))
                .hasMessageContaining("proxy.endpoints./x.target: must be an http:// or https:// URL");
    }

    @Test
    void refusesAPasswordInTheTargetWithoutShowingIt() {
        assertThatThrownBy(() -> ProxyConfig.from(proxy("proxy:\n  endpoints:\n    /x: https://me:hunter2@x.example.com\n"), true))
                .hasMessageContaining("must not hold a user or password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void refusesAnUnknownCredentialsPolicy() {
        assertThatThrownBy(() -> ProxyConfig.from(proxy("proxy:\n  endpoints:\n    /x:\n      target: http://x\n      credentials: none\n"), true))
                .hasMessageContaining("proxy.endpoints./x.credentials: must be one of require, forward, dangerously-allow-unauthenticated");
    }

    @Test
    void refusesCookiesHopByHopHeadersAndAStrayAuthorizationInAllowedHeaders() {
        assertThatThrownBy(() -> ProxyConfig.from(proxy("proxy:\n  endpoints:\n    /x:\n      target: http://x\n      allowedHeaders: [Cookie]\n"), true))
                .hasMessageContaining("proxy.endpoints./x.allowedHeaders: 'Cookie' never crosses the proxy");
        assertThatThrownBy(() -> ProxyConfig.from(proxy("proxy:\n  endpoints:\n    /x:\n      target: http://x\n      allowedHeaders: [Connection]\n"), true))
                .hasMessageContaining("'Connection' never crosses the proxy");
        assertThatThrownBy(() -> ProxyConfig.from(proxy("proxy:\n  endpoints:\n    /x:\n      target: http://x\n      allowedHeaders: [Authorization]\n"), true))
                .hasMessageContaining("set credentials: forward");
    }

    @Test
    void refusesAnInvalidRewriteRegexNamingIt() {
        assertThatThrownBy(() -> ProxyConfig.from(proxy("proxy:\n  endpoints:\n    /x:\n      target: http://x\n      pathRewrite:\n        '^/api/(': /\n"), true))
                .hasMessageContaining("proxy.endpoints./x.pathRewrite.^/api/(: is not a valid regular expression");
    }

    @Test
    void refusesChangeOriginFalseWhenTheJvmCannotSendAHostHeader() {
        assertThatThrownBy(() -> ProxyConfig.from(proxy("proxy:\n  endpoints:\n    /x:\n      target: http://x\n      changeOrigin: false\n"), false))
                .hasMessageContaining("proxy.endpoints./x.changeOrigin: false needs the JVM option -Djdk.httpclient.allowRestrictedHeaders=host");
    }

    @Test
    void readsAllowActiveContentAndMaxBodySize() {
        ProxyConfig config = ProxyConfig.from(proxy("""
                proxy:
                  endpoints:
                    /plain: http://plain.example.com
                    /pages: {target: 'http://pages.example.com', allowActiveContent: true, maxBodySize: 1000}
                """), true);

        ProxyEndpoint pages = config.endpoints().stream().filter(e -> e.path().equals("/pages")).findFirst().orElseThrow();
        ProxyEndpoint plain = config.endpoints().stream().filter(e -> e.path().equals("/plain")).findFirst().orElseThrow();
        assertThat(pages.allowActiveContent()).isTrue();
        assertThat(pages.maxBodySize()).isEqualTo(1000);
        assertThat(plain.allowActiveContent()).isFalse();
        assertThat(plain.maxBodySize()).isZero();
        assertThatThrownBy(() -> ProxyConfig.from(proxy("proxy:\n  endpoints:\n    /x:\n      target: http://x\n      maxBodySize: 0\n"), true))
                .hasMessageContaining("proxy.endpoints./x.maxBodySize: must be a number of bytes above zero");
    }

    @Test
    void neverShowsConfiguredHeaderValues() {
        ProxyConfig config = ProxyConfig.from(proxy("proxy:\n  endpoints:\n    /x:\n      target: http://x\n      headers:\n        Authorization: token s3cr3t\n"), true);

        assertThat(config.toString()).contains("Authorization").doesNotContain("s3cr3t");
    }
}
