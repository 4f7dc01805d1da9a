package io.kerberus.plugin.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.kerberus.plugin.ui.GraphLayout.NODE_HEIGHT;
import static io.kerberus.plugin.ui.GraphLayout.NODE_WIDTH;
import static org.assertj.core.api.Assertions.assertThat;

class GraphTest {

    private static final Pattern RECT = Pattern.compile("<rect x=\"([\\d.]+)\" y=\"([\\d.]+)\" width=\"([\\d.]+)\" height=\"([\\d.]+)\"");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 ([\\d.]+) ([\\d.]+)\"");

    private static Graph.Node node(String id) {
        return new Graph.Node(id, id, "component", "/catalog/" + id, false);
    }

    private static Graph.Edge edge(String from, String to) {
        return new Graph.Edge(from, to, "dependsOn");
    }

    /** An entity with its owner, system, APIs and what depends on it, two levels deep. */
    private static Graph catalogGraph() {
        List<Graph.Node> nodes = new ArrayList<>(List.of(new Graph.Node("svc", "svc", "component", "/svc", true)));
        for (String id : List.of("team", "org", "system", "domain", "api-a", "api-b", "web", "mobile", "db", "queue")) {
            nodes.add(node(id));
        }
        List<Graph.Edge> edges = List.of(new Graph.Edge("svc", "team", "ownedBy"), new Graph.Edge("team", "org", "childOf"),
                new Graph.Edge("svc", "system", "partOf"), new Graph.Edge("system", "domain", "partOf"),
                new Graph.Edge("svc", "api-a", "providesApi"), new Graph.Edge("svc", "api-b", "providesApi"),
                edge("web", "svc"), edge("mobile", "svc"), edge("web", "api-a"), edge("svc", "db"), edge("svc", "queue"),
                new Graph.Edge("system", "team", "ownedBy"), edge("mobile", "db"));
        return new Graph("Relations of svc", nodes, edges);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static long crossings(Graph graph) {
        GraphLayout.Result layout = graph.layout();
        List<GraphLayout.Box> boxes = layout.boxes();
        List<int[]> links = new ArrayList<>();
        for (Graph.Edge e : graph.edges()) {
            links.add(new int[] {indexOf(graph, e.from()), indexOf(graph, e.to())});
        }
        long count = 0;
        for (int[] a : links) {
            for (int[] b : links) {
                boolean sameLayers = boxes.get(a[0]).layer() == boxes.get(b[0]).layer() && boxes.get(a[1]).layer() == boxes.get(b[1]).layer();
                double above = boxes.get(a[0]).y() - boxes.get(b[0]).y();
                double below = boxes.get(a[1]).y() - boxes.get(b[1]).y();
                count += sameLayers && above * below < 0 ? 1 : 0;
            }
        }
        return count / 2;
    }

    private static int indexOf(Graph graph, String id) {
        return graph.nodes().stream().map(Graph.Node::id).toList().indexOf(id);
    }

    @Test
    void placesNodesWithoutOverlap() {
        Graph graph = catalogGraph();

        List<GraphLayout.Box> boxes = graph.layout().boxes();

        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                GraphLayout.Box a = boxes.get(i);
                GraphLayout.Box b = boxes.get(j);
                boolean apart = a.x() + NODE_WIDTH <= b.x() || b.x() + NODE_WIDTH <= a.x()
                        || a.y() + NODE_HEIGHT <= b.y() || b.y() + NODE_HEIGHT <= a.y();
                assertThat(apart).as("%s and %s", graph.nodes().get(i).id(), graph.nodes().get(j).id()).isTrue();
            }
        }
    }

    @Test
    void drawsEveryEdgeOfAnAcyclicGraphFromLeftToRight() {
        Graph graph = catalogGraph();

        GraphLayout.Result layout = graph.layout();

        for (Graph.Edge e : graph.edges()) {
            GraphLayout.Box from = layout.boxes().get(indexOf(graph, e.from()));
            GraphLayout.Box to = layout.boxes().get(indexOf(graph, e.to()));
            assertThat(from.x() + NODE_WIDTH).as(e.toString()).isLessThan(to.x());
        }
        assertThat(layout.routes()).noneMatch(GraphLayout.Route::reversed);
    }

    @Test
    void drawsEveryNodeAndEdgeOfACycle() {
        Graph graph = new Graph("Cycle", List.of(node("a"), node("b"), node("c")),
                List.of(edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("a", "a")));

        String html = graph.html().toString();

        assertThat(count(html, "<rect ")).isEqualTo(3);
        assertThat(count(html, "<path class=\"graph-edge\"")).isEqualTo(3);
        assertThat(count(html, "marker-end=") + count(html, "marker-start=")).isEqualTo(3);
        assertThat(count(html, "<li>")).isEqualTo(3);
    }

    @Test
    void joinsEdgesBetweenTheSameTwoNodesIntoOnePath() {
        Graph graph = new Graph("Pair", List.of(node("a"), node("b")), List.of(new Graph.Edge("a", "b", "ownedBy"),
                new Graph.Edge("b", "a", "ownerOf"), new Graph.Edge("a", "b", "ownedBy")));

        String html = graph.html().toString();

        assertThat(count(html, "<path class=\"graph-edge\"")).isEqualTo(1);
        assertThat(html).contains(">ownedBy / ownerOf</text>").contains("marker-start=").contains("marker-end=");
        assertThat(count(html, "<li>")).isEqualTo(2);
    }

    @Test
    void escapesMarkupInEveryText() {
        String evil = "<script>alert(1)</script>";
        Graph graph = new Graph(evil, List.of(new Graph.Node("a", evil, evil, "/a", false), node("b")),
                List.of(new Graph.Edge("a", "b", evil)));

        String html = graph.html().toString();

        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void linksToUnsafeUrlsBecomeHarmless() {
        Graph graph = new Graph("Links", List.of(new Graph.Node("a", "a", "", "javascript:alert(1)", false)), List.of());

        String html = graph.html().toString();

        assertThat(html).doesNotContain("javascript").contains("href=\"#\"");
    }

    @Test
    void ignoresEdgesToUnknownNodes() {
        Graph graph = new Graph("Unknown", List.of(node("a"), node("b")), List.of(edge("a", "ghost"), edge("ghost", "b")));

        String html = graph.html().toString();

        assertThat(html).doesNotContain("graph-edge\"").doesNotContain("ghost");
        assertThat(count(html, "<rect ")).isEqualTo(2);
    }

    @Test
    void saysSoWhenThereIsNothingToShow() {
        Graph graph = new Graph("Empty", List.of(), List.of(edge("a", "b")));

        String html = graph.html().toString();

        assertThat(html).isEqualTo("<p class=\"muted\">Nothing to show.</p>");
    }

    @Test
    void rendersTheSameMarkupEveryTime() {
        String first = catalogGraph().html().toString();

        String second = catalogGraph().html().toString();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void givesEachGraphItsOwnArrowMarker() {
        Graph one = new Graph("One", List.of(node("a"), node("b")), List.of(edge("a", "b")));
        Graph two = new Graph("Two", List.of(node("a"), node("b")), List.of(edge("a", "b")));

        Matcher first = Pattern.compile("marker id=\"([^\"]+)\"").matcher(one.html().toString());
        Matcher second = Pattern.compile("marker id=\"([^\"]+)\"").matcher(two.html().toString());

        assertThat(first.find() && second.find()).isTrue();
        assertThat(first.group(1)).isNotEqualTo(second.group(1));
        assertThat(one.html().toString()).contains("marker-end=\"url(#" + first.group(1) + ")\"");
    }

    @Test
    void cutsLongLabelsAndKeepsTheFullTextAsTooltip() {
        String name = "a-really-long-component-name-that-does-not-fit";
        Graph graph = new Graph("Long", List.of(new Graph.Node("a", name, "component", "/a", true)), List.of());

        String html = graph.html().toString();

        assertThat(html).contains("<title>" + name + " (component)</title>").contains(">a-really-long", "\u2026</text>")
                .doesNotContain(name + "</text>").contains("graph-node graph-node-focus");
    }

    @Test
    void laysOutThreeHundredRandomNodesInsideTheViewBox() {
        Random random = new Random(7);
        List<Graph.Node> nodes = new ArrayList<>();
        List<Graph.Edge> edges = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            nodes.add(node("n" + i));
        }
        for (int i = 0; i < 600; i++) {
            edges.add(edge("n" + random.nextInt(300), "n" + random.nextInt(300)));
        }

        String html = new Graph("Random", nodes, edges).html().toString();

        Matcher viewBox = VIEW_BOX.matcher(html);
        assertThat(viewBox.find()).isTrue();
        double width = Double.parseDouble(viewBox.group(1));
        double height = Double.parseDouble(viewBox.group(2));
        Matcher rect = RECT.matcher(html);
        int rects = 0;
        while (rect.find()) {
            rects++;
            assertThat(Double.parseDouble(rect.group(1))).isGreaterThanOrEqualTo(0);
            assertThat(Double.parseDouble(rect.group(2))).isGreaterThanOrEqualTo(0);
            assertThat(Double.parseDouble(rect.group(1)) + Double.parseDouble(rect.group(3))).isLessThanOrEqualTo(width);
            assertThat(Double.parseDouble(rect.group(2)) + Double.parseDouble(rect.group(4))).isLessThanOrEqualTo(height);
        }
        assertThat(rects).isEqualTo(300);
    }

    @Test
    void ordersLayersSoThatCrossedChainsUncross() {
        Graph graph = new Graph("Chains", List.of(node("a1"), node("b1"), node("b2"), node("a2"), node("b3"), node("a3")),
                List.of(edge("a1", "a2"), edge("b1", "b2"), edge("a2", "a3"), edge("b2", "b3")));

        long crossings = crossings(graph);

        assertThat(crossings).isZero();
    }
}
