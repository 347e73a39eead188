package dev.gatehouse.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.audit.RecordedAudit;
import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.DirectoryFile.FileAssignment;
import dev.gatehouse.domain.directory.DirectoryFile.FilePermissionSet;
import dev.gatehouse.domain.directory.DirectoryFile.FileUser;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.oidc.ClientRegistry;
import dev.gatehouse.domain.oidc.GrantTypes;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The domain wired on the in-memory store and a hand-moved clock, with a small directory: ann holds
 * Admin (1 h) and Read (2 h) in 111111111111, Read in 222222222222 and Audit (revoked on Logout) in
 * 333333333333; bob holds nothing. Sessions last {@link #SESSION}. The audit trail writes to the store
 * in the caller's thread, and {@link #audit} sees every record too.
 */
public final class DomainFixture {
    public static final Duration SESSION = Duration.ofHours(8);
    public static final String ACCOUNT_1 = "111111111111";
    public static final String ACCOUNT_2 = "222222222222";
    public static final String ACCOUNT_3 = "333333333333";
    public static final String UNASSIGNED_ACCOUNT = "444444444444";

    /** A whole second, so that SigV4 dates (second precision) and the clock agree exactly. */
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    public final InMemoryStore store = new InMemoryStore();
    public final DirectoryFile file = new DirectoryFile("us-east-1", SESSION, List.of(
            new FileUser("ann", "unused", "ann@example.com", "Ann", Set.of("ops"), Optional.empty()),
            new FileUser("bob", "unused", "bob@example.com", "Bob", Set.of(), Optional.empty())),
            List.of(new Account(ACCOUNT_2, "Two", "two@example.com"), new Account(ACCOUNT_1, "One", "one@example.com"),
                    new Account(ACCOUNT_3, "Three", "three@example.com"),
                    new Account(UNASSIGNED_ACCOUNT, "Four", "four@example.com")),
            List.of(new FilePermissionSet("Admin", Duration.ofHours(1)), new FilePermissionSet("Read", Duration.ofHours(2)),
                    new FilePermissionSet("Audit", Duration.ofHours(1), true)),
            List.of(FileAssignment.toGroup(ACCOUNT_1, "Read", "ops"),
                    FileAssignment.toUser(ACCOUNT_1, "Admin", "ann"),
                    FileAssignment.toUser(ACCOUNT_2, "Read", "ann"),
                    FileAssignment.toUser(ACCOUNT_3, "Audit", "ann")));
    public final Gatehouse gatehouse = Gatehouse.create(file, store, clock);
    /** Every audit record the domain makes, as its sinks get them. */
    public final RecordedAudit audit = RecordedAudit.on(gatehouse.audit());
    public final Directory directory = gatehouse.directory();
    public final User ann = directory.user("ann").orElseThrow();
    public final User bob = directory.user("bob").orElseThrow();

    public SignInSession signIn(User user) {
        return gatehouse.sessions().start(user);
    }

    public void advance(Duration by) {
        clock.advance(by);
    }

    /** A client registered for every grant, with one loopback redirect URI. */
    public RegisteredClient client() {
        return gatehouse.clients().register(new ClientRegistry.Request("tool", "public", List.of("sso:account:access"),
                List.of("http://127.0.0.1/oauth/callback"), GrantTypes.SUPPORTED)).client();
    }

    /** Asserts that the call fails with this error code. */
    public static void assertFails(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(GatehouseException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }
}
