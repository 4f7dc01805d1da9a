package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.notifications.NotificationPayload;
import io.kerberus.notifications.NotificationRecipients;
import io.kerberus.notifications.NotificationService;
import io.kerberus.notifications.NotificationSeverity;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Lifecycle;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;
import io.kerberus.scaffolder.ScaffolderExtensions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code notification:send}: notifies users through the notifications plugin, with the inputs of
 * Backstage's {@code scaffolder-backend-module-notifications}. Registered only when a plugin
 * provides {@link NotificationService}, so the scaffolder runs without the notifications plugin.
 *
 * <p>It sends in the name of the task's creator: the origin is {@code plugin:scaffolder:<creator>}
 * ({@code plugin:scaffolder:user:default/jane}), so a {@code scope} only ever replaces notifications
 * the same user's templates sent, and a broadcast needs {@code notification.broadcast} for the creator.
 */
public final class NotificationSendAction implements Action {

    /** The action's id in templates. */
    public static final String ID = "notification:send";
    /** The origin of notifications sent by tasks without a creator; others add {@code :<creator ref>}. */
    public static final String ORIGIN = "plugin:scaffolder";

    private final Supplier<Optional<NotificationService>> notifications;
    private final CreatorAccess access;

    /**
     * @param notifications the notifications service, if a plugin provides it
     * @param access        what the task's creator may do ({@code notification.broadcast})
     */
    public NotificationSendAction(Supplier<Optional<NotificationService>> notifications, CreatorAccess access) {
        this.notifications = notifications;
        this.access = access;
    }

    /**
     * Adds the action once every plugin has started, if an enabled plugin provides notifications
     * (it may start after the scaffolder) and no module added an action with the same id.
     */
    public static void addWhenAvailable(ScaffolderExtensions.Actions actions, Supplier<Optional<Action>> existing,
            Supplier<Optional<NotificationService>> notifications, Lifecycle lifecycle, CreatorAccess access) {
        lifecycle.onStarted(() -> {
            if (notifications.get().isPresent() && existing.get().isEmpty()) {
                actions.add(new NotificationSendAction(notifications, access));
            }
        });
    }

    /** {@code plugin:scaffolder:<creator ref>}, or {@code plugin:scaffolder} for a task without a creator. */
    static String origin(ActionContext ctx) {
        return ctx.user().map(user -> ORIGIN + ":" + user.subject()).orElse(ORIGIN);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Sends a notification using NotificationService";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return InputSchema.object().required("recipients", "title")
                .property("recipients", Map.of("title", "Recipient", "type", "string", "enum", List.of("broadcast", "entity"),
                        "description", "The recipient of the notification, either broadcast or entity. If using entity, also entityRef must be provided"))
                .strings("entityRefs", "Entity references", "The entity references to send the notification to, required if using recipient of entity")
                .string("title", "Title", "Notification title")
                .string("info", "Description", "Notification description")
                .string("link", "Link", "Notification link")
                .property("severity", Map.of("title", "Severity", "type", "string", "description", "Notification severity",
                        "enum", List.of("low", "normal", "high", "critical")))
                .string("scope", "Scope", "Notification scope")
                .bool("optional", "Optional", "Do not fail the action if the notification sending fails")
                .build();
    }

    @Override
    public boolean supportsDryRun() {
        return true;
    }

    @Override
    public void run(ActionContext ctx) {
        ActionInputs in = new ActionInputs(ID, ctx.input());
        boolean optional = in.bool("optional", false);
        String recipients = in.required("recipients");
        ctx.log("Sending notification to " + recipients);
        List<String> refs = in.list("entityRefs").stream().map(String::valueOf).filter(ref -> !ref.isBlank()).toList();
        if (recipients.equals("entity") && refs.isEmpty()) {
            if (!optional) {
                throw new InputException(ID + ": Entity references must be provided; set entityRefs");
            }
            return;
        }
        boolean broadcast = recipients.equals("broadcast");
        NotificationRecipients to = broadcast ? NotificationRecipients.broadcast() : NotificationRecipients.entities(refs);
        // Backstage names the text 'info'; templates (notifications-demo) also pass 'description'
        NotificationPayload payload = NotificationPayload.of(in.required("title"))
                .withDescription(in.string("info").or(() -> in.string("description")).orElse(null))
                .withLink(in.string("link").orElse(null))
                .withSeverity(in.string("severity").flatMap(NotificationSeverity::parse).orElse(NotificationSeverity.NORMAL))
                .withScope(in.string("scope").orElse(null));
        if (ctx.dryRun()) {
            if (broadcast && !access.allowed(ctx, NotificationService.BROADCAST)) {
                ctx.log("Dry run: a real run would be refused: broadcasting needs " + NotificationService.BROADCAST.name());
            }
            ctx.log("Dry run: would send " + payload.severity().id() + " notification '" + payload.title() + "' to "
                    + (refs.isEmpty() || recipients.equals("broadcast") ? "everyone" : String.join(", ", refs)));
            return;
        }
        if (broadcast) {
            // not softened by optional: sending to everyone is a permission of the creator, not a delivery problem
            access.require(ctx, NotificationService.BROADCAST);
        }
        try {
            NotificationService service = notifications.get()
                    .orElseThrow(() -> new IllegalStateException("the notifications plugin is not enabled in this portal"));
            int sent = service.send(origin(ctx), to, payload).size();
            ctx.log("Sent " + sent + (sent == 1 ? " notification" : " notifications"));
        } catch (RuntimeException e) {
            ctx.log("Failed to send notification: " + e.getMessage());
            if (!optional) {
                throw e instanceof InputException ? e : new IllegalStateException(ID + ": failed to send notification: " + e.getMessage(), e);
            }
        }
    }
}
