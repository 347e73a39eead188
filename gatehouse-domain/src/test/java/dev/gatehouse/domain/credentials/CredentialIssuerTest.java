package dev.gatehouse.domain.credentials;

import static dev.gatehouse.domain.DomainFixture.ACCOUNT_1;
import static dev.gatehouse.domain.audit.RecordedAudit.assertAbout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Role credentials: their shape, what is stored of them (never the secret), and finding them again. */
class CredentialIssuerTest {
    private final DomainFixture world = new DomainFixture();
    private final CredentialIssuer issuer = world.gatehouse.credentials();
    private final SignInSession session = world.signIn(world.ann);
    private final PermissionSet read = world.directory.permissionSet("Read").orElseThrow();

    @Test
    void credentialsAreShapedLikeAwsTemporaryCredentials() {
        RoleCredentials c = issuer.issue(session, "ann", ACCOUNT_1, read);
        assertThat(c.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(c.secretAccessKey()).hasSize(40).matches("[A-Za-z0-9+/]{40}");
        assertThat(c.sessionToken()).matches("[A-Za-z0-9_-]{128}");
        assertThat(c.expiration()).isEqualTo(world.clock.instant().plus(Duration.ofHours(2)));
        assertThat(c.toString()).doesNotContain(c.secretAccessKey()).doesNotContain(c.sessionToken());
    }

    @Test
    void eachIssueIsAuditedWithTheKeyIdButNeitherTheSecretNorTheSessionToken() {
        RoleCredentials c = issuer.issue(session, "ann", ACCOUNT_1, read);

        AuditRecord issued = world.audit.only(AuditEvent.ROLE_CREDENTIALS_ISSUED);
        assertAbout(issued, world.clock.instant(), AuditOutcome.SUCCESS, world.ann, session.id());
        assertThat(issued.details()).isEqualTo(Map.of("accountId", ACCOUNT_1, "role", "Read",
                "accessKeyId", c.accessKeyId(), "expiration", c.expiration().toString()));
        world.audit.assertNoRecordHolds(c.secretAccessKey(), c.sessionToken());
    }

    @Test
    void aSessionEndedWhileItsCredentialsAreIssuedLeavesNoLiveRoleSession() {
        // an admin's EndSession lands between the portal's check of the access token and the issue
        world.gatehouse.sessions().end(session.id());

        assertThatThrownBy(() -> issuer.issue(session, "ann", ACCOUNT_1, read))
                .isInstanceOfSatisfying(GatehouseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
        assertThat(world.store.roleSessionsOfSignInSession(session.id())).isNotEmpty()
                .allSatisfy(r -> assertThat(r.isLiveAt(world.clock.instant())).isFalse());
        assertThat(world.audit.of(AuditEvent.ROLE_CREDENTIALS_ISSUED)).isEmpty();
    }

    @Test
    void eachIssueIsANewKey() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            keys.add(issuer.issue(session, "ann", ACCOUNT_1, read).accessKeyId());
        }
        assertThat(keys).hasSize(50);
    }

    @Test
    void theStoreKeepsWhoTheyAreForAndAHashOfTheSessionTokenNotTheSecrets() throws Exception {
        RoleCredentials c = issuer.issue(session, "ann", ACCOUNT_1, read);
        RoleSession stored = world.store.findRoleSession(c.accessKeyId()).orElseThrow();
        assertThat(stored.sessionTokenHash()).isEqualTo(
                MessageDigest.getInstance("SHA-256").digest(c.sessionToken().getBytes(StandardCharsets.UTF_8)));
        assertThat(stored.accountId()).isEqualTo(ACCOUNT_1);
        assertThat(stored.roleName()).isEqualTo("Read");
        assertThat(stored.userName()).isEqualTo("ann");
        assertThat(stored.signInSessionId()).isEqualTo(session.id());
        assertThat(stored.issuedAt()).isEqualTo(world.clock.instant());
        assertThat(stored.expiresAt()).isEqualTo(c.expiration());
        assertThat(stored.toString()).doesNotContain(c.sessionToken()).doesNotContain(c.secretAccessKey());
    }

    @Test
    void theSecretIsDerivedFromTheKeyWithTheInstanceKeySoEveryInstanceOnTheStoreAgrees() {
        RoleCredentials c = issuer.issue(session, "ann", ACCOUNT_1, read);
        assertThat(issuer.secretFor(c.accessKeyId())).isEqualTo(c.secretAccessKey());
        CredentialIssuer sameData = new CredentialIssuer(new InMemoryStore(world.store.data()), world.clock,
                world.gatehouse.audit());
        assertThat(sameData.secretFor(c.accessKeyId())).isEqualTo(c.secretAccessKey());
        CredentialIssuer otherData = new CredentialIssuer(new InMemoryStore(), world.clock, world.gatehouse.audit());
        assertThat(otherData.secretFor(c.accessKeyId())).isNotEqualTo(c.secretAccessKey());
        assertThat(issuer.secretFor(issuer.issue(session, "ann", ACCOUNT_1, read).accessKeyId()))
                .isNotEqualTo(c.secretAccessKey());
    }

    @Test
    void findNeedsTheKeyAndItsOwnSessionToken() {
        RoleCredentials c = issuer.issue(session, "ann", ACCOUNT_1, read);
        RoleCredentials other = issuer.issue(session, "ann", ACCOUNT_1, read);
        assertThat(issuer.find(c.accessKeyId(), c.sessionToken())).hasValueSatisfying(
                r -> assertThat(r.accessKeyId()).isEqualTo(c.accessKeyId()));
        assertThat(issuer.find(c.accessKeyId(), other.sessionToken())).isEmpty();
        assertThat(issuer.find(c.accessKeyId(), c.sessionToken() + "x")).isEmpty();
        assertThat(issuer.find(c.accessKeyId(), "")).isEmpty();
        assertThat(issuer.find("ASIA" + "A".repeat(16), c.sessionToken())).isEmpty();
    }

    @Test
    void findIgnoresExpirySoThatTheCallerCanSayExpired() {
        RoleCredentials c = issuer.issue(session, "ann", ACCOUNT_1, read);
        world.advance(Duration.ofDays(1));
        assertThat(issuer.find(c.accessKeyId(), c.sessionToken())).isPresent();
    }
}
