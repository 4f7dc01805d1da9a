package io.kerberus.techdocs;

import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.ServiceRef;

import java.util.List;

/**
 * The published docs of documented entities, for other plugins (the search collator). Require it
 * with {@code registrar.uses(TechDocs.REF)} and read it once the backend runs.
 */
public interface TechDocs {

    ServiceRef<TechDocs> REF = ServiceRef.of("techdocs.service", TechDocs.class);

    /** The entities whose docs are published, in no particular order. */
    List<EntityRef> published();

    /**
     * The sections of an entity's published docs as its search index lists them (a page, and each
     * heading of it); empty when nothing is published for the entity.
     */
    List<DocsSection> sections(EntityRef entity);

    /**
     * Hears of every site this replica publishes (a build in the portal), after it is readable,
     * so that search can index the new pages at once. Called on a build thread: keep it quick.
     */
    void onPublished(java.util.function.Consumer<EntityRef> listener);

    /**
     * One searchable part of a docs site.
     *
     * @param entity   the documented entity
     * @param title    the section's title (the page title for the page itself)
     * @param text     its plain text
     * @param location its location in the site, such as {@code guide/setup/} or {@code guide/setup/#install}
     * @param url      its URL in the portal, such as {@code /docs/default/component/orders/guide/setup/#install}
     */
    record DocsSection(EntityRef entity, String title, String text, String location, String url) {
    }
}
