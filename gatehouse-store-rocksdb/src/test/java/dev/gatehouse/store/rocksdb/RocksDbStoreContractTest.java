package dev.gatehouse.store.rocksdb;

import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.store.GatehouseStoreContract;
import java.nio.file.Path;

class RocksDbStoreContractTest extends GatehouseStoreContract {
    @Override
    protected GatehouseStore open(Path dataDir) {
        return RocksDbStore.open(dataDir);
    }
}
