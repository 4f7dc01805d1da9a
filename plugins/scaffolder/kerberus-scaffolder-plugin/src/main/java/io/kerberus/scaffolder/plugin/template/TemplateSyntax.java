package io.kerberus.scaffolder.plugin.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The bits of Nunjucks syntax Jinjava reads differently, fixed before Jinjava sees a template:
 * JavaScript's {@code ===} and {@code !==} (Nunjucks has them, Jinja does not) become
 * {@code ==} and {@code !=}; a property named like a JUEL keyword ({@code parameters.empty})
 * becomes {@code parameters['empty']}; filter names are collected so that an unknown one is an error, not
 * Jinjava's silent empty string. Only code is touched: expressions and tags, outside quotes and
 * outside {@code {% raw %}} blocks.
 */
final class TemplateSyntax {

    record FilterUse(String name, int line) {
    }

    record Prepared(String template, List<FilterUse> filters) {
    }

    private static final Pattern END_RAW = Pattern.compile("\\{%-?\\s*endraw\\s*-?%}");
    private static final Pattern RAW = Pattern.compile("^-?\\s*raw\\s*-?$");
    private static final Pattern IDENTIFIER = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> JUEL_KEYWORDS = Set.of("empty", "div", "mod", "eq", "ne", "lt", "gt", "le", "ge",
            "and", "or", "not", "instanceof", "true", "false", "null");

    private TemplateSyntax() {
    }

    static Prepared prepare(String template, String expressionStart) {
        StringBuilder out = new StringBuilder(template.length());
        List<FilterUse> filters = new ArrayList<>();
        int[] breaks = newlineOffsets(template);
        int i = 0;
        while (i < template.length()) {
            int open = nextOpening(template, i, expressionStart);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            String opener = template.startsWith(expressionStart, open) ? expressionStart : template.substring(open, open + 2);
            String closer = opener.equals("{#") ? "#}" : opener.equals("{%") ? "%}" : "}}";
            int close = opener.equals("{#") ? template.indexOf(closer, open + 2) : closing(template, open + opener.length(), closer);
            if (close < 0) {
                out.append(template, open, template.length());
                break;
            }
            String body = template.substring(open + opener.length(), close);
            out.append(opener).append(opener.equals("{#") ? body : rewrite(body, 1 + linesBefore(breaks, open), filters)).append(closer);
            i = close + closer.length();
            if (opener.equals("{%") && RAW.matcher(body.strip()).matches()) {
                Matcher end = END_RAW.matcher(template);
                int rawEnd = end.find(i) ? end.start() : template.length();
                out.append(template, i, rawEnd);
                i = rawEnd;
            }
        }
        return new Prepared(out.toString(), filters);
    }

    /**
     * The expression of a value that is exactly one {@code ${{ expr }}} and nothing else, as
     * Backstage's {@code isSingleTemplateString} decides before keeping the value's JSON type.
     */
    static Optional<String> singleExpression(String value, String expressionStart) {
        if (!value.startsWith(expressionStart) || !value.endsWith("}}")) {
            return Optional.empty();
        }
        int close = closing(value, expressionStart.length(), "}}");
        return close == value.length() - 2
                ? Optional.of(value.substring(expressionStart.length(), close))
                : Optional.empty();
    }

    private static int nextOpening(String template, int from, String expressionStart) {
        int best = -1;
        for (String opener : new String[] {expressionStart, "{%", "{#"}) {
            int at = template.indexOf(opener, from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }

    /** Where {@code closer} ends the code starting at {@code from}, skipping quoted strings; -1 if nowhere. */
    private static int closing(String text, int from, String closer) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (text.startsWith(closer, i)) {
                return i;
            }
        }
        return -1;
    }

    private static String rewrite(String code, int line, List<FilterUse> filters) {
        StringBuilder out = new StringBuilder(code.length());
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < code.length()) {
                    out.append(code.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (code.startsWith("===", i) || code.startsWith("!==", i)) {
                out.append(c).append('=');
                i += 2;
            } else if (c == '.' && i > 0 && isMemberOwnerEnd(code.charAt(i - 1)) && reservedMemberAt(code, i + 1) != null) {
                String word = reservedMemberAt(code, i + 1);
                out.append("['").append(word).append("']");
                i += word.length();
            } else {
                out.append(c);
                if (c == '|' && !code.startsWith("|", i + 1) && (i == 0 || code.charAt(i - 1) != '|')) {
                    Matcher name = IDENTIFIER.matcher(code).region(i + 1, code.length());
                    if (name.lookingAt()) {
                        filters.add(new FilterUse(name.group(1), line + newlines(code, i)));
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean isMemberOwnerEnd(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ']' || c == ')';
    }

    /** A JUEL keyword right after a dot ({@code parameters.empty}), which Jinjava cannot parse as a property. */
    private static String reservedMemberAt(String code, int from) {
        Matcher name = IDENTIFIER.matcher(code).region(from, code.length());
        if (name.lookingAt() && name.start(1) == from && JUEL_KEYWORDS.contains(name.group(1))) {
            return name.group(1);
        }
        return null;
    }

    private static int[] newlineOffsets(String text) {
        return IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').toArray();
    }

    private static int linesBefore(int[] breaks, int offset) {
        int at = Arrays.binarySearch(breaks, offset);
        return at >= 0 ? at : -at - 1;
    }

    private static int newlines(String text, int end) {
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
