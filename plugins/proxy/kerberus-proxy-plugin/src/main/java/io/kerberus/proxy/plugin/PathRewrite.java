package io.kerberus.proxy.plugin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HexFormat;
import java.util.List;
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

    /**
     * A request the proxy refuses to pass on. Its message is fixed text that never names the target,
     * whose path may hold a secret (a webhook key, say).
     */
    static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    /** The message for a path or query that is no valid URI; never the URI itself, which names the target's path. */
    static final String INVALID = "the request path or query is not a valid URI";
    static final String DOT_SEGMENTS = "path segments '.' and '..' (also percent-encoded, double-encoded or with ';' parameters) "
            + "cannot pass through the proxy";

    private static final Pattern SLASHES = Pattern.compile("/{2,}");
    /** An encoded {@code %} before a dot, slash or backslash: a double-encoded path trick, refused outright. */
    private static final Pattern DOUBLE_ENCODED = Pattern.compile("%25(2e|2f|5c)", Pattern.CASE_INSENSITIVE);
    /** Enough rounds of percent-decoding for any nesting a server behind the target might undo. */
    private static final int DECODE_ROUNDS = 8;

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
     * @throws Refused when the path holds dot segments or is not a valid URI path; the message never names the target
     */
    static URI targetUri(URI target, String rewrittenPathAndQuery) {
        int question = rewrittenPathAndQuery.indexOf('?');
        String path = question < 0 ? rewrittenPathAndQuery : rewrittenPathAndQuery.substring(0, question);
        String query = question < 0 ? null : rewrittenPathAndQuery.substring(question + 1);
        if (hasDotSegment(path)) {
            throw new Refused(DOT_SEGMENTS);
        }
        String basePath = target.getRawPath() == null ? "" : target.getRawPath();
        String joined = SLASHES.matcher(basePath + "/" + path).replaceAll("/");
        if (path.isEmpty() && !basePath.isEmpty() && !basePath.endsWith("/")) {
            joined = basePath;
        }
        String uri = target.getScheme() + "://" + target.getRawAuthority() + joined + (query == null || query.isEmpty() ? "" : "?" + query);
        URI result;
        try {
            result = new URI(uri);
        } catch (URISyntaxException e) {
            // the exception's message quotes the whole URI, target path included: never pass it on
            throw new Refused(INVALID);
        }
        if (!target.getScheme().equals(result.getScheme()) || !target.getRawAuthority().equals(result.getRawAuthority())) {
            throw new Refused("the path would leave the target");
        }
        return result;
    }

    /**
     * Whether a raw path holds a segment that some server on the way could read as {@code .} or
     * {@code ..}: plain, percent-encoded any number of times, split off by an encoded slash or
     * backslash, or followed by a {@code ;} parameter (Tomcat reads {@code ..;x} as {@code ..}).
     * An encoded {@code %} before {@code 2e}, {@code 2f} or {@code 5c} is refused outright.
     */
    static boolean hasDotSegment(String path) {
        if (DOUBLE_ENCODED.matcher(path).find()) {
            return true;
        }
        for (String segment : path.split("/")) {
            String decoded = segment;
            for (int round = 0; round < DECODE_ROUNDS; round++) {
                String next = percentDecode(decoded);
                if (next.equals(decoded)) {
                    break;
                }
                decoded = next;
            }
            for (String part : decoded.split("[/\\\\]", -1)) {
                int semicolon = part.indexOf(';');
                String name = semicolon < 0 ? part : part.substring(0, semicolon);
                if (name.equals(".") || name.equals("..")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Decodes every valid {@code %XX} as one ISO-8859-1 character and leaves anything else as it is. */
    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && HexFormat.isHexDigit(text.charAt(i + 1)) && HexFormat.isHexDigit(text.charAt(i + 2))) {
                out.append((char) HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
