package io.kerberus.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kerberus.platform.StartupException;
import io.kerberus.plugin.Database.Dialect;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The shared connection pool and Jdbi of the backend; every plugin uses it with its own table prefix. */
public final class ConnectionPool implements AutoCloseable {

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private ConnectionPool(DatabaseSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Connects, creating the H2 directory and the schema when they do not exist.
     *
     * @throws StartupException when the database cannot be reached, saying which one and why
     */
    public static ConnectionPool open(DatabaseSettings settings) {
        try {
            if (settings.directory() != null) {
                Files.createDirectories(settings.directory());
            }
            if (settings.schema() != null) {
                createSchema(settings);
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(settings.jdbcUrl());
            config.setUsername(settings.user());
            config.setPassword(settings.password());
            config.setMaximumPoolSize(settings.maxPool());
            config.setMinimumIdle(Math.min(2, settings.maxPool()));
            config.setPoolName("kerberus-db");
            config.setConnectionTimeout(10_000);
            config.setInitializationFailTimeout(10_000);
            if (settings.schema() != null) {
                config.setSchema(settings.schema());
            }
            return new ConnectionPool(settings, new HikariDataSource(config));
        } catch (Exception e) {
            throw new StartupException("Cannot open the database " + settings.describe() + ": " + rootMessage(e) + ". "
                    + (settings.dialect() == Dialect.POSTGRES
                    ? "Check that PostgreSQL runs and backend.database.connection (host, port, user, password, database) is right."
                    : "Check that the data directory is writable and no other Kerberus process uses it."), e);
        }
    }

    private static void createSchema(DatabaseSettings settings) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + settings.schema());
        }
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public Dialect dialect() {
        return settings.dialect();
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The H2 data directory, or null. */
    public Path directory() {
        return settings.directory();
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
