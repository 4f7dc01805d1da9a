package io.kerberus.notifications;

import io.kerberus.plugin.Permission;
import io.kerberus.plugin.ServiceRef;

import java.util.List;

/**
 * Sends notifications to users, in-process, with the semantics of Backstage's
 * {@code NotificationService}: a notification goes to every user an entity ref names (a user, a
 * group's members, an entity's owner) or to everyone; a payload with a {@code scope} replaces the
 * recipient's earlier notification of the same scope and origin instead of adding one.
 *
 * <p>Plugins that can do without notifications declare it with
 * {@code registrar.usesIfPresent(NotificationService.REF)} and get it through
 * {@code context.optionalService(NotificationService.REF)}.
 */
public interface NotificationService {

    /** The ref to declare in {@code Registrar.uses}, {@code usesIfPresent} or {@code requires}. */
    ServiceRef<NotificationService> REF = ServiceRef.of("notifications.service", NotificationService.class);

    /**
     * {@code notification.broadcast}: sending to everyone on behalf of a user (a template's
     * {@code notification:send} with {@code recipients: broadcast}). Declared by the notifications
     * plugin; the default policy allows it to admins and services only.
     */
    Permission BROADCAST = Permission.basic("notification.broadcast", "create");

    /**
     * Sends a notification.
     *
     * @param origin     who sends it, such as {@code plugin:scaffolder}; with {@code scope} it decides
     *                   which earlier notification is replaced
     * @param recipients to whom
     * @param payload    what
     * @return the notifications stored: one per user, or the single broadcast; empty when the
     *         recipients resolve to no user
     * @throws io.kerberus.plugin.InputException when the payload is invalid (no title, a link that is
     *                                           not http(s) or a portal path), naming the field
     */
    List<Notification> send(String origin, NotificationRecipients recipients, NotificationPayload payload);
}
