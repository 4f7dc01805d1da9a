package io.kerberus.search.plugin.collate;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.search.Collator;
import io.kerberus.search.SearchDocument;
import io.kerberus.techdocs.TechDocs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Published docs as search documents (type {@code techdocs}, as Backstage's collator): one per page
 * and per heading, linking to the section, with the entity it documents ({@code kind},
 * {@code namespace}, {@code name}, {@code owner}, {@code lifecycle}) for filters. Collates nothing
 * when TechDocs is not in the app.
 */
public final class TechDocsCollator implements Collator {

    public static final String TYPE = "techdocs";

    private final Supplier<Optional<TechDocs>> techdocs;
    private final Supplier<Optional<CatalogClient>> catalog;

    public TechDocsCollator(Supplier<Optional<TechDocs>> techdocs, Supplier<Optional<CatalogClient>> catalog) {
        this.techdocs = techdocs;
        this.catalog = catalog;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void collate(Consumer<SearchDocument> sink) {
        Optional<TechDocs> docs = techdocs.get();
        if (docs.isEmpty()) {
            return;
        }
        for (EntityRef ref : docs.get().published()) {
            Optional<Entity> entity = catalog.get().flatMap(c -> c.entity(ref));
            for (TechDocs.DocsSection section : docs.get().sections(ref)) {
                sink.accept(document(section, entity));
            }
        }
    }

    static SearchDocument document(TechDocs.DocsSection section, Optional<Entity> entity) {
        EntityRef ref = section.entity();
        String owner = entity.flatMap(e -> e.specString("owner")).map(CatalogCollator::shortRef).orElse("");
        String lifecycle = entity.flatMap(e -> e.specString("lifecycle")).orElse("");
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put("kind", List.of(ref.kind().toLowerCase(Locale.ROOT)));
        facets.put("namespace", List.of(ref.namespace()));
        if (!owner.isEmpty()) {
            facets.put("owner", List.of(owner));
        }
        if (!lifecycle.isEmpty()) {
            facets.put("lifecycle", List.of(lifecycle));
        }
        CatalogCollator.permissionFacets(entity, ref, facets);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("kind", ref.kind());
        extra.put("namespace", ref.namespace());
        extra.put("name", ref.name());
        extra.put("entityRef", ref.toString());
        extra.put("entityTitle", entity.flatMap(Entity::title).orElse(ref.name()));
        extra.put("owner", owner);
        extra.put("lifecycle", lifecycle);
        extra.put("path", section.location());
        return new SearchDocument(TYPE, section.title(), section.text(), section.url(), List.of(), facets, extra);
    }
}
