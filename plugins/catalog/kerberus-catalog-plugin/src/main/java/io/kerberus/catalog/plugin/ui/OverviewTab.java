package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityCard;
import io.kerberus.catalog.Relation;
import io.kerberus.catalog.plugin.query.EntityFilter;
import io.kerberus.catalog.plugin.query.EntityQueries;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.ui.Card;
import io.kerberus.plugin.ui.EmptyState;
import io.kerberus.plugin.ui.ErrorPanel;
import io.kerberus.plugin.ui.Html;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Overview tab: processing errors, the About card, cards for the kind (APIs of a component,
 * parts of a system, members and ownership of a group ...), cards from other plugins, all relations.
 */
final class OverviewTab {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OverviewTab.class);

    private final Related related;
    private final EntityQueries queries;
    private final List<EntityCard> extensionCards;

    OverviewTab(Related related, EntityQueries queries, List<EntityCard> extensionCards) {
        this.related = related;
        this.queries = queries;
        this.extensionCards = extensionCards;
    }

    /** A card and its position: About is 0, the kind's cards 100 and up, Relations 900; other plugins choose theirs. */
    private record Placed(int order, Html html) {
    }

    Html render(Entity entity, Request request) {
        List<Placed> cards = new ArrayList<>();
        cards.add(new Placed(0, AboutCard.of(entity).html()));
        List<Html> kindCards = kindCards(entity);
        for (int i = 0; i < kindCards.size(); i++) {
            cards.add(new Placed(100 + 10 * i, kindCards.get(i)));
        }
        for (EntityCard card : extensionCards) {
            if (card.appliesTo().test(entity)) {
                cards.add(new Placed(card.order(), wrap(card.wide(), Card.of(card.title(), extensionContent(card, entity, request)).html())));
            }
        }
        if (!entity.relations().isEmpty()) {
            cards.add(new Placed(900, Card.of("Relations", relations(entity)).html()));
        }
        cards.sort(java.util.Comparator.comparingInt(Placed::order));
        return Html.format("{}<div class=\"entity-grid\">{}</div>", errors(entity), Html.join(cards.stream().map(Placed::html).toList()));
    }

    /** Processing errors of this entity, in a visible panel: the last good version is what the page shows. */
    static Html errors(Entity entity) {
        if (!(entity.data().get("status") instanceof Map<?, ?> status) || !(status.get("items") instanceof List<?> items) || items.isEmpty()) {
            return Html.EMPTY;
        }
        List<String> messages = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> map && "error".equals(map.get("level"))) {
                messages.add(String.valueOf(map.get("message")));
            }
        }
        if (messages.isEmpty()) {
            return Html.EMPTY;
        }
        return new ErrorPanel("This entity has " + (messages.size() == 1 ? "a processing error" : messages.size() + " processing errors"),
                "The catalog shows the last version that processed without errors. Fix the descriptor; the page updates on the next refresh.",
                messages).html();
    }

    private List<Html> kindCards(Entity entity) {
        List<Html> cards = new ArrayList<>();
        switch (entity.kind().toLowerCase(Locale.ROOT)) {
            case "component" -> {
                cards.add(relatedCard("Provided APIs", entity, Relation.PROVIDES_API, "api", "This component provides no APIs"));
                cards.add(relatedCard("Consumed APIs", entity, Relation.CONSUMES_API, "api", "This component consumes no APIs"));
                List<Related.Target> parts = related.targets(entity, Relation.HAS_PART, "component");
                if (!parts.isEmpty()) {
                    cards.add(wrap(true, Card.of("Subcomponents", Related.table(parts, "")).html()));
                }
            }
            case "api" -> {
                cards.add(relatedCard("Providers", entity, Relation.API_PROVIDED_BY, null, "No component provides this API"));
                cards.add(relatedCard("Consumers", entity, Relation.API_CONSUMED_BY, null, "No component consumes this API"));
            }
            case "system" -> {
                cards.add(relatedCard("Components", entity, Relation.HAS_PART, "component", "No components belong to this system"));
                cards.add(relatedCard("APIs", entity, Relation.HAS_PART, "api", "No APIs belong to this system"));
                cards.add(relatedCard("Resources", entity, Relation.HAS_PART, "resource", "No resources belong to this system"));
            }
            case "domain" -> cards.add(relatedCard("Systems", entity, Relation.HAS_PART, "system", "No systems belong to this domain"));
            case "group" -> {
                cards.add(relatedCard("Members", entity, Relation.HAS_MEMBER, null, "This group has no members"));
                cards.add(relatedCard("Child groups", entity, Relation.PARENT_OF, "group", "This group has no child groups"));
                cards.add(ownership(List.of(entity.ref().toString()), "What this group owns"));
            }
            case "user" -> {
                cards.add(relatedCard("Groups", entity, Relation.MEMBER_OF, "group", "This user is in no group"));
                List<String> owners = new ArrayList<>();
                owners.add(entity.ref().toString());
                entity.relations().stream().filter(r -> r.type().equals(Relation.MEMBER_OF)).forEach(r -> owners.add(r.targetRef()));
                cards.add(ownership(owners, "What this user and their groups own"));
            }
            default -> {
            }
        }
        return cards;
    }

    private Html relatedCard(String title, Entity entity, String type, String kind, String empty) {
        List<Related.Target> targets = related.targets(entity, type, kind);
        String heading = targets.isEmpty() ? title : title + " (" + targets.size() + ")";
        return wrap(true, Card.of(heading, Related.table(targets, empty)).html());
    }

    /** Counts by kind of what {@code owners} own, each a link to the catalog table filtered to it. */
    private Html ownership(List<String> owners, String hint) {
        Set<String> refs = new LinkedHashSet<>();
        owners.forEach(owner -> refs.add(owner.toLowerCase(Locale.ROOT)));
        Map<String, Long> byKind = new TreeMap<>();
        queries.facets(List.of("kind"), new EntityFilter(List.of(Map.of("relations.ownedby", refs))))
                .get("kind").forEach((kind, count) -> byKind.merge(kind.toLowerCase(Locale.ROOT), count, Long::sum));
        if (byKind.isEmpty()) {
            return Card.of("Ownership", EmptyState.of("Owns nothing yet", hint)).html();
        }
        StringBuilder ownerParams = new StringBuilder();
        refs.forEach(ref -> ownerParams.append("&owner=").append(EntityLinks.encode(ref)));
        List<Html> items = new ArrayList<>();
        byKind.forEach((kind, count) -> items.add(Html.format("<li><a class=\"ownership-item\" href=\"{}\"><span class=\"count\">{}</span> {}</a></li>",
                "/catalog?kind=" + EntityLinks.encode(kind) + ownerParams, count, EntityLinks.kindLabel(kind) + (count == 1 ? "" : "s"))));
        return Card.of("Ownership", Html.format("<p class=\"muted small\">{}</p><ul class=\"ownership\">{}</ul>", hint, Html.join(items))).html();
    }

    /** Every relation, grouped by type. */
    private static Html relations(Entity entity) {
        Map<String, List<Html>> byType = new TreeMap<>();
        for (Relation relation : entity.relations()) {
            byType.computeIfAbsent(relation.type(), type -> new ArrayList<>()).add(EntityLinks.link(relation.targetRef(), null));
        }
        List<Html> rows = new ArrayList<>();
        byType.forEach((type, links) -> rows.add(Html.format("<div class=\"kv-row\"><dt>{}</dt><dd>{}</dd></div>", type, CatalogColumns.joinComma(links))));
        return Html.format("<dl class=\"kv\">{}</dl>", Html.join(rows));
    }

    private static Html extensionContent(EntityCard card, Entity entity, Request request) {
        try {
            return card.content().render(entity, request);
        } catch (Exception e) {
            LOG.warn("Entity card '{}' failed for {}", card.title(), entity.ref(), e);
            return ErrorPanel.of("This card failed", "The server log has the details.").html();
        }
    }

    private static Html wrap(boolean wide, Html card) {
        return wide ? Html.format("<div class=\"span-all\">{}</div>", card) : card;
    }
}
