package io.kerberus.platform.db;

import io.kerberus.platform.StartupException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationsIT {

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void runsEachPluginsMigrationsWithItsOwnHistoryTable(TestDb db) {
        ConnectionPool pool = db.open();
        try {
            Migrations.migrate(pool, "platform", getClass().getClassLoader());
            Migrations.migrate(pool, "widgets", getClass().getClassLoader());
            Migrations.migrate(pool, "widgets", getClass().getClassLoader());

            int applied = pool.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM widgets_schema_history WHERE success = TRUE AND version IS NOT NULL AND version <> '0'")
                    .mapTo(Integer.class).one());
            int platformApplied = pool.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM platform_schema_history WHERE version = '1'")
                    .mapTo(Integer.class).one());
            assertThat(applied).isEqualTo(2);
            assertThat(platformApplied).isEqualTo(1);
        } finally {
            TestDb.drop(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void sameSqlRunsOnBothDatabases(TestDb db) {
        ConnectionPool pool = db.open();
        try {
            Migrations.migrate(pool, "widgets", getClass().getClassLoader());
            pool.jdbi().useHandle(h -> {
                long id = h.createUpdate("INSERT INTO widgets_items (name, color) VALUES ('gear', 'red')")
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                h.execute("INSERT INTO widgets_tags (widget_id, tag) VALUES (?, 'metal') ON CONFLICT DO NOTHING", id);
                h.execute("INSERT INTO widgets_tags (widget_id, tag) VALUES (?, 'metal') ON CONFLICT DO NOTHING", id);
                h.execute("""
                        MERGE INTO widgets_items t USING (VALUES (CAST('gear' AS VARCHAR(100)), CAST('blue' AS VARCHAR(20)))) AS s (name, color)
                        ON t.name = s.name
                        WHEN MATCHED THEN UPDATE SET color = s.color
                        WHEN NOT MATCHED THEN INSERT (name, color) VALUES (s.name, s.color)""");
            });

            String color = pool.jdbi().withHandle(h -> h.createQuery("SELECT color FROM widgets_items WHERE name ILIKE 'GEAR'").mapTo(String.class).one());
            String tags = pool.jdbi().withHandle(h -> h.createQuery("SELECT string_agg(tag, ',') FROM widgets_tags").mapTo(String.class).one());
            assertThat(color).isEqualTo("blue");
            assertThat(tags).isEqualTo("metal");
        } finally {
            TestDb.drop(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void refusesTablesWithoutThePluginsPrefix(TestDb db) {
        ConnectionPool pool = db.open();
        try {
            assertThatThrownBy(() -> Migrations.migrate(pool, "rogue", getClass().getClassLoader()))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("Plugin 'rogue' created tables without its prefix 'rogue_': [users]");
        } finally {
            TestDb.drop(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void skipsPluginsWithoutMigrations(TestDb db) {
        ConnectionPool pool = db.open();
        try {
            Migrations.migrate(pool, "nothing-here", getClass().getClassLoader());

            int tables = pool.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'nothing_here_schema_history'").mapTo(Integer.class).one());
            assertThat(tables).isZero();
        } finally {
            TestDb.drop(pool);
        }
    }
}
