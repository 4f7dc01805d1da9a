package io.kerberus.example.plugin.announcements;

import io.kerberus.plugin.InputException;
import io.kerberus.plugin.NotAllowedException;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.Routes;

/** The JSON API under {@code /api/example}. */
public final class AnnouncementRoutes {

    private final AnnouncementStore store;

    public AnnouncementRoutes(AnnouncementStore store) {
        this.store = store;
    }

    public void mount(Routes routes) {
        routes.get("/announcements", this::list);
        routes.post("/announcements", this::create);
        routes.get("/announcements/{id}", request -> find(request));
        routes.delete("/announcements/{id}", this::delete);
    }

    /** The body of a POST. */
    record NewAnnouncement(String title, String body) {
    }

    private Object list(Request request) {
        int limit = intParam(request, "limit", 20, 1, 100);
        int offset = intParam(request, "offset", 0, 0, Integer.MAX_VALUE);
        return store.list(request.queryParam("q").orElse(""), "created", true, offset, limit);
    }

    private Object create(Request request) {
        NewAnnouncement input = request.bodyAs(NewAnnouncement.class);
        Announcement created = store.create(input.title(), input.body(), request.requirePrincipal().subject());
        return Response.json(201, created).header("Location", "/api/example/announcements/" + created.id());
    }

    private Announcement find(Request request) {
        return store.find(id(request)).orElseThrow(() -> new NotFoundException("No announcement with id " + request.pathParam("id")));
    }

    private Object delete(Request request) {
        Announcement announcement = find(request);
        Principal caller = request.requirePrincipal();
        if (!announcement.author().equals(caller.subject())) {
            throw new NotAllowedException("Only the author, " + announcement.author() + ", may delete this announcement");
        }
        store.delete(announcement.id());
        return null;
    }

    private static long id(Request request) {
        try {
            return Long.parseLong(request.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new InputException("id: expected a number but found \"" + request.pathParam("id") + "\"");
        }
    }

    private static int intParam(Request request, String name, int fallback, int min, int max) {
        String text = request.queryParam(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(name + ": expected a whole number from " + min + " to " + max + " but found \"" + text + "\"");
    }
}
