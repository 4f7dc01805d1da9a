package io.kerberus.search.plugin.collate;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.search.Collator;
import io.kerberus.search.SearchDocument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Catalog entities as search documents (type {@code software-catalog}, as Backstage's collator):
 * title is the entity's title or name, text its description, tags its tags; facets and fields
 * {@code kind}, {@code namespace}, {@code owner}, {@code lifecycle}, {@code type}.
 */
public final class CatalogCollator implements Collator {

    public static final String TYPE = "software-catalog";
    /** The facet holding an entity's ref (of the entity a docs section documents, too), for permission filters. */
    public static final String ENTITY_REF_FACET = "entityRef";
    /** The facet holding the targets of an entity's {@code ownedBy} relations, for permission filters. */
    public static final String OWNED_BY_FACET = "ownedBy";
    private static final int PAGE = 2_000;

    private final Supplier<Optional<CatalogClient>> catalog;

    /** @param catalog the catalog; when the app has none, there is nothing to collate */
    public CatalogCollator(Supplier<Optional<CatalogClient>> catalog) {
        this.catalog = catalog;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void collate(Consumer<SearchDocument> sink) {
        Optional<CatalogClient> found = catalog.get();
        if (found.isEmpty()) {
            return;
        }
        CatalogClient client = found.get();
        for (int offset = 0; ; offset += PAGE) {
            List<Entity> page = client.query(List.of(), offset, PAGE).items();
            page.forEach(entity -> sink.accept(document(entity)));
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** The portal path of an entity, lower case (entity pages ignore case): where a result leads, and the document's identity. */
    public static String location(EntityRef ref) {
        return ("/catalog/" + ref.namespace() + "/" + ref.kind() + "/" + ref.name()).toLowerCase(Locale.ROOT);
    }

    /** The search document of an entity. */
    public static SearchDocument document(Entity entity) {
        EntityRef ref = entity.ref();
        String kind = entity.kind();
        String owner = entity.specString("owner").map(CatalogCollator::shortRef).orElse("");
        String lifecycle = entity.specString("lifecycle").orElse("");
        String type = entity.specString("type").orElse("");
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put("kind", List.of(kind.toLowerCase(Locale.ROOT)));
        facets.put("namespace", List.of(ref.namespace()));
        if (!owner.isEmpty()) {
            facets.put("owner", List.of(owner));
        }
        if (!lifecycle.isEmpty()) {
            facets.put("lifecycle", List.of(lifecycle));
        }
        if (!type.isEmpty()) {
            facets.put("type", List.of(type));
        }
        if (!entity.tags().isEmpty()) {
            facets.put("tags", entity.tags());
        }
        permissionFacets(Optional.of(entity), ref, facets);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("kind", kind);
        extra.put("namespace", ref.namespace());
        extra.put("name", entity.name());
        extra.put("entityRef", ref.toString());
        extra.put("owner", owner);
        extra.put("lifecycle", lifecycle);
        extra.put("type", type);
        extra.put("componentType", type);
        String title = entity.title().orElse(entity.name());
        // the name is searchable too when a title hides it
        String text = entity.description().orElse("") + (title.equals(entity.name()) ? "" : " " + entity.name());
        return new SearchDocument(TYPE, title, text.strip(), location(ref), entity.tags(), facets, extra);
    }

    /** An entity ref as the {@link #ENTITY_REF_FACET} facet holds it. */
    public static String refValue(EntityRef ref) {
        return ref.toString().toLowerCase(Locale.ROOT);
    }

    /** Adds the facets permission filters use: the entity's ref and its owners' refs. */
    static void permissionFacets(Optional<Entity> entity, EntityRef ref, Map<String, List<String>> facets) {
        facets.put(ENTITY_REF_FACET, List.of(refValue(ref)));
        List<String> owners = entity.map(e -> e.relations().stream().filter(r -> r.type().equals(io.kerberus.catalog.Relation.OWNED_BY))
                .map(r -> r.targetRef().toLowerCase(Locale.ROOT)).toList()).orElse(List.of());
        if (!owners.isEmpty()) {
            facets.put(OWNED_BY_FACET, owners);
        }
    }

    /** {@code group:default/team-a} → {@code team-a}; other namespaces keep theirs. */
    static String shortRef(String ref) {
        try {
            EntityRef parsed = EntityRef.parse(ref, "group", EntityRef.DEFAULT_NAMESPACE);
            return parsed.namespace().equals(EntityRef.DEFAULT_NAMESPACE) ? parsed.name() : parsed.namespace() + "/" + parsed.name();
        } catch (IllegalArgumentException e) {
            return ref;
        }
    }
}
