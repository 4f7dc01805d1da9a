package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.Relation;
import io.kerberus.plugin.ui.Card;
import io.kerberus.plugin.ui.Html;

import java.util.List;
import java.util.Locale;

/** The Dependencies tab: what the entity depends on and what depends on it. */
final class DependenciesTab {

    private final Related related;

    DependenciesTab(Related related) {
        this.related = related;
    }

    static boolean appliesTo(Entity entity) {
        return List.of("component", "resource", "system").contains(entity.kind().toLowerCase(Locale.ROOT));
    }

    Html render(Entity entity) {
        List<Related.Target> dependsOn = related.targets(entity, Relation.DEPENDS_ON, null);
        List<Related.Target> dependents = related.targets(entity, Relation.DEPENDENCY_OF, null);
        return Html.format("<div class=\"stack\">{}{}</div>",
                Card.of("Depends on (" + dependsOn.size() + ")", Related.table(dependsOn, "This entity depends on nothing in the catalog")),
                Card.of("Depended on by (" + dependents.size() + ")", Related.table(dependents, "Nothing in the catalog depends on this entity")));
    }
}
