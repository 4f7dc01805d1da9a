package io.kerberus.platform.db;

import io.kerberus.plugin.Config;
import io.kerberus.plugin.Database.Dialect;

import java.net.URI;
import java.nio.file.Path;

/**
 * {@code backend.database}: the embedded H2 database (default) or PostgreSQL, in Backstage's shape.
 *
 * <pre>
 * backend:
 *   database:
 *     client: pg                    # or h2 (default)
 *     connection: {host: db, port: 5432, user: kerberus, password: ${PG_PASSWORD}, database: kerberus}
 *     schema: portal                # optional; created if missing
 *     pool: {max: 10}
 * </pre>
 *
 * @param dialect   H2 or PostgreSQL
 * @param jdbcUrl   the JDBC URL
 * @param user      the user, or null
 * @param password  the password, or null
 * @param schema    the schema to use and create, or null for the default one
 * @param maxPool   the largest number of pooled connections
 * @param directory the H2 data directory, or null for PostgreSQL and in-memory H2
 */
public record DatabaseSettings(Dialect dialect, String jdbcUrl, String user, String password, String schema,
                               int maxPool, Path directory) {

    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** Reads {@code backend.database}; {@code dataDir} is where H2 keeps its files unless the config says otherwise. */
    public static DatabaseSettings from(Config database, Path dataDir) {
        String client = database.getString("client", "h2");
        String schema = database.getOptionalString("schema").orElse(null);
        if (schema != null && !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw database.error("schema", "expected a lower-case SQL name such as kerberus_portal but found \"" + schema + "\"");
        }
        int maxPool = database.getOptionalConfig("pool").map(pool -> pool.getInt("max", 10)).orElse(10);
        database.ignore("plugin", "per-plugin databases are not supported; every plugin uses backend.database with its own table prefix");
        database.ignore("knexConfig", "Kerberus does not use knex");
        database.ignore("pluginDivisionMode", "every plugin shares one database and schema, separated by table prefixes");
        database.ignore("ensureExists", "create the database before starting Kerberus");
        return switch (client) {
            case "h2" -> h2(database, dataDir, schema, maxPool);
            case "better-sqlite3", "sqlite3" -> {
                database.ignore("connection", "SQLite settings do not apply; the embedded H2 database is used");
                yield h2Files(dataDir, schema, maxPool);
            }
            case "pg", "postgres", "postgresql" -> postgres(database, schema, maxPool);
            default -> throw database.error("client", "expected pg (PostgreSQL) or h2 (embedded) but found \"" + client + "\"");
        };
    }

    private static DatabaseSettings h2(Config database, Path dataDir, String schema, int maxPool) {
        if (database.kindOf("connection") == Config.Kind.STRING && database.getString("connection").equals(":memory:")) {
            String name = "kerberus-" + Long.toHexString(System.nanoTime());
            return new DatabaseSettings(Dialect.H2, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS, "sa", "", schema, maxPool, null);
        }
        Path directory = database.getOptionalConfig("connection")
                .flatMap(connection -> connection.getOptionalString("directory"))
                .map(Path::of)
                .orElse(dataDir);
        return h2Files(directory, schema, maxPool);
    }

    private static DatabaseSettings h2Files(Path directory, String schema, int maxPool) {
        Path absolute = directory.toAbsolutePath().normalize();
        return new DatabaseSettings(Dialect.H2, "jdbc:h2:file:" + absolute.resolve("kerberus") + H2_OPTIONS, "sa", "", schema, maxPool, absolute);
    }

    private static DatabaseSettings postgres(Config database, String schema, int maxPool) {
        if (database.kindOf("connection") == Config.Kind.STRING) {
            return fromUrl(database, database.getString("connection"), schema, maxPool);
        }
        Config connection = database.getConfig("connection");
        String host = connection.getString("host", "localhost");
        int port = connection.getInt("port", 5432);
        String name = connection.getString("database", "kerberus");
        String user = connection.getOptionalString("user").orElse(null);
        String password = connection.getOptionalString("password").orElse(null);
        connection.ignore("ssl", "set sslmode in a connection URL instead: postgresql://host/db?sslmode=require");
        return new DatabaseSettings(Dialect.POSTGRES, "jdbc:postgresql://" + host + ":" + port + "/" + name, user, password, schema, maxPool, null);
    }

    private static DatabaseSettings fromUrl(Config database, String text, String schema, int maxPool) {
        try {
            URI uri = URI.create(text.strip());
            if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
                throw database.error("connection", "expected postgresql://user:password@host:port/database or an object with host, port, user, password and database");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8);
                password = parts.length > 1 ? java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8) : null;
            }
            int port = uri.getPort() > 0 ? uri.getPort() : 5432;
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new DatabaseSettings(Dialect.POSTGRES, "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query,
                    user, password, schema, maxPool, null);
        } catch (IllegalArgumentException e) {
            throw database.error("connection", "is not a valid URL; expected postgresql://user:password@host:port/database");
        }
    }

    /** The URL without credentials, for logs. */
    public String describe() {
        int query = jdbcUrl.indexOf('?');
        String url = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        int options = url.indexOf(';');
        return (options < 0 ? url : url.substring(0, options)) + (schema == null ? "" : " (schema " + schema + ")");
    }
}
