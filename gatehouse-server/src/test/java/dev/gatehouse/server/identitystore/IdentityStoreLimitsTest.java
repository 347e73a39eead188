package dev.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.config.Limits;
import dev.gatehouse.config.RateLimit;
import dev.gatehouse.domain.directory.DirectoryEntry;
import dev.gatehouse.domain.directory.Group;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.Stamps;
import dev.gatehouse.domain.identitystore.Quotas;
import dev.gatehouse.server.TestService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.identitystore.model.ThrottlingException;

/**
 * The two errors that come from limits rather than input: the identity store's quota of 100,000
 * groups (ServiceQuotaExceededException) and the admin API's per-address rate limit (ThrottlingException).
 */
class IdentityStoreLimitsTest {
    @TempDir
    Path dataDir;

    @Test
    void theHundredThousandAndFirstGroupExceedsTheQuota() {
        try (TestService service = new TestService(dataDir);
             IdentitystoreClient client = IdentityStoreClients.admin(service.baseUrl())) {
            String storeId = service.gatehouse.directory().ids().identityStoreId();
            int held = service.gatehouse.directory().groupsAfter(null).size();
            List<DirectoryEntry> groups = new ArrayList<>();
            Stamps stamps = Stamps.made(service.clock.instant(), "test");
            for (int i = held; i < Quotas.AWS.groups() - 1; i++) {
                groups.add(new Group(service.gatehouse.directory().ids().newResourceId(), "bulk-" + i, Optional.empty(),
                        List.of(), Origin.API, stamps));
            }
            service.gatehouse.liveDirectory().write(groups, List.of());

            client.createGroup(r -> r.identityStoreId(storeId).displayName("the-last-one"));
            assertThat(service.gatehouse.directory().groupsAfter(null)).hasSize(Quotas.AWS.groups());

            assertThatThrownBy(() -> client.createGroup(r -> r.identityStoreId(storeId).displayName("one-too-many")))
                    .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(400));
            assertThat(service.gatehouse.directory().groupByName("one-too-many")).isEmpty();
        }
    }

    @Test
    void callsBeyondThePerAddressLimitAreThrottled() {
        Limits limits = new Limits(RateLimit.OFF, new RateLimit(2, 1), 1024);
        try (TestService service = new TestService(dataDir, limits);
             IdentitystoreClient client = IdentityStoreClients.admin(service.baseUrl())) {
            String storeId = service.gatehouse.directory().ids().identityStoreId();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 20; i++) {
                    client.listGroups(r -> r.identityStoreId(storeId));
                }
            })
                    .isInstanceOfSatisfying(ThrottlingException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        }
    }
}
