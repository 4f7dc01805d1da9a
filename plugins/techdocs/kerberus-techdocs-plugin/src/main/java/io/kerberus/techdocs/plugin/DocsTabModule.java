package io.kerberus.techdocs.plugin;

import io.kerberus.catalog.CatalogExtensions;
import io.kerberus.catalog.EntityContent;
import io.kerberus.catalog.EntityTab;
import io.kerberus.plugin.ModuleContext;
import io.kerberus.plugin.PluginModule;
import io.kerberus.plugin.Registrar;
import io.kerberus.techdocs.plugin.source.SourceResolver;

import java.util.function.Supplier;

/** Adds the "Docs" tab to the pages of entities with a {@code backstage.io/techdocs-ref} annotation. */
public final class DocsTabModule implements PluginModule {

    @Override
    public String pluginId() {
        return "catalog";
    }

    @Override
    public String moduleId() {
        return "techdocs-tab";
    }

    @Override
    public void register(Registrar registrar) {
        registrar.uses(TechDocsPlugin.DOCS_TAB);
    }

    @Override
    public void init(ModuleContext context) {
        Supplier<EntityContent> content = context.lazyService(TechDocsPlugin.DOCS_TAB);
        context.extensionPoint(CatalogExtensions.ENTITY_TABS).add(new EntityTab("docs", "Docs", 300, SourceResolver::documented,
                (entity, request) -> content.get().render(entity, request)));
    }
}
