package io.kerberus.notifications.plugin;

import io.kerberus.notifications.Notification;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.ui.Card;
import io.kerberus.plugin.ui.EmptyState;
import io.kerberus.plugin.ui.Forms;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.Pages;
import io.kerberus.plugin.ui.Tabs;
import io.kerberus.plugin.ui.View;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The page at {@code /notifications} (all, unread or saved, unread ones emphasised, with forms to
 * mark them), {@code /notifications/open/:id} (marks one read and goes to its link: directly to
 * portal paths and {@code notifications.trustedHosts}, through a page naming the host otherwise) and
 * the header bell with the unread count, which htmx refreshes on load and every {@code pollInterval}.
 */
final class NotificationPages {

    static final int PAGE = 25;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Html BELL = Html.trusted("<svg class=\"notifications-bell\" viewBox=\"0 0 24 24\" width=\"20\" height=\"20\" aria-hidden=\"true\" "
            + "fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\">"
            + "<path d=\"M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9\"/><path d=\"M10.3 21a1.94 1.94 0 0 0 3.4 0\"/></svg>");

    private final NotificationStore store;
    private final java.util.Set<String> trustedHosts;

    NotificationPages(NotificationStore store, java.util.Set<String> trustedHosts) {
        this.store = store;
        this.trustedHosts = trustedHosts;
    }

    void mount(Pages pages, Duration pollInterval) {
        pages.get("", this::page);
        pages.get("/badge", request -> badge(store.status(NotificationRoutes.user(request)).unread()));
        pages.get("/open/{id}", this::open);
        pages.post("/mark", this::mark);
        pages.header(Html.format("<a class=\"header-notifications\" href=\"/notifications\" aria-label=\"Notifications\" "
                + "hx-get=\"/notifications/badge\" hx-trigger=\"load, every {}s\" hx-swap=\"innerHTML\">{}</a>",
                String.valueOf(Math.max(1, pollInterval.toSeconds())), BELL));
    }

    /** The bell with the unread count, the header widget's content. */
    static Html badge(long unread) {
        if (unread == 0) {
            return Html.format("{}<span class=\"sr-only\">No unread notifications</span>", BELL);
        }
        return Html.format("{}<span class=\"notifications-count\" aria-label=\"{} unread notifications\">{}</span>",
                BELL, String.valueOf(unread), unread > 99 ? "99+" : String.valueOf(unread));
    }

    private View page(Request request) {
        String user = NotificationRoutes.user(request);
        String view = view(request);
        int page = Math.max(1, request.queryParam("page").flatMap(NotificationPages::integer).orElse(1));
        NotificationQuery query = NotificationQuery.forUser(user)
                .withRead(view.equals("unread") ? Optional.of(false) : Optional.empty())
                .withSaved(view.equals("saved") ? Optional.of(true) : Optional.empty())
                .page((page - 1) * PAGE, PAGE);
        List<Notification> items = store.list(query);
        long total = store.count(query);
        NotificationStore.Status status = store.status(user);
        Tabs tabs = Tabs.of(new Tabs.Tab("All", "/notifications", view.equals("all")),
                new Tabs.Tab("Unread (" + status.unread() + ")", "/notifications?view=unread", view.equals("unread")),
                new Tabs.Tab("Saved", "/notifications?view=saved", view.equals("saved")));
        Html list = items.isEmpty()
                ? EmptyState.of(view.equals("all") ? "No notifications" : "Nothing here",
                        view.equals("all") ? "Templates and plugins notify you here." : "Try the All tab.").html()
                : Html.format("<ul class=\"notifications-list\">{}</ul>",
                        Html.join(items.stream().map(n -> item(request, n, view)).toList()));
        Html markAll = status.unread() == 0 ? Html.EMPTY : Html.format("""
                <form method="post" action="/notifications/mark">{}<input type="hidden" name="all" value="true">\
                <input type="hidden" name="read" value="true"><input type="hidden" name="view" value="{}">\
                <button type="submit" class="button">Mark all as read</button></form>""", Forms.csrfField(request), view);
        return View.of("Notifications", Html.format("<div class=\"stack\">{}{}</div>", tabs,
                Card.of(total + (total == 1 ? " notification" : " notifications"), Html.join(list, pager(view, page, total))).actions(markAll)));
    }

    private static Html item(Request request, Notification n, String view) {
        boolean unread = n.read().isEmpty();
        Html title = n.payload().link().isPresent()
                ? Html.format("<a href=\"/notifications/open/{}\">{}</a>", n.id(), n.payload().title())
                : Html.text(n.payload().title());
        Html description = n.payload().description().map(d -> Html.format("<p class=\"notification-description\">{}</p>", d)).orElse(Html.EMPTY);
        String severity = n.payload().severity().id();
        return Html.format("""
                <li class="notification {}" data-id="{}"><div class="notification-main">\
                <span class="badge {}">{}</span> <strong class="notification-title">{}</strong>{}\
                <p class="notification-meta">{}{} · from {}{}</p></div><div class="notification-actions">{}{}</div></li>""",
                unread ? "unread" : "read", n.id(), badgeClass(severity), severity, title, description,
                TIME.format(n.updated().orElse(n.created())), n.broadcast() ? " · to everyone" : "", n.origin(),
                n.payload().topic().map(t -> " · " + t).orElse(""),
                action(request, n.id(), "read", !unread ? "false" : "true", unread ? "Mark read" : "Mark unread", view),
                action(request, n.id(), "saved", n.saved().isPresent() ? "false" : "true", n.saved().isPresent() ? "Unsave" : "Save", view));
    }

    private static Html action(Request request, String id, String field, String value, String label, String view) {
        return Html.format("""
                <form method="post" action="/notifications/mark">{}<input type="hidden" name="id" value="{}">\
                <input type="hidden" name="{}" value="{}"><input type="hidden" name="view" value="{}">\
                <button type="submit" class="button small">{}</button></form>""", Forms.csrfField(request), id, field, value, view, label);
    }

    private static Html pager(String view, int page, long total) {
        long pages = Math.max(1, (total + PAGE - 1) / PAGE);
        if (pages == 1) {
            return Html.EMPTY;
        }
        String base = "/notifications?view=" + view + "&page=";
        return Html.format("<nav class=\"notifications-pager\" aria-label=\"Pages\">{}<span>Page {} of {}</span>{}</nav>",
                page > 1 ? Html.format("<a href=\"{}\">Newer</a>", base + (page - 1)) : Html.EMPTY, String.valueOf(page), String.valueOf(pages),
                page < pages ? Html.format("<a href=\"{}\">Older</a>", base + (page + 1)) : Html.EMPTY);
    }

    private Object open(Request request) {
        String user = NotificationRoutes.user(request);
        Notification n = store.find(user, request.pathParam("id"))
                .orElseThrow(() -> new io.kerberus.plugin.NotFoundException("No notification " + request.pathParam("id") + " for you"));
        store.mark(user, List.of(n.id()), false, true);
        String link = n.payload().link().map(Html::safeUrl).orElse("/notifications");
        if (portalPath(link)) {
            return Response.redirect(link);
        }
        Optional<String> host = host(link);
        if (host.isPresent() && trustedHosts.contains(host.get())) {
            return Response.status(303).header("Location", link);
        }
        // the sender (a template any user ran) chose the link: never an automatic redirect to another site
        return View.of("Leaving the portal", Card.of("This notification links to " + host.orElse("another site"), Html.format("""
                <p>{}</p><p class="muted">Sent by {}. Continue only if you trust where it goes.</p>\
                <div class="form-actions"><a class="button primary" href="{}" rel="noopener noreferrer">Continue to {}</a> \
                <a class="button" href="/notifications">Back to notifications</a></div>""",
                n.payload().title(), n.origin(), host.isPresent() ? link : "#", host.orElse("the link"))).html());
    }

    /** A path of this portal: one slash, not a scheme-relative {@code //host} or {@code /\host}. */
    static boolean portalPath(String link) {
        return link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\");
    }

    /** The lower-case host of an http(s) URL; empty for anything else. */
    static Optional<String> host(String link) {
        try {
            java.net.URI uri = new java.net.URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(uri.getHost().toLowerCase(java.util.Locale.ROOT));
            }
        } catch (java.net.URISyntaxException e) {
            // not a URL: no host
        }
        return Optional.empty();
    }

    private Object mark(Request request) {
        String user = NotificationRoutes.user(request);
        List<String> ids = request.formParam("all").isPresent()
                ? store.list(NotificationQuery.forUser(user).withRead(Optional.of(false)).page(0, NotificationQuery.MAX_LIMIT)).stream().map(Notification::id).toList()
                : request.formParams("id");
        request.formParam("read").ifPresent(value -> store.mark(user, ids, false, value.equals("true")));
        request.formParam("saved").ifPresent(value -> store.mark(user, ids, true, value.equals("true")));
        String view = view(request.formParam("view").orElse(""));
        return Response.redirect(view.equals("all") ? "/notifications" : "/notifications?view=" + view);
    }

    private static String view(Request request) {
        return view(request.queryParam("view").orElse(""));
    }

    private static String view(String value) {
        return value.equals("unread") || value.equals("saved") ? value : "all";
    }

    private static String badgeClass(String severity) {
        return switch (severity) {
            case "critical" -> "danger";
            case "high" -> "warning";
            case "low" -> "muted";
            default -> "success";
        };
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
