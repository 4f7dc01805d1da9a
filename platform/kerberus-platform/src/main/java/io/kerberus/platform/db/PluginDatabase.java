package io.kerberus.platform.db;

import io.kerberus.plugin.Database;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;

/** A plugin's view of the shared pool. */
public final class PluginDatabase implements Database {

    private final ConnectionPool pool;
    private final String pluginId;

    public PluginDatabase(ConnectionPool pool, String pluginId) {
        this.pool = pool;
        this.pluginId = pluginId;
    }

    @Override
    public Dialect dialect() {
        return pool.dialect();
    }

    @Override
    public String tablePrefix() {
        return Migrations.tablePrefix(pluginId);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type == Jdbi.class) {
            return type.cast(pool.jdbi());
        }
        if (type == DataSource.class) {
            return type.cast(pool.dataSource());
        }
        throw new IllegalArgumentException("Database.unwrap supports org.jdbi.v3.core.Jdbi and javax.sql.DataSource, not " + type.getName());
    }
}
