package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.client.gatehouseadmin.GatehouseAdminClient;
import dev.gatehouse.client.gatehouseadmin.ListAdminKeysCommand;
import dev.gatehouse.client.gatehouseadmin.model.AdminKey;
import dev.gatehouse.client.gatehouseadmin.model.GatehouseAdminException;
import dev.gatehouse.client.gatehouseadmin.model.ListAdminKeysInput;
import dev.gatehouse.client.sigv4.SigningCredentials;
import dev.gatehouse.config.ConfigLoader;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.admin.AdminKeyPepper;
import dev.gatehouse.domain.admin.AdminKeys.NewAdminKey;
import dev.gatehouse.store.rocksdb.RocksDbStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse serve} hands the pepper from its environment to the domain: a key made on the
 * store with that pepper signs calls to the served service, and the same store served without the
 * pepper (which then warns) refuses it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AdminKeyPepperServeTest {
    private static final String PEPPER = "the-operators-pepper-0123456789-0123456789";

    @TempDir
    Path dataDir;

    private static GatehouseAdminClient client(URI baseUrl, NewAdminKey key) {
        return GatehouseAdminClient.builder().endpointOverride(baseUrl).maxAttempts(1)
                .credentials(SigningCredentials.of(key.key().accessKeyId(), key.secretAccessKey())).build();
    }

    @Test
    void theServedServiceChecksMadeKeysWithThePepperOfItsEnvironment() throws Exception {
        NewAdminKey made;
        try (RocksDbStore store = RocksDbStore.open(dataDir.resolve("rocksdb"))) {
            Gatehouse gatehouse = Gatehouse.create(ConfigLoader.demo().directory(), store, InstantSource.system(),
                    Optional.of(AdminKeyPepper.of(PEPPER)));
            made = gatehouse.adminKeys().create(Optional.of("made beside the service"), new AdminCaller("AKIAOPERATOR00000001"));
        }

        try (ServerProcess server = ServerProcess.start(dataDir, Map.of("GATEHOUSE_ADMIN_KEY_PEPPER", PEPPER));
             GatehouseAdminClient admin = client(server.baseUrl(), made)) {
            assertThat(admin.send(new ListAdminKeysCommand(ListAdminKeysInput.first())).adminKeys())
                    .extracting(AdminKey::accessKeyId).containsExactly(made.key().accessKeyId());
            assertThat(server.output()).noneMatch(line -> line.contains("admin key pepper"));
        }

        try (ServerProcess server = ServerProcess.start(dataDir, Map.of("GATEHOUSE_ADMIN_KEY_PEPPER", ""));
             GatehouseAdminClient admin = client(server.baseUrl(), made)) {
            assertThatThrownBy(() -> admin.send(new ListAdminKeysCommand(ListAdminKeysInput.first())))
                    .isInstanceOfSatisfying(GatehouseAdminException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("InvalidSignatureException"));
            assertThat(server.output()).anyMatch(line -> line.startsWith("gatehouse: warning: no admin key pepper"));
        }
    }
}
