package io.kerberus.techdocs.plugin;

import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import io.kerberus.plugin.Registrar;
import io.kerberus.techdocs.TechDocs;

import java.util.Map;
import java.util.function.Supplier;

/** Reads TechDocs the way the search plugin's collator will: through the TechDocs service, from another plugin. */
final class SearchProbe implements Plugin {

    @Override
    public String id() {
        return "search-probe";
    }

    @Override
    public void register(Registrar registrar) {
        registrar.uses(TechDocs.REF);
    }

    @Override
    public void init(PluginContext context) {
        Supplier<TechDocs> techdocs = context.lazyService(TechDocs.REF);
        context.routes().get("/published", request -> Map.of("entities", techdocs.get().published().stream().map(EntityRef::toString).sorted().toList()));
        context.routes().get("/sections/{kind}/{namespace}/{name}", request -> techdocs.get().sections(
                EntityRef.of(request.pathParam("kind"), request.pathParam("namespace"), request.pathParam("name"))));
    }
}
