package io.kerberus.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The two databases Kerberus runs on, for tests: the embedded H2 (a fresh in-memory database per
 * backend) and PostgreSQL at {@code 127.0.0.1:5432} (a fresh schema per backend in database
 * {@code test}, dropped afterwards). Override the PostgreSQL server with {@code KERBERUS_TEST_PG_URL}
 * ({@code jdbc:postgresql://host:port/db}), {@code KERBERUS_TEST_PG_USER} and {@code KERBERUS_TEST_PG_PASSWORD}.
 */
public enum TestDatabase {
    H2, POSTGRES;

    static final String PG_URL = env("KERBERUS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = env("KERBERUS_TEST_PG_USER", "postgres");
    static final String PG_PASSWORD = env("KERBERUS_TEST_PG_PASSWORD", "");

    /** A new schema name, unique to one backend (or to the replicas a test starts on one schema). */
    public static String newSchema() {
        return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** The {@code backend.database} YAML for a fresh database; {@code schema} is used for PostgreSQL. */
    String configYaml(String schema) {
        if (this == H2) {
            return "backend:\n  database:\n    client: h2\n    connection: ':memory:'\n";
        }
        String rest = PG_URL.substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        String database = rest.substring(rest.indexOf('/') + 1);
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        String port = hostPort.contains(":") ? hostPort.substring(hostPort.indexOf(':') + 1) : "5432";
        return "backend:\n  database:\n    client: pg\n    schema: " + schema + "\n    connection:\n"
                + "      host: " + host + "\n      port: " + port + "\n      database: " + database + "\n"
                + "      user: " + PG_USER + "\n      password: '" + PG_PASSWORD + "'\n";
    }

    /** Drops a test schema from PostgreSQL. */
    public static void dropSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
