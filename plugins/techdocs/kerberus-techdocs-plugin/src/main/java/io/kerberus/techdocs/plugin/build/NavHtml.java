package io.kerberus.techdocs.plugin.build;

import io.kerberus.plugin.ui.Html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Draws a site's nav as nested lists, the current page marked and the sections around it open.
 * A site's nav is the same on every page but for those marks and the links, so {@link #compile}
 * escapes it once and {@link Compiled#render} only concatenates: a 500-page site writes its nav 500
 * times.
 */
public final class NavHtml {

    private NavHtml() {
    }

    /**
     * @param current the URL of the page shown
     * @param hrefOf  the link of a site-relative page URL (relative in a built site, {@code /docs/...} in the portal)
     */
    public static Html render(List<DocsSite.NavNode> nav, String current, UnaryOperator<String> hrefOf) {
        return compile(nav).render(current, hrefOf);
    }

    /** The nav, escaped once, for drawing on many pages. */
    public static Compiled compile(List<DocsSite.NavNode> nav) {
        return new Compiled(nodes(nav));
    }

    private record Node(String title, String url, boolean external, String externalHref, List<Node> children) {
        boolean contains(String current) {
            for (Node child : children) {
                if (current.equals(child.url) || child.contains(current)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static List<Node> nodes(List<DocsSite.NavNode> nav) {
        List<Node> out = new ArrayList<>(nav.size());
        for (DocsSite.NavNode node : nav) {
            out.add(new Node(Html.escape(node.title()), node.url(), node.external(),
                    node.external() ? Html.escape(Html.safeUrl(node.url())) : null, nodes(node.children())));
        }
        return out;
    }

    /** A nav ready to draw. */
    public static final class Compiled {

        private final List<Node> nodes;

        private Compiled(List<Node> nodes) {
            this.nodes = nodes;
        }

        /** The nav for the page at {@code current} (null: no page marked, no section open), links made by {@code hrefOf}. */
        public Html render(String current, UnaryOperator<String> hrefOf) {
            StringBuilder out = new StringBuilder(4096);
            out.append("<ul class=\"docs-nav-list\">");
            items(nodes, current, hrefOf, out);
            out.append("</ul>");
            return Html.trusted(out.toString());
        }

        private static void items(List<Node> nodes, String current, UnaryOperator<String> hrefOf, StringBuilder out) {
            for (Node node : nodes) {
                if (node.url == null) {
                    out.append("<li class=\"docs-nav-section\"><details").append(current != null && node.contains(current) ? " open" : "").append("><summary>")
                            .append(node.title).append("</summary><ul>");
                    items(node.children, current, hrefOf, out);
                    out.append("</ul></details></li>");
                } else if (node.external) {
                    out.append("<li><a href=\"").append(node.externalHref).append("\" rel=\"noopener noreferrer\" target=\"_blank\">")
                            .append(node.title).append("</a></li>");
                } else {
                    out.append("<li><a href=\"").append(Html.escape(Html.safeUrl(hrefOf.apply(node.url)))).append('"')
                            .append(node.url.equals(current) ? " class=\"active\" aria-current=\"page\"" : "").append('>')
                            .append(node.title).append("</a></li>");
                }
            }
        }
    }
}
