package io.kerberus.plugin.ui;

/**
 * A link. Unsafe URLs ({@code javascript:} ...) become {@code #}; links to other sites open with
 * {@code rel="noopener noreferrer"} and an external-link mark.
 *
 * @param href  where it leads
 * @param label the text
 */
public record Link(String href, String label) implements Component {

    public static Link to(String href, String label) {
        return new Link(href, label);
    }

    /** Whether the link leaves the portal. */
    public boolean isExternal() {
        String url = Html.safeUrl(href);
        return url.startsWith("http://") || url.startsWith("https://") || url.startsWith("mailto:");
    }

    @Override
    public Html html() {
        if (Html.safeUrl(href).startsWith("mailto:")) {
            return Html.format("<a class=\"link\" href=\"{}\">{}</a>", Html.safeUrl(href), label);
        }
        if (isExternal()) {
            return Html.format("<a class=\"link external\" href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{}<span class=\"sr-only\"> (opens in a new tab)</span></a>",
                    Html.safeUrl(href), label);
        }
        return Html.format("<a class=\"link\" href=\"{}\">{}</a>", Html.safeUrl(href), label);
    }
}
