package io.kerberus.platform.ui;

import io.kerberus.platform.http.RouteTable;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.ui.Component;
import io.kerberus.plugin.ui.EmptyState;
import io.kerberus.plugin.ui.ErrorPanel;
import io.kerberus.plugin.ui.HomeCard;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** The home page at {@code /}: a greeting and the cards plugins contribute. A failing card shows its error alone. */
final class HomePage {

    private static final Logger LOG = LoggerFactory.getLogger(HomePage.class);

    private final RouteTable table;
    private final Branding branding;

    HomePage(RouteTable table, Branding branding) {
        this.table = table;
        this.branding = branding;
    }

    View render(Request request) {
        List<Html> cards = new ArrayList<>();
        for (HomeCard card : table.homeCards()) {
            cards.add(Html.format("<section class=\"card home-card{}\"><header class=\"card-header\"><h2 class=\"card-title\">{}</h2></header><div class=\"card-body\">{}</div></section>",
                    card.wide() ? " wide" : "", card.title(), content(card, request)));
        }
        String name = request.principal().map(p -> p.displayName()).orElse("");
        Html greeting = Html.format("<p class=\"lead\">Welcome{}{}. Everything your organisation builds, in one place.</p>",
                name.isEmpty() ? "" : ", ", shortName(name));
        Html body = cards.isEmpty()
                ? Html.join(greeting, EmptyState.of("Nothing here yet", "Plugins add cards to this page; enable a plugin to see its card."))
                : Html.format("{}<div class=\"home-grid\">{}</div>", greeting, Html.join(cards));
        return View.of(branding.title(), body);
    }

    private static Component content(HomeCard card, Request request) {
        try {
            Object result = card.content().handle(request);
            if (result instanceof Component component) {
                return component;
            }
            if (result instanceof View view) {
                return view.body();
            }
            throw new IllegalStateException("a home card returns Html or a component, not " + (result == null ? "null" : result.getClass().getSimpleName()));
        } catch (Exception e) {
            LOG.warn("Home card '{}' failed", card.title(), e);
            return ErrorPanel.of("This card could not load", e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static String shortName(String name) {
        int slash = name.lastIndexOf('/');
        return slash >= 0 ? name.substring(slash + 1) : name;
    }
}
