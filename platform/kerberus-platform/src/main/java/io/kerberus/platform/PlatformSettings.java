package io.kerberus.platform;

import io.kerberus.platform.auth.AuthSettings;
import io.kerberus.platform.db.DatabaseSettings;
import io.kerberus.platform.http.BackendSettings;
import io.kerberus.platform.logging.Logging;
import io.kerberus.platform.scheduler.SchedulerSettings;
import io.kerberus.platform.ui.Branding;
import io.kerberus.plugin.Config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the platform reads from the config ({@code app}, {@code backend}, {@code auth},
 * {@code organization}), read and checked before anything starts.
 *
 * @param backend      HTTP settings
 * @param database     the database
 * @param scheduler    task scheduling
 * @param auth         identity
 * @param branding     the portal's look
 * @param logging      log levels and format
 * @param dataDir      where plugins keep derived files ({@code backend.dataDir})
 * @param organization the organisation's name ({@code organization.name}), may be empty
 * @param permission   the permission framework ({@code permission})
 */
public record PlatformSettings(BackendSettings backend, DatabaseSettings database, SchedulerSettings scheduler,
                               AuthSettings auth, Branding branding, Logging logging, Path dataDir, String organization,
                               io.kerberus.platform.permission.PermissionSettings permission) {

    /** The top-level config keys the platform reads. */
    public static final List<String> SECTIONS = List.of("app", "backend", "auth", "organization", "permission");

    /**
     * Reads the platform's settings.
     *
     * @param portOverride a port from the command line, or null
     */
    public static PlatformSettings from(Config root, Integer portOverride) {
        Config backend = root.getOptionalConfig("backend").orElse(emptyAt(root, "backend"));
        Path dataDir = Path.of(backend.getString("dataDir", "data")).toAbsolutePath().normalize();
        BackendSettings http = BackendSettings.from(backend, portOverride);
        DatabaseSettings database = backend.getOptionalConfig("database")
                .map(db -> DatabaseSettings.from(db, dataDir))
                .orElseGet(() -> DatabaseSettings.from(emptyAt(root, "backend.database"), dataDir));
        SchedulerSettings scheduler = backend.getOptionalConfig("scheduler").map(SchedulerSettings::from).orElse(SchedulerSettings.defaults());
        Logging logging = Logging.from(backend);
        AuthSettings auth = AuthSettings.from(root);
        Config app = root.getOptionalConfig("app").orElse(emptyAt(root, "app"));
        app.getOptionalString("baseUrl");
        app.getOptionalString("environment");
        for (String key : List.of("listen", "packages", "extensions", "support", "routes", "experimental", "analytics")) {
            app.ignore(key, "a setting of Backstage's frontend; Kerberus serves its pages itself");
        }
        Branding branding = Branding.from(app);
        String organization = root.getOptionalString("organization.name").orElse("");
        io.kerberus.platform.permission.PermissionSettings permission = io.kerberus.platform.permission.PermissionSettings.from(root);
        return new PlatformSettings(http, database, scheduler, auth, branding, logging, dataDir, organization, permission);
    }

    private static Config emptyAt(Config root, String key) {
        return io.kerberus.platform.config.LoadedConfig.emptyAt(key);
    }
}
