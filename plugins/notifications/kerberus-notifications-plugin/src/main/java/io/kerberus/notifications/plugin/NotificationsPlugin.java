package io.kerberus.notifications.plugin;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.notifications.NotificationService;
import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import io.kerberus.plugin.Registrar;
import io.kerberus.plugin.Schedule;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;

/**
 * Backstage's notifications: other plugins (through {@link NotificationService}) and services
 * (through {@code POST /api/notifications/notifications}) notify users, groups or everyone; users
 * read them at {@code /notifications}, through the JSON API, and see the unread count on the
 * header bell. Groups and owners are resolved through the catalog when it is in the app.
 */
public final class NotificationsPlugin implements Plugin {

    private NotificationsConfig config;

    @Override
    public String id() {
        return "notifications";
    }

    @Override
    public void register(Registrar registrar) {
        config = NotificationsConfig.from(registrar.config());
        registrar.usesIfPresent(CatalogClient.REF);
        registrar.provides(NotificationService.REF);
    }

    @Override
    public void init(PluginContext context) {
        // checked by senders acting for a user (the scaffolder's notification:send); see NotificationService.BROADCAST
        context.permissions().declare(NotificationService.BROADCAST);
        NotificationStore store = new NotificationStore(context.database().unwrap(Jdbi.class), context.clock());
        NotificationSender sender = new NotificationSender(store, new RecipientResolver(context.optionalService(CatalogClient.REF), context.logger()));
        context.provide(NotificationService.REF, sender);
        new NotificationRoutes(store, sender).mount(context.routes());
        new NotificationPages(store, config.trustedHosts()).mount(context.pages(), config.pollInterval());
        context.pages().stylesheet("/static/notifications/notifications.css");
        context.tasks().schedule("cleanup", Schedule.every(Duration.ofHours(6)),
                run -> context.logger().info("Deleted {} notifications older than {}", store.deleteOlderThan(config.retention()), config.retention()));
    }
}
