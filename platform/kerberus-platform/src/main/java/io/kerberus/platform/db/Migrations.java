package io.kerberus.platform.db;

import io.kerberus.platform.StartupException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs each plugin's Flyway migrations from {@code db/migration/<id>} with its own history table
 * ({@code <prefix>schema_history}) and checks that new tables carry the plugin's prefix.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /** The table prefix of a plugin id: {@code software-templates} becomes {@code software_templates_}. */
    public static String tablePrefix(String pluginId) {
        return pluginId.replace('-', '_') + "_";
    }

    /** Migrates one plugin; does nothing when it has no migration folder. */
    public static void migrate(ConnectionPool pool, String pluginId, ClassLoader classLoader) {
        String folder = "db/migration/" + pluginId;
        if (classLoader.getResource(folder) == null) {
            return;
        }
        String prefix = tablePrefix(pluginId);
        Set<String> before = tables(pool);
        try {
            var configuration = Flyway.configure(classLoader)
                    .dataSource(pool.dataSource())
                    .locations("classpath:" + folder)
                    .table(prefix + "schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(false);
            if (pool.settings().schema() != null) {
                configuration.schemas(pool.settings().schema()).createSchemas(false);
            }
            MigrateResult result = configuration.load().migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Migrated {} to version {} ({} migrations)", pluginId, result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (RuntimeException e) {
            throw new StartupException("Database migration of plugin '" + pluginId + "' failed: " + ConnectionPool.rootMessage(e)
                    + ". Fix the migration in " + folder + " (migrations that already ran must never change; add a new version instead).", e);
        }
        Set<String> created = new HashSet<>(tables(pool));
        created.removeAll(before);
        List<String> strays = created.stream().filter(table -> !table.startsWith(prefix)).sorted().toList();
        if (!strays.isEmpty()) {
            throw new StartupException("Plugin '" + pluginId + "' created tables without its prefix '" + prefix + "': " + strays
                    + ". Rename them in " + folder + " so that plugins cannot clash.");
        }
    }

    private static Set<String> tables(ConnectionPool pool) {
        String schema = pool.settings().schema() != null ? pool.settings().schema() : "public";
        return new HashSet<>(pool.jdbi().withHandle(handle -> handle
                .createQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = :schema")
                .bind("schema", schema)
                .mapTo(String.class)
                .map(name -> name.toLowerCase(Locale.ROOT))
                .list()));
    }
}
