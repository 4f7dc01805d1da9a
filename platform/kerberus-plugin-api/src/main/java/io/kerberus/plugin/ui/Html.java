package io.kerberus.plugin.ui;

import java.util.Locale;
import java.util.Objects;

/**
 * A piece of HTML that is safe to send: built from trusted markup with every untrusted value
 * escaped. Plugins build pages from {@code Html} values and the platform components, never from
 * concatenated strings.
 *
 * <pre>{@code
 * Html.format("<p class=\"lead\">Owned by {}</p>", owner)   // owner is escaped
 * }</pre>
 */
public final class Html implements Component {

    /** No markup. */
    public static final Html EMPTY = new Html("");

    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /** Text shown as is: {@code <script>} becomes visible text. */
    public static Html text(String text) {
        return text == null ? EMPTY : new Html(escape(text));
    }

    /**
     * Markup the caller vouches for: a literal in the code, or HTML that went through a sanitizer.
     * Never pass user input here.
     */
    public static Html trusted(String markup) {
        return new Html(Objects.requireNonNull(markup));
    }

    /**
     * Fills each {@code {}} in a trusted template with an argument: {@link Component}s are inserted
     * as they are, {@code null} as nothing, anything else as escaped text. Use it inside quoted
     * attributes as well as between tags; URLs in {@code href} go through {@link #safeUrl} first.
     */
    public static Html format(String template, Object... args) {
        StringBuilder out = new StringBuilder(template.length() + 16 * args.length);
        int next = 0;
        int from = 0;
        for (int at = template.indexOf("{}"); at >= 0; at = template.indexOf("{}", from)) {
            if (next >= args.length) {
                throw new IllegalArgumentException("Template has more {} than the " + args.length + " arguments: " + template);
            }
            out.append(template, from, at);
            append(out, args[next++]);
            from = at + 2;
        }
        if (next != args.length) {
            throw new IllegalArgumentException("Template has " + next + " {} but got " + args.length + " arguments: " + template);
        }
        return new Html(out.append(template, from, template.length()).toString());
    }

    /** The parts one after the other. */
    public static Html join(Iterable<? extends Component> parts) {
        StringBuilder out = new StringBuilder();
        for (Component part : parts) {
            out.append(part.html().markup);
        }
        return new Html(out.toString());
    }

    /** The parts one after the other. */
    public static Html join(Component... parts) {
        return join(java.util.Arrays.asList(parts));
    }

    /** Escapes {@code & < > " '} so that text is safe between tags and in quoted attributes. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String replacement = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * The URL if it is safe to link to: {@code http}, {@code https}, {@code mailto} or a relative
     * URL. Anything else ({@code javascript:}, {@code data:} ...) becomes {@code #}.
     */
    public static String safeUrl(String url) {
        if (url == null) {
            return "#";
        }
        String trimmed = url.strip();
        int colon = trimmed.indexOf(':');
        int slash = trimmed.indexOf('/');
        boolean hasScheme = colon > 0 && (slash < 0 || colon < slash);
        if (!hasScheme) {
            return trimmed.startsWith("//") ? "#" : trimmed;
        }
        String scheme = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https", "mailto" -> trimmed;
            default -> "#";
        };
    }

    public boolean isEmpty() {
        return markup.isEmpty();
    }

    @Override
    public Html html() {
        return this;
    }

    /** The markup. */
    @Override
    public String toString() {
        return markup;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Html html && html.markup.equals(markup);
    }

    @Override
    public int hashCode() {
        return markup.hashCode();
    }

    private static void append(StringBuilder out, Object arg) {
        if (arg instanceof Component component) {
            out.append(component.html().markup);
        } else if (arg != null) {
            out.append(escape(arg.toString()));
        }
    }
}
