package io.kerberus.techdocs.plugin.build;

import io.kerberus.plugin.ui.Html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A site's nav as nested lists, the current page marked; used by the built pages and by the portal's reader. */
public final class NavHtml {

    private NavHtml() {
    }

    /**
     * @param current the URL of the page shown
     * @param hrefOf  the link of a site-relative page URL (relative in a built site, {@code /docs/...} in the portal)
     */
    public static Html render(List<DocsSite.NavNode> nav, String current, UnaryOperator<String> hrefOf) {
        return Html.format("<ul class=\"docs-nav-list\">{}</ul>", items(nav, current, hrefOf));
    }

    private static Html items(List<DocsSite.NavNode> nodes, String current, UnaryOperator<String> hrefOf) {
        List<Html> items = new ArrayList<>();
        for (DocsSite.NavNode node : nodes) {
            if (node.url() == null) {
                boolean open = contains(node.children(), current);
                items.add(Html.format("<li class=\"docs-nav-section\"><details{}><summary>{}</summary><ul>{}</ul></details></li>",
                        open ? Html.trusted(" open") : Html.EMPTY, node.title(), items(node.children(), current, hrefOf)));
            } else if (node.external()) {
                items.add(Html.format("<li><a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{}</a></li>", Html.safeUrl(node.url()), node.title()));
            } else {
                boolean active = node.url().equals(current);
                items.add(Html.format("<li><a href=\"{}\"{}>{}</a></li>", Html.safeUrl(hrefOf.apply(node.url())),
                        active ? Html.trusted(" class=\"active\" aria-current=\"page\"") : Html.EMPTY, node.title()));
            }
        }
        return Html.join(items);
    }

    private static boolean contains(List<DocsSite.NavNode> nodes, String url) {
        for (DocsSite.NavNode node : nodes) {
            if (url.equals(node.url()) || contains(node.children(), url)) {
                return true;
            }
        }
        return false;
    }
}
