package io.kerberus.plugin.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Lays a directed graph out in layers from left to right, as dagre does with {@code rankdir LR}:
 * break cycles, layer by longest path, order each layer by barycenters to reduce crossings, then
 * stack each layer centred vertically. A link that spans several layers passes through dummy
 * vertices, which keep a free row for it so that it runs between the boxes it passes. The same
 * input always gives the same result.
 */
final class GraphLayout {

    static final double NODE_WIDTH = 190;
    static final double NODE_HEIGHT = 48;
    static final double LAYER_GAP = 110;
    static final double ROW_GAP = 22;
    static final double MARGIN = 16;
    private static final double LABEL_PADDING = 12;
    private static final double PORT_STEP = 8;
    private static final int SWEEPS = 12;

    /** A link between two nodes by index: at most one per pair of nodes, never a self-loop. */
    record Link(int from, int to, double labelWidth) {}

    record Point(double x, double y) {}

    /** A node's layer and the top-left corner of its box. */
    record Box(int layer, double x, double y) {}

    /**
     * How to draw a link: from left to right through {@code points}, curving between layers and
     * running straight across a layer it passes. {@code reversed} when that is against the link.
     */
    record Route(boolean reversed, List<Point> points, Point labelAt) {}

    /** Boxes by node index, routes by link index, and the size of the drawing. */
    record Result(List<Box> boxes, List<Route> routes, double width, double height) {}

    private final int nodeCount;
    private final List<Link> links;
    private final boolean[] reversed;
    private final List<int[]> chains = new ArrayList<>();
    private final List<List<Integer>> preds = new ArrayList<>();
    private final List<List<Integer>> succs = new ArrayList<>();
    private int[] layer;
    private int[] position;

    private GraphLayout(int nodeCount, List<Link> links) {
        this.nodeCount = nodeCount;
        this.links = links;
        this.reversed = new boolean[links.size()];
    }

    static Result layout(int nodeCount, List<Link> links) {
        GraphLayout layout = new GraphLayout(nodeCount, List.copyOf(links));
        layout.breakCycles();
        layout.assignLayers();
        layout.insertDummies();
        return layout.place(layout.orderLayers());
    }

    /** Reverses the links that close a cycle in a depth-first search from the nodes in order. */
    private void breakCycles() {
        List<List<Integer>> out = lists(nodeCount);
        for (int i = 0; i < links.size(); i++) {
            out.get(links.get(i).from()).add(i);
        }
        int[] state = new int[nodeCount]; // 0 unseen, 1 on the search path, 2 done
        for (int root = 0; root < nodeCount; root++) {
            Deque<int[]> stack = new ArrayDeque<>();
            if (state[root] == 0) {
                state[root] = 1;
                stack.push(new int[] {root, 0});
            }
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                if (top[1] == out.get(top[0]).size()) {
                    state[top[0]] = 2;
                    stack.pop();
                    continue;
                }
                int link = out.get(top[0]).get(top[1]++);
                int next = links.get(link).to();
                reversed[link] = state[next] == 1;
                if (state[next] == 0) {
                    state[next] = 1;
                    stack.push(new int[] {next, 0});
                }
            }
        }
    }

    private int tail(int link) {
        return reversed[link] ? links.get(link).to() : links.get(link).from();
    }

    private int head(int link) {
        return reversed[link] ? links.get(link).from() : links.get(link).to();
    }

    /** Longest path from the sources, then each source moved next to its nearest successor. */
    private void assignLayers() {
        List<List<Integer>> out = lists(nodeCount);
        int[] indegree = new int[nodeCount];
        for (int i = 0; i < links.size(); i++) {
            out.get(tail(i)).add(head(i));
            indegree[head(i)]++;
        }
        boolean[] source = new boolean[nodeCount];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int v = 0; v < nodeCount; v++) {
            source[v] = indegree[v] == 0;
            if (source[v]) {
                ready.add(v);
            }
        }
        layer = new int[nodeCount];
        while (!ready.isEmpty()) {
            int v = ready.poll();
            for (int w : out.get(v)) {
                layer[w] = Math.max(layer[w], layer[v] + 1);
                if (--indegree[w] == 0) {
                    ready.add(w);
                }
            }
        }
        for (int v = 0; v < nodeCount; v++) {
            if (source[v] && !out.get(v).isEmpty()) {
                layer[v] = out.get(v).stream().mapToInt(w -> layer[w]).min().orElseThrow() - 1;
            }
        }
    }

    private void insertDummies() {
        int vertices = nodeCount;
        for (int i = 0; i < links.size(); i++) {
            vertices += layer[head(i)] - layer[tail(i)] - 1;
        }
        int[] layers = Arrays.copyOf(layer, vertices);
        preds.addAll(lists(vertices));
        succs.addAll(lists(vertices));
        int next = nodeCount;
        for (int i = 0; i < links.size(); i++) {
            int span = layer[head(i)] - layer[tail(i)];
            int[] chain = new int[span + 1];
            chain[0] = tail(i);
            chain[span] = head(i);
            for (int k = 1; k < span; k++) {
                chain[k] = next;
                layers[next++] = layer[tail(i)] + k;
            }
            for (int k = 0; k < span; k++) {
                succs.get(chain[k]).add(chain[k + 1]);
                preds.get(chain[k + 1]).add(chain[k]);
            }
            chains.add(chain);
        }
        layer = layers;
    }

    /** Sweeps down and up ordering by barycenter, and keeps the order with the fewest crossings. */
    private List<List<Integer>> orderLayers() {
        int depth = Arrays.stream(layer).max().orElse(0) + 1;
        List<List<Integer>> order = lists(depth);
        position = new int[layer.length];
        for (int v = 0; v < layer.length; v++) {
            position[v] = order.get(layer[v]).size();
            order.get(layer[v]).add(v);
        }
        List<List<Integer>> best = copy(order);
        long fewest = crossings(order);
        double[] key = new double[layer.length];
        for (int sweep = 0; sweep < SWEEPS && fewest > 0; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int k = 1; k < depth; k++) {
                sortByBarycenter(order.get(down ? k : depth - 1 - k), down ? preds : succs, key);
            }
            long count = crossings(order);
            if (count < fewest) {
                fewest = count;
                best = copy(order);
            }
        }
        return best;
    }

    /** Ties, and vertices without neighbours on the fixed side, keep their place. */
    private void sortByBarycenter(List<Integer> free, List<List<Integer>> neighbours, double[] key) {
        for (int v : free) {
            List<Integer> fixed = neighbours.get(v);
            key[v] = fixed.isEmpty() ? position[v] : fixed.stream().mapToInt(w -> position[w]).average().orElseThrow();
        }
        free.sort(Comparator.<Integer>comparingDouble(v -> key[v]).thenComparingInt(v -> position[v]));
        for (int i = 0; i < free.size(); i++) {
            position[free.get(i)] = i;
        }
    }

    private long crossings(List<List<Integer>> order) {
        long total = 0;
        for (int l = 0; l + 1 < order.size(); l++) {
            List<int[]> pairs = new ArrayList<>();
            for (int v : order.get(l)) {
                succs.get(v).forEach(w -> pairs.add(new int[] {position[v], position[w]}));
            }
            pairs.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
            total += inversions(pairs, order.get(l + 1).size());
        }
        return total;
    }

    /** Pairs whose second positions run backwards, counted with a Fenwick tree. */
    private static long inversions(List<int[]> pairs, int size) {
        int[] tree = new int[size + 1];
        long count = 0;
        for (int i = 0; i < pairs.size(); i++) {
            int at = pairs.get(i)[1] + 1;
            int notAfter = 0;
            for (int j = at; j > 0; j -= j & -j) {
                notAfter += tree[j];
            }
            count += i - notAfter;
            for (int j = at; j <= size; j += j & -j) {
                tree[j]++;
            }
        }
        return count;
    }

    private Result place(List<List<Integer>> order) {
        double[] left = lefts(order.size());
        double[] top = new double[layer.length];
        double[] height = order.stream().mapToDouble(l -> l.stream().mapToDouble(this::height).sum() + ROW_GAP * (l.size() - 1)).toArray();
        double tallest = Arrays.stream(height).max().orElse(0);
        for (int l = 0; l < order.size(); l++) {
            double y = MARGIN + (tallest - height[l]) / 2;
            for (int v : order.get(l)) {
                top[v] = y;
                y += height(v) + ROW_GAP;
            }
        }
        List<Box> boxes = new ArrayList<>();
        for (int v = 0; v < nodeCount; v++) {
            boxes.add(new Box(layer[v], left[layer[v]], top[v]));
        }
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            routes.add(route(i, left, top));
        }
        return new Result(boxes, routes, left[order.size() - 1] + NODE_WIDTH + MARGIN, tallest + 2 * MARGIN);
    }

    /** Where each layer starts; a gap widens to fit the longest label placed in it. */
    private double[] lefts(int depth) {
        double[] gap = new double[depth];
        Arrays.fill(gap, LAYER_GAP);
        for (int i = 0; i < links.size(); i++) {
            if (chains.get(i).length == 2) {
                int g = layer[chains.get(i)[0]];
                gap[g] = Math.max(gap[g], links.get(i).labelWidth() + 2 * LABEL_PADDING);
            }
        }
        double[] left = new double[depth];
        for (int l = 0; l < depth; l++) {
            left[l] = l == 0 ? MARGIN : left[l - 1] + NODE_WIDTH + gap[l - 1];
        }
        return left;
    }

    /**
     * The label of a link between neighbouring layers sits mid-curve, widening the gap to fit; a
     * longer link's sits on its run across the middle layer it passes, in the row kept free for it.
     */
    private Route route(int link, double[] left, double[] top) {
        int[] chain = chains.get(link);
        List<Point> points = new ArrayList<>();
        for (int k = 0; k < chain.length; k++) {
            double x = left[layer[chain[k]]];
            if (k > 0) {
                points.add(new Point(x, port(chain[k], chain[k - 1], preds, top)));
            }
            if (k < chain.length - 1) {
                points.add(new Point(x + NODE_WIDTH, port(chain[k], chain[k + 1], succs, top)));
            }
        }
        int middle = chain.length == 2 ? 0 : 2 * (chain.length / 2) - 1;
        Point from = points.get(middle);
        Point to = points.get(middle + 1);
        return new Route(reversed[link], List.copyOf(points), new Point((from.x() + to.x()) / 2, (from.y() + to.y()) / 2));
    }

    /** Where a link meets a box: spread over the side in the order of the far ends, so arrows stay apart. */
    private double port(int vertex, int other, List<List<Integer>> side, double[] top) {
        double centre = top[vertex] + height(vertex) / 2;
        List<Integer> ends = side.get(vertex);
        if (vertex >= nodeCount || ends.size() < 2) {
            return centre;
        }
        long before = ends.stream().filter(w -> top[w] < top[other]).count();
        double step = Math.min(PORT_STEP, NODE_HEIGHT * 0.6 / (ends.size() - 1));
        return centre + (before - (ends.size() - 1) / 2.0) * step;
    }

    private double height(int vertex) {
        return vertex < nodeCount ? NODE_HEIGHT : 0;
    }

    private static <T> List<List<T>> lists(int count) {
        List<List<T>> lists = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private static List<List<Integer>> copy(List<List<Integer>> order) {
        return order.stream().map(l -> (List<Integer>) new ArrayList<>(l)).toList();
    }
}
