package org.careledger.install;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's migrations on an empty PostgreSQL database, as the postgres profile runs them
 * ({@code db/migration} and {@code db/postgresql}): every one applies, and the schema has the same
 * tables, columns and nullability as the H2 schema the same migrations make ({@code db/migration} and
 * {@code db/h2}), so the entities and the SQL in the code meet the same schema on both.
 */
class PostgresMigrationsTest {

    @RegisterExtension
    static final PostgresSupport postgres = new PostgresSupport();

    private static PostgresSupport.Database database;

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            PostgresSupport.drop(database);
        }
    }

    @Test
    void everyMigrationAppliesOnAnEmptyDatabaseAndMakesTheSameTablesAndColumnsAsOnH2() throws SQLException {
        database = PostgresSupport.freshSchema("migrations");
        DataSource pg = new DriverManagerDataSource(database.url(), database.user(), database.password());
        MigrateResult onPostgres = Flyway.configure().dataSource(pg).locations("classpath:db/migration", "classpath:db/postgresql")
                .load().migrate();

        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        MigrateResult onH2 = Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/h2").load().migrate();

        assertThat(onPostgres.success).isTrue();
        assertThat(onPostgres.migrationsExecuted).as("the same migrations as on H2").isEqualTo(onH2.migrationsExecuted).isPositive();
        Map<String, String> postgresColumns = columns(pg, database.schema());
        assertThat(postgresColumns).as("tables, columns and nullability on PostgreSQL, compared with H2")
                .containsExactlyEntriesOf(columns(h2, "PUBLIC"));
        assertThat(postgresColumns).containsKeys("users.id", "record_entries.sealed", "ledger_outbox.call_bytes", "event_publication.id");
    }

    /** Every column of the application's tables in {@code schema}, as "table.column" to "NULL" or "NOT NULL", lower-cased. */
    private static Map<String, String> columns(DataSource source, String schema) throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        try (Connection c = source.getConnection(); ResultSet r = c.getMetaData().getColumns(null, schema, "%", "%")) {
            while (r.next()) {
                String table = r.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.equals("flyway_schema_history")) {
                    columns.put(table + "." + r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            r.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? "NOT NULL" : "NULL");
                }
            }
        }
        return columns;
    }
}
