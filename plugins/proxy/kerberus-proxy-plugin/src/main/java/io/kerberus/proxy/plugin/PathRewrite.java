package io.kerberus.proxy.plugin;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the path a caller asked for into the target's path, as http-proxy-middleware does for
 * Backstage: the first {@code pathRewrite} rule whose regex matches the full request path (with its
 * query string, e.g. {@code /api/proxy/github/repos?page=2}) replaces its match; without rules the
 * proxy prefix and endpoint path are cut off. The result is appended to the target's path with
 * repeated slashes collapsed, so no request path can name another host.
 */
final class PathRewrite {

    /**
     * One rewrite rule.
     *
     * @param pattern     matched against the full request path and query
     * @param replacement what the match becomes; {@code $1} refers to groups
     */
    record Rule(Pattern pattern, String replacement) {
    }

    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    private PathRewrite() {
    }

    /** The rule Backstage uses when an endpoint has no {@code pathRewrite}: drop {@code <prefix><endpoint>/?}. */
    static Rule defaultRule(String prefix, String endpointPath) {
        return new Rule(Pattern.compile("^" + Pattern.quote(prefix + endpointPath) + "/?"), "/");
    }

    /** Applies the first matching rule to {@code pathAndQuery}; unchanged when none matches. */
    static String rewrite(List<Rule> rules, String pathAndQuery) {
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(pathAndQuery);
            if (matcher.find()) {
                return matcher.replaceFirst(rule.replacement());
            }
        }
        return pathAndQuery;
    }

    /**
     * The target URI for a rewritten path and query: the target's scheme and authority never change,
     * the target's path comes first, slashes are collapsed, and dot segments ({@code .}, {@code ..},
     * also percent-encoded) are refused so that a request cannot climb out of the target's path.
     *
     * @throws IllegalArgumentException when the path holds dot segments or is not a valid URI path
     */
    static URI targetUri(URI target, String rewrittenPathAndQuery) {
        int question = rewrittenPathAndQuery.indexOf('?');
        String path = question < 0 ? rewrittenPathAndQuery : rewrittenPathAndQuery.substring(0, question);
        String query = question < 0 ? null : rewrittenPathAndQuery.substring(question + 1);
        for (String segment : path.split("/")) {
            if (isDotSegment(segment)) {
                throw new IllegalArgumentException("path segments '.' and '..' cannot pass through the proxy");
            }
        }
        String basePath = target.getRawPath() == null ? "" : target.getRawPath();
        String joined = SLASHES.matcher(basePath + "/" + path).replaceAll("/");
        if (path.isEmpty() && !basePath.isEmpty() && !basePath.endsWith("/")) {
            joined = basePath;
        }
        String uri = target.getScheme() + "://" + target.getRawAuthority() + joined + (query == null || query.isEmpty() ? "" : "?" + query);
        URI result = URI.create(uri);
        if (!target.getScheme().equals(result.getScheme()) || !target.getRawAuthority().equals(result.getRawAuthority())) {
            throw new IllegalArgumentException("the path would leave the target");
        }
        return result;
    }

    private static boolean isDotSegment(String segment) {
        String decoded = segment.toLowerCase(Locale.ROOT).replace("%2e", ".").replace("%2f", "/").replace("%5c", "\\");
        return decoded.equals(".") || decoded.equals("..") || decoded.contains("../") || decoded.contains("..\\")
                || decoded.endsWith("/..") || decoded.endsWith("\\..") || decoded.startsWith("./") || decoded.contains("/./");
    }
}
