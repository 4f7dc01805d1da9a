package io.kerberus.example.plugin;

import io.kerberus.example.plugin.announcements.AnnouncementPages;
import io.kerberus.example.plugin.announcements.AnnouncementRoutes;
import io.kerberus.example.plugin.announcements.AnnouncementStore;
import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import io.kerberus.plugin.Registrar;
import io.kerberus.plugin.Schedule;
import io.kerberus.plugin.ui.Icon;
import io.kerberus.plugin.ui.NavItem;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;

/**
 * The example plugin of the contributor guide (docs/plugins.md): team announcements with a table in
 * the database, a JSON API, a page with a form, a nav item, a home card and a cleanup task.
 */
public final class ExamplePlugin implements Plugin {

    private ExampleConfig config;

    @Override
    public String id() {
        return "example";
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    public void register(Registrar registrar) {
        config = ExampleConfig.from(registrar.config());
    }

    @Override
    public void init(PluginContext context) {
        AnnouncementStore store = new AnnouncementStore(context.database().unwrap(Jdbi.class), context.clock());
        new AnnouncementRoutes(store).mount(context.routes());
        new AnnouncementPages(store).mount(context.pages());
        context.pages().nav(new NavItem("Announcements", "/example", Icon.MEGAPHONE, 800));
        context.tasks().schedule("cleanup", Schedule.every(Duration.ofHours(1)),
                run -> context.logger().info("Deleted {} old announcements", store.deleteOlderThan(config.retention())));
        config.welcome().ifPresent(text -> context.tasks().schedule("welcome", Schedule.once(),
                run -> store.create("Welcome", text, "plugin:example")));
    }
}
