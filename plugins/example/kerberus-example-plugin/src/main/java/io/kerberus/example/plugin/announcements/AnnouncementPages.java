package io.kerberus.example.plugin.announcements;

import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.ui.Card;
import io.kerberus.plugin.ui.EmptyState;
import io.kerberus.plugin.ui.Forms;
import io.kerberus.plugin.ui.HomeCard;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.Pages;
import io.kerberus.plugin.ui.Table;
import io.kerberus.plugin.ui.TableState;
import io.kerberus.plugin.ui.View;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The announcements page at {@code /example}: a sortable, filterable table and a form to post. */
public final class AnnouncementPages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final List<Table.Column> COLUMNS = List.of(
            Table.Column.sortable("title", "Title"),
            Table.Column.plain("body", "Text"),
            Table.Column.sortable("author", "Posted by"),
            Table.Column.sortable("created", "Posted"));

    private final AnnouncementStore store;

    public AnnouncementPages(AnnouncementStore store) {
        this.store = store;
    }

    public void mount(Pages pages) {
        pages.get("", this::page);
        pages.post("", this::post);
        pages.homeCard(new HomeCard("Announcements", 500, false, this::latest));
    }

    private Object page(Request request) {
        return view(request, Html.EMPTY, "", "", 200);
    }

    private Object post(Request request) {
        String title = request.formParam("title").orElse("");
        String body = request.formParam("body").orElse("");
        try {
            store.create(title, body, request.requirePrincipal().subject());
            return Response.redirect("/example");
        } catch (InputException e) {
            Html error = Html.format("<p class=\"field-error\" role=\"alert\">{}</p>", e.getMessage());
            return view(request, error, title, body, 400);
        }
    }

    private View view(Request request, Html formError, String title, String body, int status) {
        TableState state = TableState.from(request, COLUMNS, "created", true, 10);
        AnnouncementStore.Page page = store.list(state.query(), state.sort(), state.descending(), state.offset(), state.pageSize());
        List<List<Html>> rows = page.items().stream().map(a -> List.of(
                Html.format("<strong>{}</strong>", a.title()), Html.text(a.body()), Html.text(a.author()),
                Html.text(DATE.format(Instant.ofEpochMilli(a.createdAt()))))).toList();
        Table table = new Table("announcements", COLUMNS, rows, state, page.totalItems(), true,
                EmptyState.of("No announcements", state.query().isEmpty() ? "Post the first one with the form." : "Nothing matches this filter."));
        Html form = Html.format("""
                <form class="form" method="post" action="/example">{}{}\
                <div class="field"><label for="title">Title</label><input id="title" name="title" required maxlength="200" value="{}"></div>\
                <div class="field"><label for="body">Text</label><textarea id="body" name="body" required maxlength="5000" rows="3">{}</textarea></div>\
                <div class="form-actions"><button type="submit" class="button primary">Post</button></div></form>""",
                Forms.csrfField(request), formError, title, body);
        if (request.isHtmx()) {
            return View.of("Announcements", table);
        }
        return View.of("Announcements", Html.format("<div class=\"stack\">{}{}</div>", Card.of("New announcement", form), Card.of("All announcements", table)))
                .status(status);
    }

    private Object latest(Request request) {
        AnnouncementStore.Page page = store.list("", "created", true, 0, 3);
        if (page.items().isEmpty()) {
            return EmptyState.of("No announcements yet", "Post one on the Announcements page.");
        }
        return Html.format("<ul class=\"stack\">{}</ul><p><a class=\"link\" href=\"/example\">All announcements</a></p>",
                Html.join(page.items().stream().map(a -> Html.format("<li><strong>{}</strong><br><span class=\"muted\">{}</span></li>",
                        a.title(), a.body())).toList()));
    }
}
