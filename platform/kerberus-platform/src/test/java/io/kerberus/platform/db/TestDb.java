package io.kerberus.platform.db;

import io.kerberus.platform.config.ConfigLoader;
import io.kerberus.platform.config.LoadedConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fresh databases for the platform's own tests: an in-memory H2, or a new schema in PostgreSQL's database {@code test}. */
public enum TestDb {
    H2, POSTGRES;

    public static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    /** A new, empty database (or schema); {@link #drop} it afterwards. */
    public ConnectionPool open() {
        return ConnectionPool.open(settings(newSchema()));
    }

    /** Settings for a given schema, so that two pools can share it like two replicas. */
    public DatabaseSettings settings(String schema) {
        String yaml = this == H2
                ? "client: h2\nconnection: ':memory:'\n"
                : "client: pg\nschema: " + schema + "\nconnection: {host: 127.0.0.1, port: 5432, user: postgres, database: test}\n";
        LoadedConfig config = ConfigLoader.load(List.of(ConfigLoader.Layer.text("test", yaml, Path.of("."))), Map.of());
        return DatabaseSettings.from(config.root(), Path.of("target", "test-data"));
    }

    public static String newSchema() {
        return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Closes the pool and drops its PostgreSQL schema. */
    public static void drop(ConnectionPool pool) {
        pool.close();
        String schema = pool.settings().schema();
        if (pool.dialect() == io.kerberus.plugin.Database.Dialect.POSTGRES && schema != null) {
            try (Connection connection = DriverManager.getConnection(PG_URL, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
