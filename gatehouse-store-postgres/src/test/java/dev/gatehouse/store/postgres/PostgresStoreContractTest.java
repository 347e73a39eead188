package dev.gatehouse.store.postgres;

import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.store.GatehouseStoreContract;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;

/**
 * The shared store contract on a real PostgreSQL. Each data directory the contract hands out maps to a
 * fresh schema of its own, so tests never see each other's records, and reopening after close reaches
 * the same schema, so the durability checks read what was committed.
 */
class PostgresStoreContractTest extends GatehouseStoreContract {
    private static final Map<Path, String> SCHEMAS = new ConcurrentHashMap<>();

    @Override
    protected GatehouseStore open(Path dataDir) {
        String schema = SCHEMAS.computeIfAbsent(dataDir, dir -> TestPostgres.newSchemaName());
        return PostgresStore.open(TestPostgres.jdbcUrl(), schema);
    }

    @AfterAll
    static void dropSchemas() {
        TestPostgres.dropSchemas(SCHEMAS.values());
    }
}
