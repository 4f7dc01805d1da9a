package io.kerberus.techdocs.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityContent;
import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.ui.EmptyState;
import io.kerberus.plugin.ui.ErrorPanel;
import io.kerberus.plugin.ui.Html;
import io.kerberus.techdocs.plugin.build.DocsSite;
import io.kerberus.techdocs.plugin.service.DocsService;

import java.util.Optional;

/**
 * The Docs tab of an entity page: the site's home page with its nav, links leading into the full
 * reader at {@code /docs/...}; while a first build runs, its live log.
 */
public final class DocsTab implements EntityContent {

    private final DocsService service;
    private final DocsAccess access;

    public DocsTab(DocsService service, DocsAccess access) {
        this.service = service;
        this.access = access;
    }

    @Override
    public Html render(Entity entity, Request request) throws Exception {
        access.requireRead(request.principal().orElse(null), entity);
        EntityRef ref = entity.ref();
        String base = DocsReader.siteUrl(ref);
        DocsService.State state = service.view(entity);
        if (state.site().isEmpty()) {
            if (state.failed()) {
                return Html.join(ErrorPanel.of("The docs could not be built", state.build().map(b -> b.error()).orElse("")).html(),
                        Html.format("<p class=\"row\"><a class=\"button\" href=\"{}-/log\">Build log</a>{}</p>", base,
                                DocsReader.rebuildForm(base, request, "Try again")));
            }
            if (state.busy() || !service.external()) {
                return DocsReader.buildProgress(state, base);
            }
            return EmptyState.of("Docs not published yet", "CI publishes these docs (techdocs.builder: external); none are published for "
                    + entity.name() + " yet.").html();
        }
        DocsSite site = state.site().get();
        Optional<Html> page = DocsReader.page(service, entity, state, site, "", request);
        return Html.format("<div class=\"techdocs-tab\"><p class=\"row\"><a class=\"button small\" href=\"{}\">Open in the docs reader</a></p>{}</div>",
                base, page.orElse(Html.EMPTY));
    }
}
