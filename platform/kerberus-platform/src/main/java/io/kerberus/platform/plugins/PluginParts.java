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
 */
public record PluginParts(Routes routes, Pages pages, Tasks tasks, Database database, Identity identity, Lifecycle lifecycle,
                          java.nio.file.Path dataDirectory, java.time.Clock clock) {
}
