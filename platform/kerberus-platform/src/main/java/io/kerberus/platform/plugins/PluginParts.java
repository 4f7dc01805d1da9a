package io.kerberus.platform.plugins;

import io.kerberus.plugin.Database;
import io.kerberus.plugin.Identity;
import io.kerberus.plugin.Lifecycle;
import io.kerberus.plugin.Routes;
import io.kerberus.plugin.Tasks;
import io.kerberus.plugin.ui.Pages;

/**
 * The platform services of one plugin, as the platform wired them.
 *
 * @param routes    JSON routes under the plugin's prefix
 * @param pages     HTML pages under the plugin's prefix
 * @param tasks     tasks under the plugin's task prefix
 * @param database  the plugin's database
 * @param identity  tokens on behalf of the plugin
 * @param lifecycle start and shutdown hooks
 * @param dataDirectory the plugin's directory for derived files
 * @param clock     the backend's clock
 * @param audit     the audit log
 * @param permissions the permission framework as the plugin sees it
 */
public record PluginParts(Routes routes, Pages pages, Tasks tasks, Database database, Identity identity, Lifecycle lifecycle,
                          java.nio.file.Path dataDirectory, java.time.Clock clock, io.kerberus.plugin.AuditLog audit,
                          io.kerberus.plugin.Permissions permissions) {

    /** Parts without audit log and permissions, for tests of the plugin host. */
    public PluginParts(Routes routes, Pages pages, Tasks tasks, Database database, Identity identity, Lifecycle lifecycle,
                       java.nio.file.Path dataDirectory, java.time.Clock clock) {
        this(routes, pages, tasks, database, identity, lifecycle, dataDirectory, clock, null, null);
    }
}
