package io.kerberus.notifications.plugin;

import io.kerberus.notifications.Notification;
import io.kerberus.notifications.NotificationPayload;
import io.kerberus.notifications.NotificationRecipients;
import io.kerberus.notifications.NotificationSeverity;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.NotAllowedException;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.Routes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backstage's notifications API under {@code /api/notifications}: users list, count and mark their
 * own notifications and the broadcasts; services ({@code plugin:*}, static tokens) send them.
 */
final class NotificationRoutes {

    private final NotificationStore store;
    private final NotificationSender sender;

    NotificationRoutes(NotificationStore store, NotificationSender sender) {
        this.store = store;
        this.sender = sender;
    }

    void mount(Routes routes) {
        routes.get("/notifications", this::list);
        routes.get("/", this::list); // Backstage's deprecated form
        routes.get("/status", request -> {
            NotificationStore.Status status = store.status(user(request));
            return Response.object("unread", status.unread(), "read", status.read());
        });
        routes.post("/notifications/update", this::update);
        routes.post("/update", this::update);
        routes.post("/notifications", this::send);
        routes.post("/", this::send);
        routes.get("/notifications/{id}", request -> json(store.find(user(request), request.pathParam("id"))
                .orElseThrow(() -> new NotFoundException("No notification " + request.pathParam("id") + " for you"))));
    }

    private Object list(Request request) {
        NotificationQuery query = NotificationParams.query(request, user(request));
        List<Map<String, Object>> items = store.list(query).stream().map(NotificationRoutes::json).toList();
        return Response.object("totalCount", store.count(query), "notifications", items);
    }

    /** The body of {@code POST /notifications/update}. */
    record Update(List<String> ids, Boolean read, Boolean saved) {
    }

    private Object update(Request request) {
        String user = user(request);
        Update update = request.bodyAs(Update.class);
        if (update.ids() == null) {
            throw new InputException("ids: required, a list of notification ids");
        }
        List<String> ids = update.ids().stream().limit(NotificationQuery.MAX_LIMIT).toList();
        if (update.read() != null) {
            store.mark(user, ids, false, update.read());
        }
        if (update.saved() != null) {
            store.mark(user, ids, true, update.saved());
        }
        return ids.isEmpty() ? List.of() : store.list(NotificationQuery.forUser(user).withIds(ids)).stream().map(NotificationRoutes::json).toList();
    }

    @SuppressWarnings("unchecked")
    private Object send(Request request) {
        Principal caller = request.requirePrincipal();
        if (caller.isUser()) {
            throw new NotAllowedException("Only services send notifications: call with a service or static token");
        }
        Map<String, Object> body = request.bodyAs(Map.class);
        if (!(body.get("recipients") instanceof Map<?, ?> recipients) || !(body.get("payload") instanceof Map<?, ?> payload)
                || !(payload.get("title") instanceof String title) || title.isBlank()) {
            throw new InputException("Invalid notification request received: needs recipients and payload.title");
        }
        NotificationPayload parsed = new NotificationPayload(title, text(payload, "description"), text(payload, "link"),
                text(payload, "severity").flatMap(NotificationSeverity::parse).orElse(NotificationSeverity.NORMAL),
                text(payload, "topic"), text(payload, "scope"));
        NotificationRecipients to = switch (String.valueOf(recipients.get("type"))) {
            case "broadcast" -> NotificationRecipients.broadcast();
            case "entity" -> NotificationRecipients.entities(refs(recipients.get("entityRef")))
                    .excluding(refs(recipients.get("excludeEntityRef")));
            default -> throw new InputException("Invalid recipients type, please use either 'broadcast' or 'entity'");
        };
        return sender.send(caller.subject(), to, parsed).stream().map(NotificationRoutes::json).toList();
    }

    private static List<String> refs(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String ref) {
            return List.of(ref);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new InputException("recipients.entityRef: must be an entity ref or a list of them");
    }

    private static Optional<String> text(Map<?, ?> map, String key) {
        return map.get(key) instanceof String value ? Optional.of(value) : Optional.empty();
    }

    static String user(Request request) {
        Principal principal = request.requirePrincipal();
        if (!principal.isUser()) {
            throw new NotAllowedException("Notifications belong to users: call with a user's token");
        }
        return principal.subject();
    }

    /** Backstage's JSON shape of a notification. */
    static Map<String, Object> json(Notification n) {
        NotificationPayload p = n.payload();
        return Response.object("id", n.id(), "user", n.user().orElse(null), "created", n.created().toString(),
                "updated", iso(n.updated()), "read", iso(n.read()), "saved", iso(n.saved()), "origin", n.origin(),
                "payload", Response.object("title", p.title(), "description", p.description().orElse(null), "link", p.link().orElse(null),
                        "severity", p.severity().id(), "topic", p.topic().orElse(null), "scope", p.scope().orElse(null)));
    }

    private static String iso(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }

    /** Query parameters of {@code GET /notifications}. */
    static final class NotificationParams {

        private NotificationParams() {
        }

        static NotificationQuery query(Request request, String user) {
            Optional<Instant> after = request.queryParam("createdAfter").map(NotificationParams::instant);
            return new NotificationQuery(user, bool(request, "read"), bool(request, "saved"), request.queryParam("search").orElse(""), after,
                    request.queryParam("minimumSeverity").map(s -> NotificationSeverity.parse(s).orElse(NotificationSeverity.NORMAL)),
                    request.queryParam("topic").filter(t -> !t.isBlank()), List.of(),
                    number(request, "offset", 0), Math.max(1, Math.min(number(request, "limit", 20), NotificationQuery.MAX_LIMIT)));
        }

        private static Optional<Boolean> bool(Request request, String name) {
            return request.queryParam(name).flatMap(v -> v.equals("true") ? Optional.of(true) : v.equals("false") ? Optional.of(false) : Optional.empty());
        }

        private static int number(Request request, String name, int fallback) {
            String text = request.queryParam(name).orElse("");
            try {
                return text.isBlank() ? fallback : Math.max(0, Integer.parseInt(text.strip()));
            } catch (NumberFormatException e) {
                throw new InputException(name + ": expected a whole number but found \"" + text + "\"");
            }
        }

        private static Instant instant(String text) {
            try {
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new InputException("createdAfter: Unexpected date format; use 2026-01-31 or 2026-01-31T12:00:00Z");
            }
        }
    }
}
