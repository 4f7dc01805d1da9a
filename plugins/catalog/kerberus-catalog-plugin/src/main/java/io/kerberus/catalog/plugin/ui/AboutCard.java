package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.Relation;
import io.kerberus.plugin.ui.Card;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.KeyValueList;
import io.kerberus.plugin.ui.Link;
import io.kerberus.plugin.ui.TagChips;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The About card of an entity: description, owner, system, type, lifecycle, tags, links, view-source and edit links. */
final class AboutCard {

    static final String VIEW_URL = "backstage.io/view-url";
    static final String EDIT_URL = "backstage.io/edit-url";
    static final String SOURCE_LOCATION = "backstage.io/source-location";

    private AboutCard() {
    }

    static Card of(Entity entity) {
        String kind = entity.kind().toLowerCase(Locale.ROOT);
        KeyValueList about = KeyValueList.create().with("Description", entity.description().orElse(""));
        if (!kind.equals("user") && !kind.equals("group")) {
            about = about.with("Owner", CatalogColumns.related(entity, Relation.OWNED_BY, null));
        }
        switch (kind) {
            case "component", "api", "resource" -> about = about.with("System", CatalogColumns.related(entity, Relation.PART_OF, "system"));
            case "system" -> about = about.with("Domain", CatalogColumns.related(entity, Relation.PART_OF, "domain"));
            case "group" -> about = about.with("Parent", CatalogColumns.related(entity, Relation.CHILD_OF, "group"))
                    .with("Email", email(entity));
            case "user" -> about = about.with("Email", email(entity)).with("Groups", CatalogColumns.related(entity, Relation.MEMBER_OF, "group"));
            default -> {
            }
        }
        if (entity.spec().containsKey("type")) {
            about = about.with("Type", entity.specString("type").orElse(""));
        }
        if (entity.spec().containsKey("lifecycle")) {
            about = about.with("Lifecycle", lifecycle(entity.specString("lifecycle").orElse("")));
        }
        about = about.with("Tags", entity.tags().isEmpty() ? Html.EMPTY
                : TagChips.linked(entity.tags(), tag -> "/catalog?kind=" + EntityLinks.encode(kind) + "&tag=" + EntityLinks.encode(tag)).html());
        Html links = links(entity);
        if (!links.isEmpty()) {
            about = about.with("Links", links);
        }
        return Card.of("About", about).actions(actions(entity));
    }

    /** A lifecycle as a badge: production green, experimental amber, deprecated red. */
    static Html lifecycle(String lifecycle) {
        if (lifecycle.isEmpty()) {
            return Html.EMPTY;
        }
        String tone = switch (lifecycle.toLowerCase(Locale.ROOT)) {
            case "production" -> "success";
            case "experimental" -> "warning";
            case "deprecated" -> "danger";
            default -> "muted";
        };
        return Html.format("<span class=\"badge {}\">{}</span>", tone, lifecycle);
    }

    private static Html email(Entity entity) {
        return entity.specString("profile.email").map(mail -> Link.to("mailto:" + mail, mail).html()).orElse(Html.EMPTY);
    }

    /** {@code metadata.links}: each an external link with its title, unsafe schemes neutralised by {@link Link}. */
    private static Html links(Entity entity) {
        if (!(entity.metadata().get("links") instanceof List<?> list)) {
            return Html.EMPTY;
        }
        List<Html> items = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> link && link.get("url") instanceof String url) {
                String title = link.get("title") instanceof String t && !t.isBlank() ? t : url;
                items.add(Html.format("<li>{}</li>", Link.to(url, title)));
            }
        }
        return items.isEmpty() ? Html.EMPTY : Html.format("<ul class=\"link-list\">{}</ul>", Html.join(items));
    }

    /** "View source" and "Edit" from the view-url/edit-url annotations, else from the source location. */
    private static Html actions(Entity entity) {
        Map<String, String> annotations = entity.annotations();
        String view = annotations.get(VIEW_URL);
        if (view == null && annotations.getOrDefault(SOURCE_LOCATION, "").startsWith("url:")) {
            view = annotations.get(SOURCE_LOCATION).substring(4);
        }
        String edit = annotations.get(EDIT_URL);
        List<Html> out = new ArrayList<>();
        if (view != null && Link.to(view, "").isExternal()) {
            out.add(Html.format("<a class=\"button small\" href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">View source</a>", Html.safeUrl(view)));
        }
        if (edit != null && Link.to(edit, "").isExternal()) {
            out.add(Html.format("<a class=\"button small\" href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">Edit</a>", Html.safeUrl(edit)));
        }
        return Html.join(out);
    }
}
