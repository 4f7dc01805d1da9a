package io.kerberus.search.plugin.engine;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migration runs on the embedded H2 too (every plugin's does), and the PostgreSQL engine refuses H2 clearly. */
class SearchMigrationIT {

    private final Jdbi h2 = Jdbi.create("jdbc:h2:mem:" + getClass().getSimpleName()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");

    @Test
    void runsOnH2AndPostgresEngineRefusesIt() throws Exception {
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/search/V1__search.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        h2.useHandle(handle -> handle.getConnection().createStatement().execute(migration));

        long tables = h2.withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_name LIKE 'search_%'").mapTo(Long.class).one());
        assertThat(tables).isEqualTo(3);
        assertThatThrownBy(() -> new PostgresEngine(h2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("search.engine: postgres needs a PostgreSQL database");
    }
}
