package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.Relation;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.ui.Graph;
import io.kerberus.plugin.ui.Html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Relations tab: the entity and its neighbours to a chosen depth as a graph laid out on the
 * server, filterable by relation type; each node links to its entity. A relation and its inverse
 * are one edge, drawn in one direction (component → owner, part → whole, consumer → API).
 */
final class RelationGraphTab {

    static final int MAX_DEPTH = 3;
    static final int MAX_NODES = 120;

    /** The direction each relation is drawn in: the inverse types map onto these. */
    static final List<String> TYPES = List.of(Relation.OWNED_BY, Relation.PART_OF, Relation.MEMBER_OF, Relation.CHILD_OF,
            Relation.PROVIDES_API, Relation.CONSUMES_API, Relation.DEPENDS_ON);

    private final Related related;

    RelationGraphTab(Related related) {
        this.related = related;
    }

    Html render(Entity entity, Request request, String tabPath) {
        int depth = Math.max(1, Math.min(MAX_DEPTH, request.queryParam("depth").map(RelationGraphTab::parse).orElse(1)));
        Set<String> chosen = new LinkedHashSet<>(request.queryParams("relation"));
        chosen.retainAll(TYPES);
        Set<String> types = chosen.isEmpty() ? new LinkedHashSet<>(TYPES) : chosen;

        Map<String, Graph.Node> nodes = new LinkedHashMap<>();
        Map<String, Graph.Edge> edges = new LinkedHashMap<>();
        nodes.put(entity.ref().key(), node(entity.ref(), Optional.of(entity), true));
        List<Entity> frontier = List.of(entity);
        boolean truncated = false;
        for (int level = 0; level < depth && !frontier.isEmpty(); level++) {
            List<EntityRef> next = new ArrayList<>();
            for (Entity current : frontier) {
                for (Relation relation : current.relations()) {
                    Optional<EntityRef> target = EntityLinks.ref(relation.targetRef(), null);
                    String type = drawnType(relation.type());
                    if (target.isEmpty() || !types.contains(type)) {
                        continue;
                    }
                    String key = target.get().key();
                    if (!nodes.containsKey(key) && !next.contains(target.get())) {
                        if (nodes.size() + next.size() >= MAX_NODES) {
                            truncated = true;
                            continue;
                        }
                        next.add(target.get());
                    }
                    boolean forward = type.equals(relation.type());
                    String from = forward ? current.ref().key() : key;
                    String to = forward ? key : current.ref().key();
                    edges.putIfAbsent(from + "|" + type + "|" + to, new Graph.Edge(from, to, type));
                }
            }
            List<Entity> fetched = new ArrayList<>();
            for (Related.Target target : related.fetch(next)) {
                nodes.put(target.ref().key(), node(target.ref(), target.entity(), false));
                target.entity().ifPresent(fetched::add);
            }
            frontier = fetched;
        }
        List<Graph.Edge> shown = edges.values().stream().filter(e -> nodes.containsKey(e.from()) && nodes.containsKey(e.to())).toList();
        Graph graph = new Graph("Relations of " + EntityLinks.displayName(entity), new ArrayList<>(nodes.values()), shown);
        Html note = truncated ? Html.format("<p class=\"notice warning\">Showing the first {} entities; lower the depth or choose fewer relations to see the rest.</p>",
                MAX_NODES) : Html.EMPTY;
        return Html.format("<div id=\"relation-graph\" class=\"stack\">{}{}{}</div>", form(tabPath, depth, chosen), note, graph);
    }

    /** The drawn type of a relation: itself, or the type it is the inverse of. */
    static String drawnType(String type) {
        if (TYPES.contains(type)) {
            return type;
        }
        String inverse = Relation.INVERSES.get(type);
        return inverse != null && TYPES.contains(inverse) ? inverse : type;
    }

    private static Graph.Node node(EntityRef ref, Optional<Entity> entity, boolean focus) {
        String kind = EntityLinks.kindLabel(ref.kind()) + entity.flatMap(e -> e.specString("type")).map(type -> " · " + type).orElse("")
                + (entity.isEmpty() ? " (not in catalog)" : "");
        String label = entity.map(EntityLinks::displayName).orElse(EntityLinks.shortRef(ref, null));
        return new Graph.Node(ref.key(), label, kind, EntityLinks.path(ref), focus);
    }

    private static Html form(String tabPath, int depth, Set<String> chosen) {
        List<Html> depths = new ArrayList<>();
        for (int d = 1; d <= MAX_DEPTH; d++) {
            depths.add(Html.format("<option value=\"{}\"{}>{}</option>", d, d == depth ? Html.trusted(" selected") : Html.EMPTY, d));
        }
        List<Html> boxes = new ArrayList<>();
        for (String type : TYPES) {
            boolean on = chosen.isEmpty() || chosen.contains(type);
            boxes.add(Html.format("<label class=\"checkbox\"><input type=\"checkbox\" name=\"relation\" value=\"{}\"{}> {}</label>",
                    type, on ? Html.trusted(" checked") : Html.EMPTY, type));
        }
        return Html.format("""
                <form class="graph-filters row" method="get" action="{}" hx-get="{}" hx-target="#relation-graph" hx-select="#relation-graph" \
                hx-swap="outerHTML" hx-push-url="true" hx-trigger="change"><label class="field inline"><span>Depth</span>\
                <select name="depth">{}</select></label><fieldset class="relation-types"><legend>Relations</legend>{}</fieldset>\
                <button type="submit" class="button small">Apply</button></form>""",
                tabPath, tabPath, Html.join(depths), Html.join(boxes));
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
