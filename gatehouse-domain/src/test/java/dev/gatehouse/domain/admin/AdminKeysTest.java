package dev.gatehouse.domain.admin;

import static dev.gatehouse.domain.DomainFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.MutableClock;
import dev.gatehouse.domain.admin.AdminKeys.NewAdminKey;
import dev.gatehouse.domain.credentials.SigV4;
import dev.gatehouse.domain.credentials.SignatureChecks;
import dev.gatehouse.domain.credentials.SignedRequest;
import dev.gatehouse.domain.directory.AdminKey;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.DirectoryFile.BootstrapAdminKey;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.portal.Page;
import dev.gatehouse.domain.portal.PageRequest;
import dev.gatehouse.domain.store.InMemoryStore;
import dev.gatehouse.domain.store.StoredEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Admin keys: made with a secret shown once and stored nowhere, derived again (with the pepper) to
 * check signatures, listed page by page, revoked for good on every instance on the store.
 */
class AdminKeysTest {
    private static final String BOOTSTRAP_ID = "AKIABOOTSTRAP0000001";
    private static final AdminCaller BOOTSTRAP = new AdminCaller(BOOTSTRAP_ID);
    private static final AdminKeyPepper PEPPER = AdminKeyPepper.of("pepper-of-the-operator-0123456789abcdef");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final Gatehouse gatehouse = instance(Optional.of(PEPPER));
    private final AdminKeys keys = gatehouse.adminKeys();

    /** Another instance on the same store, with this pepper. */
    private Gatehouse instance(Optional<AdminKeyPepper> pepper) {
        DirectoryFile file = new DirectoryFile("us-east-1", Duration.ofHours(8), List.of(), List.of(), List.of(),
                List.of()).withAdminKeys(List.of(new BootstrapAdminKey(BOOTSTRAP_ID, "bootstrap-secret-0123456789-0123456789")));
        return Gatehouse.create(file, new InMemoryStore(store.data()), clock, pepper);
    }

    /** A request signed now with this key, for the admin authenticator. */
    private SignedRequest signed(String keyId, String secret) {
        String amzDate = SignatureChecks.format(clock.instant());
        SigV4.Scope scope = new SigV4.Scope(amzDate.substring(0, 8), "us-east-1", "gatehouse", SigV4.TERMINATOR);
        String canonical = "POST\n/\n\nhost:gatehouse.test\n\nhost\n" + SigV4.sha256Hex("{}".getBytes(StandardCharsets.UTF_8));
        return new SignedRequest(keyId, scope, amzDate, Optional.empty(), canonical,
                SigV4.signature(secret, scope, amzDate, canonical));
    }

    @Test
    void aNewKeyHasAnAwsShapedIdAndA40CharacterSecretThatSignsAdminCalls() {
        NewAdminKey made = keys.create(Optional.of("deploy pipeline"), BOOTSTRAP);

        assertThat(made.key().accessKeyId()).matches("AKIA[A-Z0-9]{16}");
        assertThat(made.secretAccessKey()).hasSize(40);
        assertThat(made.key()).isEqualTo(new AdminKey(made.key().accessKeyId(), Optional.of("deploy pipeline"),
                clock.instant(), BOOTSTRAP_ID, Optional.empty()));
        assertThat(made.toString()).doesNotContain(made.secretAccessKey());
        assertThat(gatehouse.admins().authenticate(signed(made.key().accessKeyId(), made.secretAccessKey()), "gatehouse"))
                .isEqualTo(new AdminCaller(made.key().accessKeyId()));
        assertFails(ErrorCode.SIGNATURE_MISMATCH, () -> gatehouse.admins().authenticate(
                signed(made.key().accessKeyId(), made.secretAccessKey().substring(1) + "x"), "gatehouse"));
    }

    @Test
    void eachKeyHasItsOwnIdAndSecret() {
        NewAdminKey one = keys.create(Optional.empty(), BOOTSTRAP);
        NewAdminKey two = keys.create(Optional.empty(), BOOTSTRAP);

        assertThat(one.key().accessKeyId()).isNotEqualTo(two.key().accessKeyId());
        assertThat(one.secretAccessKey()).isNotEqualTo(two.secretAccessKey());
        assertFails(ErrorCode.SIGNATURE_MISMATCH, () -> gatehouse.admins().authenticate(
                signed(two.key().accessKeyId(), one.secretAccessKey()), "gatehouse"));
    }

    @Test
    void theStoreHoldsNoSecretAndACopyOfItWithoutThePepperCannotRecreateOne() {
        NewAdminKey made = keys.create(Optional.of("ci"), BOOTSTRAP);

        for (StoredEntry entry : store.loadDirectory().entries()) {
            assertThat(new String(entry.body(), StandardCharsets.UTF_8)).doesNotContain(made.secretAccessKey());
        }
        String id = made.key().accessKeyId();
        assertThat(AdminKeySecrets.of(store.instanceKey(), Optional.empty()).secretOf(id))
                .isNotEqualTo(made.secretAccessKey());
        assertThat(AdminKeySecrets.of(store.instanceKey(), Optional.of(AdminKeyPepper.of("another-pepper-0123456789abcdefghij")))
                .secretOf(id)).isNotEqualTo(made.secretAccessKey());
        assertThat(AdminKeySecrets.of(store.instanceKey(), Optional.of(PEPPER)).secretOf(id)).isEqualTo(made.secretAccessKey());
        assertThat(AdminKeySecrets.of(new InMemoryStore().instanceKey(), Optional.of(PEPPER)).secretOf(id))
                .isNotEqualTo(made.secretAccessKey());
    }

    @Test
    void anInstanceGivenAnotherPepperOrNoneDoesNotAcceptTheKey() {
        NewAdminKey made = keys.create(Optional.empty(), BOOTSTRAP);
        SignedRequest request = signed(made.key().accessKeyId(), made.secretAccessKey());

        assertThat(instance(Optional.of(PEPPER)).admins().authenticate(request, "gatehouse").accessKeyId())
                .isEqualTo(made.key().accessKeyId());
        assertFails(ErrorCode.SIGNATURE_MISMATCH, () -> instance(Optional.empty()).admins().authenticate(request, "gatehouse"));
        assertThat(AdminKeySecrets.of(store.instanceKey(), Optional.empty()).peppered()).isFalse();
        assertThat(AdminKeySecrets.of(store.instanceKey(), Optional.of(PEPPER)).peppered()).isTrue();
    }

    @Test
    void aRevokedKeySignsNothingMoreOnAnyInstanceAndRevokingItAgainChangesNothing() {
        Gatehouse other = instance(Optional.of(PEPPER));
        NewAdminKey made = keys.create(Optional.empty(), BOOTSTRAP);
        String id = made.key().accessKeyId();
        other.liveDirectory().refresh();
        assertThat(other.admins().authenticate(signed(id, made.secretAccessKey()), "gatehouse").accessKeyId()).isEqualTo(id);

        clock.advance(Duration.ofMinutes(5));
        AdminKey revoked = keys.revoke(id, BOOTSTRAP);
        assertThat(revoked.revokedAt()).contains(clock.instant());
        assertThat(revoked.isActive()).isFalse();
        assertFails(ErrorCode.UNKNOWN_ACCESS_KEY, () -> gatehouse.admins().authenticate(signed(id, made.secretAccessKey()), "gatehouse"));
        other.liveDirectory().refresh();
        assertFails(ErrorCode.UNKNOWN_ACCESS_KEY, () -> other.admins().authenticate(signed(id, made.secretAccessKey()), "gatehouse"));

        clock.advance(Duration.ofMinutes(5));
        assertThat(keys.revoke(id, BOOTSTRAP)).isEqualTo(revoked);
        assertThat(other.adminKeys().revoke(id, BOOTSTRAP).revokedAt()).isEqualTo(revoked.revokedAt());
    }

    @Test
    void aKeyMayRevokeItself() {
        NewAdminKey made = keys.create(Optional.empty(), BOOTSTRAP);
        AdminCaller itself = new AdminCaller(made.key().accessKeyId());

        assertThat(keys.revoke(made.key().accessKeyId(), itself).isActive()).isFalse();
    }

    @Test
    void revokeRefusesAMalformedUnknownOrBootstrapKeyId() {
        assertFails(ErrorCode.INVALID_REQUEST, () -> keys.revoke(null, BOOTSTRAP));
        assertFails(ErrorCode.INVALID_REQUEST, () -> keys.revoke("", BOOTSTRAP));
        assertFails(ErrorCode.INVALID_REQUEST, () -> keys.revoke("akiaabcdefghijklmnop", BOOTSTRAP));
        assertFails(ErrorCode.INVALID_REQUEST, () -> keys.revoke("AKIAABCDEFGHIJKLMNO", BOOTSTRAP));
        assertFails(ErrorCode.INVALID_REQUEST, () -> keys.revoke("AKIAABCDEFGHIJKLMNOP\n", BOOTSTRAP));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> keys.revoke("AKIAABCDEFGHIJKLMNOP", BOOTSTRAP));
        assertThatThrownBy(() -> keys.revoke(BOOTSTRAP_ID, BOOTSTRAP)).hasMessageContaining("bootstrap key");
        assertFails(ErrorCode.VALIDATION, () -> keys.revoke(BOOTSTRAP_ID, BOOTSTRAP));
    }

    @Test
    void theDescriptionIsOptionalBoundedAndPrintable() {
        assertThat(keys.create(Optional.of(""), BOOTSTRAP).key().description()).isEmpty();
        assertThat(keys.create(Optional.of("x".repeat(256)), BOOTSTRAP).key().description()).contains("x".repeat(256));
        assertFails(ErrorCode.INVALID_REQUEST, () -> keys.create(Optional.of("x".repeat(257)), BOOTSTRAP));
        assertFails(ErrorCode.INVALID_REQUEST, () -> keys.create(Optional.of("bell\u0007"), BOOTSTRAP));
        assertThat(keys.list(PageRequest.first()).items()).hasSize(2);
    }

    @Test
    void theListShowsActiveAndRevokedKeysPageByPageInIdOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(keys.create(Optional.of("key " + i), BOOTSTRAP).key().accessKeyId());
        }
        keys.revoke(ids.get(2), BOOTSTRAP);

        List<AdminKey> seen = new ArrayList<>();
        Page<AdminKey> page = keys.list(new PageRequest(Optional.empty(), 2));
        seen.addAll(page.items());
        while (page.nextToken().isPresent()) {
            assertThat(page.items()).hasSize(2);
            page = keys.list(new PageRequest(page.nextToken(), 2));
            seen.addAll(page.items());
        }
        assertThat(seen).extracting(AdminKey::accessKeyId).containsExactlyElementsOf(ids.stream().sorted().toList());
        assertThat(seen).filteredOn(k -> !k.isActive()).extracting(AdminKey::accessKeyId).containsExactly(ids.get(2));
        assertThat(seen).extracting(AdminKey::createdBy).containsOnly(BOOTSTRAP_ID);
    }

    @Test
    void aPepperIsLongEnoughAndNeverShown() {
        assertThatThrownBy(() -> AdminKeyPepper.of("short-pepper")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32").hasMessageNotContaining("short-pepper");
        assertThatThrownBy(() -> AdminKeyPepper.of("   " + "x".repeat(31) + "\n")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AdminKeyPepper.of("x".repeat(32) + "\n")).isEqualTo(AdminKeyPepper.of("x".repeat(32)));
        assertThat(PEPPER.toString()).doesNotContain("pepper-of");
    }
}
