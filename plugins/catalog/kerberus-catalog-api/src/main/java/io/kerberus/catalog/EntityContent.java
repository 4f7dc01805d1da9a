package io.kerberus.catalog;

import io.kerberus.plugin.Request;
import io.kerberus.plugin.ui.Html;

/** Renders part of an entity page (a tab's body or an Overview card) for one request. */
@FunctionalInterface
public interface EntityContent {

    /**
     * The HTML for {@code entity}, as the catalog API serves it (with {@code relations} and
     * {@code status}). Throwing shows an error panel in place of the content; the rest of the page
     * still renders.
     */
    Html render(Entity entity, Request request) throws Exception;
}
