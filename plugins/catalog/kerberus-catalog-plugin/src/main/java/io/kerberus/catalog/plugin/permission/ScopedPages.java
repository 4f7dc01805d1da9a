package io.kerberus.catalog.plugin.permission;

import io.kerberus.plugin.ui.HomeCard;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.NavItem;
import io.kerberus.plugin.ui.Pages;

/** The catalog's pages, each handler run in {@link CatalogAccess#scope}, so that its queries see the caller's read filter. */
public final class ScopedPages implements Pages {

    private final Pages pages;
    private final CatalogAccess access;

    public ScopedPages(Pages pages, CatalogAccess access) {
        this.pages = pages;
        this.access = access;
    }

    private PageHandler wrap(PageHandler handler) {
        return request -> access.scope(request, () -> handler.handle(request));
    }

    @Override
    public Page get(String path, PageHandler handler) {
        return pages.get(path, wrap(handler));
    }

    @Override
    public Page post(String path, PageHandler handler) {
        return pages.post(path, wrap(handler));
    }

    @Override
    public void nav(NavItem item) {
        pages.nav(item);
    }

    @Override
    public void homeCard(HomeCard card) {
        pages.homeCard(new HomeCard(card.title(), card.order(), card.wide(), wrap(card.content())));
    }

    @Override
    public void header(Html widget) {
        pages.header(widget);
    }

    @Override
    public void stylesheet(String path) {
        pages.stylesheet(path);
    }

    @Override
    public void script(String path) {
        pages.script(path);
    }

    @Override
    public Pages under(String prefix) {
        return new ScopedPages(pages.under(prefix), access);
    }

    @Override
    public void alias(String absolutePath, String path) {
        pages.alias(absolutePath, path);
    }
}
