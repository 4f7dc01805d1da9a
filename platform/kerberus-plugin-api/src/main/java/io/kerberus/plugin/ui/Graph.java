package io.kerberus.plugin.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A directed graph drawn as SVG, laid out on the server from left to right: boxes that link to
 * their pages and labelled arrows between them, such as an entity and its owner, system and APIs.
 * Cycles are fine; edges between the same two nodes share one arrow with their labels joined, and
 * a list of the edges in words follows for screen readers. Same graph, same markup.
 *
 * @param label what the graph shows, its accessible name
 * @param nodes the boxes; a node whose id was already used is ignored
 * @param edges the arrows; one naming an unknown node, or from a node to itself, is ignored
 */
public record Graph(String label, List<Node> nodes, List<Edge> edges) implements Component {

    private static final int LABEL_CHARS = 22;
    private static final int KIND_CHARS = 30;
    private static final int EDGE_LABEL_CHARS = 40;
    private static final double EDGE_CHAR_WIDTH = 6.5;

    /**
     * A box.
     *
     * @param id    the unique key edges refer to
     * @param label the main text, cut to fit the box with the full text as its tooltip
     * @param kind  a small caption above the label such as "component", may be empty
     * @param href  where the box links to (through {@link Html#safeUrl}), empty for no link
     * @param focus whether this is the highlighted centre node
     */
    public record Node(String id, String label, String kind, String href, boolean focus) {

        /** Requires an id; a missing label shows the id, a missing kind or href is empty. */
        public Node {
            Objects.requireNonNull(id, "id");
            label = label == null ? id : label;
            kind = kind == null ? "" : kind;
            href = href == null ? "" : href;
        }
    }

    /**
     * A directed edge.
     *
     * @param from  the id of the node it starts at
     * @param to    the id of the node it points to
     * @param label what the relation is, such as "ownedBy", may be empty
     */
    public record Edge(String from, String to, String label) {

        /** Requires both ends; a missing label is empty. */
        public Edge {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            label = label == null ? "" : label;
        }
    }

    /** Copies the lists; a missing label is empty. */
    public Graph {
        label = label == null ? "" : label;
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The SVG drawing and the list of edges for screen readers, or a short note when there are no nodes. */
    @Override
    public Html html() {
        Resolved graph = resolve();
        if (graph.nodes().isEmpty()) {
            return Html.trusted("<p class=\"muted\">Nothing to show.</p>");
        }
        GraphLayout.Result layout = layout(graph);
        String id = "graph-" + Integer.toHexString(Objects.hash(label, nodes, edges));
        List<Html> paths = new ArrayList<>();
        List<Html> labels = new ArrayList<>();
        for (int i = 0; i < graph.bundles().size(); i++) {
            paths.add(edge(id, graph.bundles().get(i), layout.routes().get(i)));
            labels.add(edgeLabel(graph.bundles().get(i), layout.routes().get(i).labelAt()));
        }
        List<Html> boxes = new ArrayList<>();
        for (int i = 0; i < graph.nodes().size(); i++) {
            boxes.add(node(graph.nodes().get(i), layout.boxes().get(i)));
        }
        String width = num(layout.width());
        String height = num(layout.height());
        return Html.format("""
                <figure class="graph"><svg class="graph-svg" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-labelledby="{}-title">\
                <title id="{}-title">{}</title><defs><marker id="{}-arrow" viewBox="0 0 10 10" refX="10" refY="5" \
                markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">\
                <path class="graph-arrow" d="M0 0L10 5L0 10z"/></marker></defs><g class="graph-edges">{}</g>\
                <g class="graph-nodes">{}</g><g class="graph-edge-labels">{}</g></svg>{}</figure>""",
                width, height, width, height, id, id, label, id, Html.join(paths), Html.join(boxes), Html.join(labels),
                description(graph));
    }

    /** The layout of {@link #html()}: boxes by node in order of first appearance. */
    GraphLayout.Result layout() {
        return layout(resolve());
    }

    /** Edges between one pair of nodes, as one arrow from {@code from} to {@code to}. */
    private record Bundle(int from, int to, String label, boolean forward, boolean backward) {}

    private record Resolved(List<Node> nodes, Map<String, Integer> index, List<Edge> edges, List<Bundle> bundles) {}

    private Resolved resolve() {
        Map<String, Integer> index = new HashMap<>();
        List<Node> distinct = new ArrayList<>();
        for (Node node : nodes) {
            if (index.putIfAbsent(node.id(), distinct.size()) == null) {
                distinct.add(node);
            }
        }
        Set<Edge> valid = new LinkedHashSet<>();
        Map<Long, List<Edge>> pairs = new LinkedHashMap<>();
        for (Edge edge : edges) {
            Integer from = index.get(edge.from());
            Integer to = index.get(edge.to());
            if (from != null && to != null && !from.equals(to) && valid.add(edge)) {
                long pair = (long) Math.min(from, to) << 32 | Math.max(from, to);
                pairs.computeIfAbsent(pair, p -> new ArrayList<>()).add(edge);
            }
        }
        List<Bundle> bundles = new ArrayList<>();
        for (List<Edge> pair : pairs.values()) {
            Edge first = pair.getFirst();
            String joined = String.join(" / ", pair.stream().map(Edge::label).filter(l -> !l.isEmpty()).distinct().toList());
            bundles.add(new Bundle(index.get(first.from()), index.get(first.to()), joined,
                    pair.stream().anyMatch(e -> e.from().equals(first.from())), pair.stream().anyMatch(e -> e.from().equals(first.to()))));
        }
        return new Resolved(distinct, index, List.copyOf(valid), bundles);
    }

    private static GraphLayout.Result layout(Resolved graph) {
        List<GraphLayout.Link> links = graph.bundles().stream()
                .map(b -> new GraphLayout.Link(b.from(), b.to(), fit(b.label(), EDGE_LABEL_CHARS).codePoints().count() * EDGE_CHAR_WIDTH))
                .toList();
        return GraphLayout.layout(graph.nodes().size(), links);
    }

    private static Html node(Node node, GraphLayout.Box box) {
        String x = num(box.x() + GraphLayout.NODE_WIDTH / 2);
        Html kind = node.kind().isEmpty() ? Html.EMPTY
                : Html.format("<text class=\"graph-kind\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", x, num(box.y() + 19), fit(node.kind(), KIND_CHARS));
        Html group = Html.format("""
                <g class="graph-node{}"><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" rx="8"/>{}\
                <text class="graph-label" x="{}" y="{}" text-anchor="middle">{}</text></g>""",
                node.focus() ? " graph-node-focus" : "", node.kind().isEmpty() ? node.label() : node.label() + " (" + node.kind() + ")",
                num(box.x()), num(box.y()), num(GraphLayout.NODE_WIDTH), num(GraphLayout.NODE_HEIGHT), kind,
                x, num(box.y() + (node.kind().isEmpty() ? 29 : 37)), fit(node.label(), LABEL_CHARS));
        return node.href().isEmpty() ? group : Html.format("<a class=\"graph-link\" href=\"{}\">{}</a>", Html.safeUrl(node.href()), group);
    }

    /** The path runs from left to right, so which end gets an arrow depends on whether the layout reversed it. */
    private static Html edge(String id, Bundle bundle, GraphLayout.Route route) {
        String marker = "url(#" + id + "-arrow)";
        boolean atEnd = route.reversed() ? bundle.backward() : bundle.forward();
        boolean atStart = route.reversed() ? bundle.forward() : bundle.backward();
        return Html.format("<path class=\"graph-edge\" d=\"{}\"{}{}/>", path(route.points()),
                atStart ? Html.format(" marker-start=\"{}\"", marker) : Html.EMPTY,
                atEnd ? Html.format(" marker-end=\"{}\"", marker) : Html.EMPTY);
    }

    private static String path(List<GraphLayout.Point> points) {
        StringBuilder d = new StringBuilder("M").append(xy(points.getFirst().x(), points.getFirst().y()));
        for (int i = 0; i + 1 < points.size(); i += 2) {
            GraphLayout.Point from = points.get(i);
            GraphLayout.Point to = points.get(i + 1);
            double bend = (to.x() - from.x()) / 2;
            if (i > 0) {
                d.append("L").append(xy(from.x(), from.y()));
            }
            d.append("C").append(xy(from.x() + bend, from.y())).append(' ').append(xy(to.x() - bend, to.y()))
                    .append(' ').append(xy(to.x(), to.y()));
        }
        return d.toString();
    }

    private static Html edgeLabel(Bundle bundle, GraphLayout.Point at) {
        if (bundle.label().isEmpty()) {
            return Html.EMPTY;
        }
        String shown = fit(bundle.label(), EDGE_LABEL_CHARS);
        Html title = shown.equals(bundle.label()) ? Html.EMPTY : Html.format("<title>{}</title>", bundle.label());
        return Html.format("<text class=\"graph-edge-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}{}</text>",
                num(at.x()), num(at.y() + 4), title, shown);
    }

    /** Each edge in words, then each node without edges; the links are for screen readers, not the Tab key. */
    private static Html description(Resolved graph) {
        List<Html> items = new ArrayList<>();
        Set<String> mentioned = new HashSet<>();
        for (Edge edge : graph.edges()) {
            mentioned.add(edge.from());
            mentioned.add(edge.to());
            items.add(Html.format("<li>{} {} {}</li>", mention(graph.nodes().get(graph.index().get(edge.from()))),
                    edge.label().isEmpty() ? "links to" : edge.label(), mention(graph.nodes().get(graph.index().get(edge.to())))));
        }
        graph.nodes().stream().filter(n -> !mentioned.contains(n.id())).forEach(n -> items.add(Html.format("<li>{}</li>", mention(n))));
        return Html.format("<ul class=\"sr-only\">{}</ul>", Html.join(items));
    }

    private static Html mention(Node node) {
        Html name = node.kind().isEmpty() ? Html.text(node.label()) : Html.format("{} {}", node.kind(), node.label());
        return node.href().isEmpty() ? name : Html.format("<a href=\"{}\" tabindex=\"-1\">{}</a>", Html.safeUrl(node.href()), name);
    }

    /** The text, or its start and an ellipsis when it has more than {@code max} characters. */
    private static String fit(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    private static String xy(double x, double y) {
        return num(x) + " " + num(y);
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
