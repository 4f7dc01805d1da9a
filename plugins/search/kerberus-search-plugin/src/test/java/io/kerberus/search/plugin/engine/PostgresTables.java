package io.kerberus.search.plugin.engine;

import io.kerberus.test.TestDatabase;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** A fresh PostgreSQL schema with the search migration applied, for the PostgreSQL engine's tests. */
final class PostgresTables implements AutoCloseable {

    private static final String URL = env("KERBERUS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("KERBERUS_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("KERBERUS_TEST_PG_PASSWORD", "");

    final String schema = TestDatabase.newSchema();
    final Jdbi jdbi;

    PostgresTables() throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        jdbi = Jdbi.create(URL + "?currentSchema=" + schema, USER, PASSWORD);
        jdbi.useHandle(handle -> {
            String withoutComments = String.join("\n", migration().lines().filter(line -> !line.strip().startsWith("--")).toList());
            for (String sql : withoutComments.split(";")) {
                if (!sql.isBlank()) {
                    handle.execute(sql);
                }
            }
        });
    }

    /** Empties the tables, as before the first collation. */
    void truncate() {
        jdbi.useHandle(handle -> handle.execute("TRUNCATE search_facets, search_documents, search_terms"));
    }

    @Override
    public void close() {
        TestDatabase.dropSchema(schema);
    }

    private static String migration() throws IOException {
        try (InputStream in = PostgresTables.class.getResourceAsStream("/db/migration/search/V1__search.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
