package io.kerberus.techdocs.plugin.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;

import java.util.Set;

/** Renders nodes in the HTML shape of MkDocs and pymdownx: headings with ids and permalinks, admonitions, tabs, fences. */
final class MkdocsNodeRenderer implements NodeRenderer {

    private final String permalink;
    private final String permalinkTitle;

    MkdocsNodeRenderer(String permalink, String permalinkTitle) {
        this.permalink = permalink;
        this.permalinkTitle = permalinkTitle;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(Heading.class, this::heading),
                new NodeRenderingHandler<>(ContainerBlock.class, this::container),
                new NodeRenderingHandler<>(FencedCodeBlock.class, this::fence),
                new NodeRenderingHandler<>(InlineTag.class, this::inlineTag));
    }

    private void heading(Heading node, NodeRendererContext context, HtmlWriter html) {
        PageState state = PageState.of(node.getDocument());
        String id = state == null ? null : state.headingIds.get(node);
        if (id != null) {
            html.attr("id", id);
        }
        html.srcPos(node.getText()).withAttr().tagLine("h" + node.getLevel(), () -> {
            context.renderChildren(node);
            if (permalink != null && id != null) {
                html.raw("<a class=\"headerlink\" href=\"#" + escape(id) + "\" title=\"" + escape(permalinkTitle) + "\">"
                        + escape(permalink) + "</a>");
            }
        });
    }

    private void container(ContainerBlock node, NodeRendererContext context, HtmlWriter html) {
        switch (node.kind) {
            case ADMONITION -> {
                html.attr("class", "admonition " + node.types).withAttr().tagLine("div", () -> {
                    String title = node.title == null ? node.defaultTitle() : node.title;
                    if (!title.isEmpty()) {
                        html.raw("<p class=\"admonition-title\">" + escape(title) + "</p>").line();
                    }
                    context.renderChildren(node);
                });
            }
            case DETAILS -> {
                html.attr("class", node.types);
                if (node.open) {
                    html.attr("open", "open");
                }
                html.withAttr().tagLine("details", () -> {
                    String title = node.title == null || node.title.isEmpty() ? node.defaultTitle() : node.title;
                    html.raw("<summary>" + escape(title) + "</summary>").line();
                    context.renderChildren(node);
                });
            }
            case TAB -> tab(node, context, html);
        }
    }

    private void tab(ContainerBlock node, NodeRendererContext context, HtmlWriter html) {
        PageState state = PageState.of(node.getDocument());
        if (startsSet(node)) {
            state.tabSets++;
            html.line().raw("<div class=\"tabbed-set\" data-tabs=\"" + state.tabSets + ":" + countSet(node) + "\">").line();
        }
        int index = 1;
        for (Node n = node; !startsSet(n); n = n.getPrevious()) {
            index++;
        }
        String name = "__tabbed_" + state.tabSets;
        String id = name + "_" + index;
        boolean checked = node.open || index == 1 && !setHasOpenTab(node);
        html.raw("<input type=\"radio\" name=\"" + name + "\" id=\"" + id + "\"" + (checked ? " checked=\"checked\"" : "") + " />");
        html.raw("<label for=\"" + id + "\">" + escape(node.title) + "</label>").line();
        html.raw("<div class=\"tabbed-content\">").line();
        context.renderChildren(node);
        html.line().raw("</div>").line();
        if (!(node.getNext() instanceof ContainerBlock next && next.kind == ContainerBlock.Kind.TAB && !next.newSet)) {
            html.raw("</div>").line();
        }
    }

    private static boolean startsSet(Node node) {
        ContainerBlock tab = (ContainerBlock) node;
        return tab.newSet || !(tab.getPrevious() instanceof ContainerBlock previous && previous.kind == ContainerBlock.Kind.TAB);
    }

    private static Node firstOfSet(Node node) {
        Node n = node;
        while (!startsSet(n)) {
            n = n.getPrevious();
        }
        return n;
    }

    private static int countSet(Node first) {
        int count = 1;
        for (Node n = first.getNext(); n instanceof ContainerBlock tab && tab.kind == ContainerBlock.Kind.TAB && !tab.newSet; n = n.getNext()) {
            count++;
        }
        return count;
    }

    private static boolean setHasOpenTab(Node node) {
        Node first = firstOfSet(node);
        int count = countSet(first);
        Node n = first;
        for (int i = 0; i < count; i++, n = n.getNext()) {
            if (((ContainerBlock) n).open) {
                return true;
            }
        }
        return false;
    }

    private void fence(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
        FenceInfo info = FenceInfo.parse(node.getInfo().toString());
        String code = node.getContentChars().toString();
        html.line();
        if (info.language().equalsIgnoreCase("mermaid")) {
            html.raw("<pre class=\"mermaid\">").openPre().text(code).raw("</pre>").closePre().line();
            return;
        }
        if (info.title() != null) {
            html.raw("<div class=\"highlight\"><span class=\"filename\">" + escape(info.title()) + "</span>");
        }
        html.raw("<pre>").openPre();
        html.raw(info.language().isEmpty() ? "<code>" : "<code class=\"language-" + escape(info.language()) + "\">");
        html.text(code).raw("</code></pre>").closePre();
        if (info.title() != null) {
            html.raw("</div>");
        }
        html.line();
    }

    private void inlineTag(InlineTag node, NodeRendererContext context, HtmlWriter html) {
        html.raw("<" + node.tag + ">");
        context.renderChildren(node);
        html.raw("</" + node.tag + ">");
    }

    private static String escape(String s) {
        return Escaping.escapeHtml(s, false);
    }
}
