package io.kerberus.proxy.plugin;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathRewriteTest {

    private static final URI TARGET = URI.create("http://svc.internal:8080/base");

    private static String target(String requestPath) {
        String rewritten = PathRewrite.rewrite(List.of(PathRewrite.defaultRule("/api/proxy", "/svc")), requestPath);
        return PathRewrite.targetUri(TARGET, rewritten).toString();
    }

    @Test
    void defaultRuleCutsPrefixAndEndpointAndKeepsTheQuery() {
        String rewritten = PathRewrite.rewrite(List.of(PathRewrite.defaultRule("/api/proxy", "/github")), "/api/proxy/github/repos/a?page=2");

        assertThat(rewritten).isEqualTo("/repos/a?page=2");
    }

    @Test
    void endpointRootWithAndWithoutSlashGoesToTheTargetPath() {
        assertThat(target("/api/proxy/svc")).isEqualTo("http://svc.internal:8080/base/");
        assertThat(target("/api/proxy/svc/")).isEqualTo("http://svc.internal:8080/base/");
        assertThat(target("/api/proxy/svc/x/y?q=1&q=2")).isEqualTo("http://svc.internal:8080/base/x/y?q=1&q=2");
    }

    @Test
    void firstMatchingRuleWinsAndMayUseGroups() {
        List<PathRewrite.Rule> rules = List.of(
                new PathRewrite.Rule(Pattern.compile("^/api/proxy/svc/v1/(\\w+)"), "/v2/$1"),
                new PathRewrite.Rule(Pattern.compile("^/api/proxy/svc"), "/other"));

        assertThat(PathRewrite.rewrite(rules, "/api/proxy/svc/v1/users/7")).isEqualTo("/v2/users/7");
        assertThat(PathRewrite.rewrite(rules, "/api/proxy/svc/x")).isEqualTo("/other/x");
        assertThat(PathRewrite.rewrite(rules, "/elsewhere")).isEqualTo("/elsewhere");
    }

    @Test
    void doubleSlashesAtSignsAndAbsoluteUrlsStayOnTheTarget() {
        assertThat(target("/api/proxy/svc//evil.example/x")).isEqualTo("http://svc.internal:8080/base/evil.example/x");
        assertThat(target("/api/proxy/svc/@evil.example")).isEqualTo("http://svc.internal:8080/base/@evil.example");
        assertThat(target("/api/proxy/svc/http://evil.example/")).isEqualTo("http://svc.internal:8080/base/http:/evil.example/");
        assertThat(URI.create(target("/api/proxy/svc//@evil.example:80/")).getHost()).isEqualTo("svc.internal");
    }

    @Test
    void refusesDotSegmentsPlainOrEncoded() {
        for (String path : List.of("/api/proxy/svc/../admin", "/api/proxy/svc/a/%2e%2e/admin", "/api/proxy/svc/..%2F..%2Fadmin",
                "/api/proxy/svc/.%2E", "/api/proxy/svc/..%5cadmin", "/api/proxy/svc/./x")) {
            assertThatThrownBy(() -> target(path)).as(path).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'..'");
        }
    }

    @Test
    void refusesDotSegmentsHiddenByDoubleEncodingOrPathParameters() {
        for (String path : List.of("/api/proxy/svc/..%3b/admin", "/api/proxy/svc/..%3B/admin", "/api/proxy/svc/..;x/admin",
                "/api/proxy/svc/.;/admin", "/api/proxy/svc/%252e%252e/admin", "/api/proxy/svc/%25252E%25252E/admin",
                "/api/proxy/svc/%2e%2e%3bjsessionid=1/admin", "/api/proxy/svc/a%252f..%252fadmin", "/api/proxy/svc/x%255c..",
                "/api/proxy/svc/%252E/admin")) {
            assertThatThrownBy(() -> target(path)).as(path).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'..'");
        }
    }

    @Test
    void keepsPercentSignsAndDotsThatAreNotDotSegments() {
        assertThat(target("/api/proxy/svc/100%25/a..b/..c/.well-known/%2541")).isEqualTo("http://svc.internal:8080/base/100%25/a..b/..c/.well-known/%2541");
    }

    @Test
    void anInvalidPathOrQueryIsRefusedWithoutNamingTheTarget() {
        URI secret = URI.create("http://svc.internal:8080/hooks/T0PSECRET");
        for (String rewritten : List.of("/x?a=%ZZ", "/x%ZZ", "/x y", "/x?a=<b>")) {
            assertThatThrownBy(() -> PathRewrite.targetUri(secret, rewritten)).as(rewritten).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the request path or query is not a valid URI");
        }
    }

    @Test
    void keepsAnEncodedSlashInsideOneSegment() {
        assertThat(target("/api/proxy/svc/projects/group%2Fproject")).isEqualTo("http://svc.internal:8080/base/projects/group%2Fproject");
    }

    @Test
    void aTargetWithoutPathGetsTheRequestPathAlone() {
        String rewritten = PathRewrite.rewrite(List.of(PathRewrite.defaultRule("/api/proxy", "/gh")), "/api/proxy/gh/user");

        assertThat(PathRewrite.targetUri(URI.create("https://api.github.com"), rewritten)).hasToString("https://api.github.com/user");
    }
}
