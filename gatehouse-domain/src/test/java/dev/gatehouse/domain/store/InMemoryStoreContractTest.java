package dev.gatehouse.domain.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the test double honest: it must pass the same contract as the real adapters. */
class InMemoryStoreContractTest extends GatehouseStoreContract {
    private static final Map<Path, InMemoryStore.Data> DATA = new ConcurrentHashMap<>();

    @Override
    protected GatehouseStore open(Path dataDir) {
        return new InMemoryStore(DATA.computeIfAbsent(dataDir, d -> new InMemoryStore.Data()));
    }
}
