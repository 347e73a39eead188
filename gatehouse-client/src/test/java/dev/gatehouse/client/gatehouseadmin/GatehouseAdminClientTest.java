package dev.gatehouse.client.gatehouseadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.client.gatehouseadmin.model.AdminKey;
import dev.gatehouse.client.gatehouseadmin.model.AuditEvent;
import dev.gatehouse.client.gatehouseadmin.model.EndSessionInput;
import dev.gatehouse.client.gatehouseadmin.model.EndSessionOutput;
import dev.gatehouse.client.gatehouseadmin.model.EndUserSessionsInput;
import dev.gatehouse.client.gatehouseadmin.model.EndUserSessionsOutput;
import dev.gatehouse.client.gatehouseadmin.model.ListAuditEventsInput;
import dev.gatehouse.client.gatehouseadmin.model.ListSessionsInput;
import dev.gatehouse.client.gatehouseadmin.model.Session;
import dev.gatehouse.client.gatehouseadmin.model.CreateAdminKeyInput;
import dev.gatehouse.client.gatehouseadmin.model.CreateAdminKeyOutput;
import dev.gatehouse.client.gatehouseadmin.model.GatehouseAdminException;
import dev.gatehouse.client.gatehouseadmin.model.ListAdminKeysInput;
import dev.gatehouse.client.gatehouseadmin.model.ResourceNotFoundException;
import dev.gatehouse.client.gatehouseadmin.model.RevokeAdminKeyInput;
import dev.gatehouse.client.gatehouseadmin.model.ValidationException;
import dev.gatehouse.client.sigv4.SigningCredentials;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin client against a real Gatehouse, its requests signed by the library's own SigV4 signer
 * and checked by the server's verifier: keys made, paged through, revoked; a user's sessions listed
 * and ended, and the audit trail read back; typed errors; a signature
 * for another region or from a clock 20 minutes off is refused.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatehouseAdminClientTest {
    @TempDir
    Path dataDir;
    TestService service;
    GatehouseAdminClient admin;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        admin = client(SigningCredentials.of(TestDirectory.ADMIN_KEY_ID, TestDirectory.ADMIN_SECRET), "us-east-1");
    }

    @AfterEach
    void stop() {
        admin.close();
        service.close();
    }

    private GatehouseAdminClient client(SigningCredentials credentials, String region) {
        return GatehouseAdminClient.builder().endpointOverride(service.baseUrl()).region(region)
                .credentials(credentials).signingClock(service.clock).maxAttempts(1).build();
    }

    @Test
    void makesListsAndRevokesKeys() {
        CreateAdminKeyOutput made = admin.send(new CreateAdminKeyCommand(new CreateAdminKeyInput("ci pipeline")));
        AdminKey key = made.adminKey();
        assertThat(key.accessKeyId()).matches("AKIA[A-Z0-9]{16}");
        assertThat(made.secretAccessKey()).hasSize(40);
        assertThat(made.toString()).doesNotContain(made.secretAccessKey());
        assertThat(key.description()).isEqualTo("ci pipeline");
        assertThat(key.status()).isEqualTo("Active");
        assertThat(key.createdBy()).isEqualTo(TestDirectory.ADMIN_KEY_ID);
        assertThat(key.createdAt()).isEqualTo(service.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(key.isActive()).isTrue();

        List<String> ids = new ArrayList<>(List.of(key.accessKeyId()));
        for (int i = 0; i < 4; i++) {
            ids.add(admin.send(new CreateAdminKeyCommand(new CreateAdminKeyInput(null))).adminKey().accessKeyId());
        }
        List<AdminKey> listed = new ArrayList<>();
        admin.listAdminKeysPaginator(new ListAdminKeysInput(null, 2)).forEach(listed::add);
        assertThat(listed).extracting(AdminKey::accessKeyId).containsExactlyElementsOf(ids.stream().sorted().toList());

        service.clock.advance(Duration.ofSeconds(3));
        AdminKey revoked = admin.send(new RevokeAdminKeyCommand(new RevokeAdminKeyInput(key.accessKeyId()))).adminKey();
        assertThat(revoked.status()).isEqualTo("Revoked");
        assertThat(revoked.revokedAt()).isEqualTo(service.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        try (GatehouseAdminClient withRevoked = client(SigningCredentials.of(key.accessKeyId(), made.secretAccessKey()), "us-east-1")) {
            assertThatThrownBy(() -> withRevoked.send(new ListAdminKeysCommand(ListAdminKeysInput.first())))
                    .isInstanceOfSatisfying(GatehouseAdminException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("UnrecognizedClientException"));
        }
    }

    @Test
    void listsAndEndsAUsersSessionsAndReadsTheAuditTrail() {
        String first = service.session("alice").id();
        service.clock.advance(Duration.ofSeconds(1));
        String second = service.session("alice").id();

        List<Session> sessions = new ArrayList<>();
        admin.listSessionsPaginator(new ListSessionsInput("alice", null, null, 1)).forEach(sessions::add);
        assertThat(sessions).extracting(Session::sessionId).containsExactly(first, second);
        assertThat(sessions.getFirst().userName()).isEqualTo("alice");
        assertThat(sessions.getFirst().startedAt()).isBefore(sessions.getFirst().expiresAt());

        assertThat(admin.send(new EndSessionCommand(EndSessionInput.of(first))))
                .isEqualTo(new EndSessionOutput(first, 1, 0));
        assertThat(admin.send(new EndSessionCommand(EndSessionInput.of(first))))
                .isEqualTo(new EndSessionOutput(first, 0, 0));
        service.clock.advance(Duration.ofSeconds(1));
        EndUserSessionsOutput rest = admin.send(new EndUserSessionsCommand(EndUserSessionsInput.ofUserName("alice")));
        assertThat(rest.sessionsEnded()).isEqualTo(1);
        assertThat(rest.userId()).isEqualTo(sessions.getFirst().userId());
        assertThat(admin.send(new ListSessionsCommand(ListSessionsInput.ofUserName("alice"))).sessions()).isEmpty();

        service.flushAudit();
        List<AuditEvent> ended = new ArrayList<>();
        admin.listAuditEventsPaginator(ListAuditEventsInput.all().withUserName("alice")
                .withEventName("SessionEndedByAdmin").withMaxResults(1)).forEach(ended::add);
        assertThat(ended).extracting(AuditEvent::sessionId).containsExactly(second, first);
        assertThat(ended).allSatisfy(event -> assertThat(event.outcome()).isEqualTo("success"));
        assertThatThrownBy(() -> admin.send(new EndSessionCommand(EndSessionInput.of("no-such-session"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.details().members()).containsEntry("ResourceType", "SESSION"));
    }

    @Test
    void errorsAreTyped() {
        assertThatThrownBy(() -> admin.send(new RevokeAdminKeyCommand(new RevokeAdminKeyInput("AKIAAAAAAAAAAAAAAAAA"))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("AKIAAAAAAAAAAAAAAAAA");
        assertThatThrownBy(() -> admin.send(new RevokeAdminKeyCommand(new RevokeAdminKeyInput("nope"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("AccessKeyId");
        assertThatThrownBy(() -> admin.send(new ListAdminKeysCommand(new ListAdminKeysInput(null, 500))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("MaxResults");
    }

    @Test
    void aSignatureForAnotherRegionOrFromAClockFarOffIsRefused() {
        try (GatehouseAdminClient elsewhere = client(SigningCredentials.of(TestDirectory.ADMIN_KEY_ID,
                TestDirectory.ADMIN_SECRET), "eu-west-1")) {
            assertThatThrownBy(() -> elsewhere.send(new ListAdminKeysCommand(ListAdminKeysInput.first())))
                    .isInstanceOfSatisfying(GatehouseAdminException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("InvalidSignatureException"));
        }
        try (GatehouseAdminClient late = GatehouseAdminClient.builder().endpointOverride(service.baseUrl())
                .credentials(SigningCredentials.of(TestDirectory.ADMIN_KEY_ID, TestDirectory.ADMIN_SECRET))
                .signingClock(java.time.InstantSource.fixed(service.clock.instant().minus(Duration.ofMinutes(20))))
                .maxAttempts(1).build()) {
            assertThatThrownBy(() -> late.send(new ListAdminKeysCommand(ListAdminKeysInput.first())))
                    .isInstanceOfSatisfying(GatehouseAdminException.class,
                            e -> assertThat(e.errorMessage()).contains("Signature expired"));
        }
    }

    @Test
    void theBuilderWantsAnEndpointAndCredentials() {
        assertThatThrownBy(() -> GatehouseAdminClient.builder().region("us-east-1")
                .credentials(SigningCredentials.of("AKIAGATEHOUSETEST001", "x")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("endpointOverride");
        assertThatThrownBy(() -> GatehouseAdminClient.builder().endpointOverride(service.baseUrl()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("credentials");
    }
}
