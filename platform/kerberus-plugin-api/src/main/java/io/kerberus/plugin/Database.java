package io.kerberus.plugin;

/**
 * A plugin's database. Migrations live in {@code db/migration/<plugin-id>} on the classpath and run
 * before the plugin's init; the plugin's tables start with {@link #tablePrefix()}.
 *
 * <p>The same SQL must run on the embedded H2 (PostgreSQL mode) and on PostgreSQL; see
 * {@code docs/plugins.md}. Where PostgreSQL has a faster form, switch on {@link #dialect()}.
 */
public interface Database {

    /** The kinds of database Kerberus runs on. */
    enum Dialect { H2, POSTGRES }

    Dialect dialect();

    /** The prefix of this plugin's tables, such as {@code catalog_}. */
    String tablePrefix();

    /**
     * The database as a library type: {@code org.jdbi.v3.core.Jdbi} (shared, thread-safe) or
     * {@code javax.sql.DataSource} (the pooled connections).
     *
     * @throws IllegalArgumentException for any other type
     */
    <T> T unwrap(Class<T> type);
}
