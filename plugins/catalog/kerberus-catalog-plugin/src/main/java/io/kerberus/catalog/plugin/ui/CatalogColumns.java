package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.Relation;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.Link;
import io.kerberus.plugin.ui.Table;
import io.kerberus.plugin.ui.TagChips;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The columns of the catalog table for each kind, as Backstage's catalog table shows them. */
final class CatalogColumns {

    /**
     * A column.
     *
     * @param key       the sort key in the URL
     * @param label     the heading
     * @param sortField the entity field it sorts by, or null when it does not sort
     * @param cell      the cell of one entity
     */
    record Column(String key, String label, String sortField, Function<Entity, Html> cell) {

        Table.Column tableColumn() {
            return sortField == null ? Table.Column.plain(key, label) : Table.Column.sortable(key, label);
        }
    }

    private static final Column NAME = new Column("name", "Name", "metadata.name", EntityLinks::link);
    private static final Column KIND = new Column("kind", "Kind", "kind", e -> Html.text(EntityLinks.kindLabel(e.kind())));
    private static final Column SYSTEM = new Column("system", "System", "spec.system", e -> related(e, Relation.PART_OF, "system"));
    private static final Column DOMAIN = new Column("domain", "Domain", "spec.domain", e -> related(e, Relation.PART_OF, "domain"));
    private static final Column OWNER = new Column("owner", "Owner", "spec.owner", e -> related(e, Relation.OWNED_BY, null));
    private static final Column TYPE = new Column("type", "Type", "spec.type", e -> Html.text(e.specString("type").orElse("")));
    private static final Column LIFECYCLE = new Column("lifecycle", "Lifecycle", "spec.lifecycle",
            e -> Html.text(e.specString("lifecycle").orElse("")));
    private static final Column DESCRIPTION = new Column("description", "Description", null,
            e -> Html.format("<span class=\"clamp\">{}</span>", e.description().orElse("")));
    private static final Column TAGS = new Column("tags", "Tags", null,
            e -> e.tags().isEmpty() ? Html.EMPTY : TagChips.linked(e.tags(), tag -> "/catalog?kind=" + EntityLinks.encode(e.kind().toLowerCase(Locale.ROOT))
                    + "&tag=" + EntityLinks.encode(tag)).html());
    private static final Column PARENT = new Column("parent", "Parent", "spec.parent", e -> related(e, Relation.CHILD_OF, "group"));
    private static final Column EMAIL = new Column("email", "Email", "spec.profile.email",
            e -> e.specString("profile.email").map(mail -> Link.to("mailto:" + mail, mail).html()).orElse(Html.EMPTY));
    private static final Column GROUPS = new Column("groups", "Groups", null, e -> related(e, Relation.MEMBER_OF, "group"));
    private static final Column TARGET = new Column("target", "Target", "spec.target", CatalogColumns::targets);

    private CatalogColumns() {
    }

    /** The columns for a kind filter ({@code all} for every kind). */
    static List<Column> forKind(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "component", "api" -> List.of(NAME, SYSTEM, OWNER, TYPE, LIFECYCLE, DESCRIPTION, TAGS);
            case "resource" -> List.of(NAME, SYSTEM, OWNER, TYPE, DESCRIPTION, TAGS);
            case "system" -> List.of(NAME, DOMAIN, OWNER, DESCRIPTION, TAGS);
            case "domain" -> List.of(NAME, OWNER, DESCRIPTION, TAGS);
            case "group" -> List.of(NAME, TYPE, PARENT, DESCRIPTION);
            case "user" -> List.of(NAME, EMAIL, GROUPS);
            case "template" -> List.of(NAME, TYPE, OWNER, DESCRIPTION, TAGS);
            case "location" -> List.of(NAME, TYPE, TARGET);
            default -> List.of(NAME, KIND, OWNER, TYPE, DESCRIPTION, TAGS);
        };
    }

    /** Links to the targets of one relation type, optionally only those of one kind. */
    static Html related(Entity entity, String type, String kind) {
        List<Html> links = new ArrayList<>();
        for (Relation relation : entity.relations()) {
            if (!relation.type().equals(type)) {
                continue;
            }
            EntityLinks.ref(relation.targetRef(), null).ifPresent(ref -> {
                if (kind == null || ref.kind().equals(kind)) {
                    links.add(Html.format("<a href=\"{}\">{}</a>", EntityLinks.path(ref), EntityLinks.shortRef(ref, kind == null ? "group" : kind)));
                }
            });
        }
        return joinComma(links);
    }

    static Html joinComma(List<Html> parts) {
        List<Html> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(i == 0 ? parts.get(i) : Html.format(", {}", parts.get(i)));
        }
        return Html.join(out);
    }

    private static Html targets(Entity entity) {
        List<Html> out = new ArrayList<>();
        entity.specString("target").ifPresent(target -> out.add(Html.format("<code>{}</code>", target)));
        if (entity.spec().get("targets") instanceof List<?> list) {
            list.forEach(target -> out.add(Html.format("<code>{}</code>", String.valueOf(target))));
        }
        return joinComma(out);
    }
}
