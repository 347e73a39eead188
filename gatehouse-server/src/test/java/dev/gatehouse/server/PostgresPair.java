package dev.gatehouse.server;

import dev.gatehouse.config.Limits;
import dev.gatehouse.store.postgres.TestPostgres;
import java.util.List;

/**
 * Two instances on one fresh PostgreSQL schema, each with its own pool and server, on the test
 * directory: what one writes the other follows. Closing stops both and drops the schema.
 */
public record PostgresPair(PostgresInstance a, PostgresInstance b, String schema) implements AutoCloseable {
    public static PostgresPair start() {
        String schema = TestPostgres.newSchemaName();
        return new PostgresPair(
                PostgresInstance.start(TestPostgres.jdbcUrl(), schema, TestDirectory.create(), Limits.DEFAULTS),
                PostgresInstance.start(TestPostgres.jdbcUrl(), schema, TestDirectory.create(), Limits.DEFAULTS),
                schema);
    }

    @Override
    public void close() {
        a.close();
        b.close();
        TestPostgres.dropSchemas(List.of(schema));
    }
}
