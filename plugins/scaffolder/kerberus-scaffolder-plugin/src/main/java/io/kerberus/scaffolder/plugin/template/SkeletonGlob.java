package io.kerberus.scaffolder.plugin.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The globby patterns of {@code copyWithoutTemplating}: matched against paths relative to the
 * skeleton with {@code /} separators; {@code *} and {@code ?} stay within a segment and match dot
 * files, {@code **} spans segments, {@code {a,b}} and {@code [abc]} as usual, a leading {@code !}
 * excludes. A pattern without a slash matches at the top only ({@code *.png} is not
 * {@code **}{@code /*.png}), as globby does.
 */
final class SkeletonGlob {

    private final List<Pattern> includes = new ArrayList<>();
    private final List<Pattern> excludes = new ArrayList<>();

    SkeletonGlob(List<String> patterns) {
        for (String pattern : patterns) {
            boolean negated = pattern.startsWith("!");
            String glob = negated ? pattern.substring(1) : pattern;
            glob = glob.startsWith("./") ? glob.substring(2) : glob;
            glob = glob.endsWith("/") ? glob.substring(0, glob.length() - 1) : glob;
            (negated ? excludes : includes).add(toRegex(glob));
        }
    }

    /** Whether the entry at {@code path} (no trailing slash for directories) is matched. */
    boolean matches(String path) {
        return includes.stream().anyMatch(p -> p.matcher(path).matches())
                && excludes.stream().noneMatch(p -> p.matcher(path).matches());
    }

    static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (glob.startsWith("**", i) && (i == 0 || glob.charAt(i - 1) == '/')
                    && (i + 2 == glob.length() || glob.charAt(i + 2) == '/')) {
                boolean last = i + 2 == glob.length();
                regex.append(last ? ".*" : "(?:.*/)?");
                i += last ? 1 : 2;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[' && glob.indexOf(']', i + 1) > i + 1) {
                int close = glob.indexOf(']', i + 1);
                String members = glob.substring(i + 1, close);
                regex.append('[').append(members.startsWith("!") ? "^" + members.substring(1) : members).append(']');
                i = close;
            } else if (c == '{') {
                regex.append("(?:");
                braces++;
            } else if (c == '}' && braces > 0) {
                regex.append(')');
                braces--;
            } else if (c == ',' && braces > 0) {
                regex.append('|');
            } else if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                regex.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
