package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.Relation;
import io.kerberus.catalog.plugin.query.EntityQueries;
import io.kerberus.plugin.ui.Component;
import io.kerberus.plugin.ui.EmptyState;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.Link;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Entities at the other end of an entity's relations, fetched in one batch through the catalog's by-refs query. */
final class Related {

    /** How many related entities a card lists; more are reachable through the catalog table. */
    static final int MAX_LISTED = 200;

    /**
     * One related entity.
     *
     * @param ref    its ref
     * @param entity the entity, empty when the catalog does not hold it (a dangling relation)
     */
    record Target(EntityRef ref, Optional<Entity> entity) {

        String sortKey() {
            return entity.map(EntityLinks::displayName).orElse(ref.name()).toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final EntityQueries queries;

    Related(EntityQueries queries) {
        this.queries = queries;
    }

    /** The targets of relations of {@code type} from {@code entity}, only those of {@code kind} unless it is null, by name. */
    List<Target> targets(Entity entity, String type, String kind) {
        Set<EntityRef> refs = new LinkedHashSet<>();
        for (Relation relation : entity.relations()) {
            if (relation.type().equals(type)) {
                EntityLinks.ref(relation.targetRef(), null).filter(ref -> kind == null || ref.kind().equals(kind)).ifPresent(refs::add);
            }
        }
        return fetch(new ArrayList<>(refs));
    }

    /** The entities of these refs, missing ones included as such, sorted by display name. */
    List<Target> fetch(List<EntityRef> refs) {
        List<EntityRef> listed = refs.size() > MAX_LISTED ? refs.subList(0, MAX_LISTED) : refs;
        List<Optional<String>> found = queries.byRefs(listed.stream().map(EntityRef::toString).toList(), List.of());
        List<Target> out = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            out.add(new Target(listed.get(i), found.get(i).map(EntityLinks::parse)));
        }
        out.sort(java.util.Comparator.comparing(Target::sortKey));
        return out;
    }

    /** A compact table of related entities: name, kind and type, owner, description; users with their email instead. */
    static Component table(List<Target> targets, String emptyMessage) {
        if (targets.isEmpty()) {
            return EmptyState.of(emptyMessage, "");
        }
        boolean people = targets.stream().allMatch(target -> target.ref().kind().equals("user"));
        List<Html> rows = new ArrayList<>();
        for (Target target : targets) {
            rows.add(target.entity().map(entity -> people
                            ? Html.format("<tr><td data-label=\"Name\">{}</td><td data-label=\"Email\">{}</td></tr>", EntityLinks.link(entity),
                                    entity.specString("profile.email").map(mail -> Link.to("mailto:" + mail, mail).html()).orElse(Html.EMPTY))
                            : Html.format("<tr><td data-label=\"Name\">{}</td><td data-label=\"Kind\">{}</td><td data-label=\"Owner\">{}</td>"
                                            + "<td data-label=\"Description\"><span class=\"clamp\">{}</span></td></tr>",
                                    EntityLinks.link(entity), kindAndType(entity), CatalogColumns.related(entity, Relation.OWNED_BY, null),
                                    entity.description().orElse("")))
                    .orElse(Html.format("<tr><td data-label=\"Name\">{}</td><td colspan=\"3\" class=\"muted\">{} not in the catalog</td></tr>",
                            EntityLinks.shortRef(target.ref(), null), EntityLinks.kindLabel(target.ref().kind()))));
        }
        Html head = people ? Html.trusted("<th scope=\"col\">Name</th><th scope=\"col\">Email</th>")
                : Html.trusted("<th scope=\"col\">Name</th><th scope=\"col\">Kind</th><th scope=\"col\">Owner</th><th scope=\"col\">Description</th>");
        return Html.format("<div class=\"table-scroll\"><table class=\"table compact\"><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>",
                head, Html.join(rows));
    }

    private static String kindAndType(Entity entity) {
        return EntityLinks.kindLabel(entity.kind()) + entity.specString("type").map(type -> " · " + type).orElse("");
    }
}
