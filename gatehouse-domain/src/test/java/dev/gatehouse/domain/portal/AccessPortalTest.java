package dev.gatehouse.domain.portal;

import static dev.gatehouse.domain.DomainFixture.ACCOUNT_1;
import static dev.gatehouse.domain.DomainFixture.ACCOUNT_2;
import static dev.gatehouse.domain.DomainFixture.ACCOUNT_3;
import static dev.gatehouse.domain.DomainFixture.UNASSIGNED_ACCOUNT;
import static dev.gatehouse.domain.DomainFixture.assertFails;
import static dev.gatehouse.domain.audit.RecordedAudit.assertAbout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.credentials.RoleCredentials;
import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.portal.AccessPortal.RoleInfo;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.TokenSet;
import dev.gatehouse.domain.token.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The access portal's operations: who calls, what they may list and get, and Logout. */
class AccessPortalTest {
    private final DomainFixture world = new DomainFixture();
    private final AccessPortal portal = world.gatehouse.portal();
    private final SignInSession session = world.signIn(world.ann);
    private final TokenSet tokens = world.gatehouse.tokens().issueTokenSet(session, "client-1");

    private Caller ann() {
        return portal.authenticate(tokens.access().secret());
    }

    @Test
    void anAccessTokenNamesTheCallerAndTheirSession() {
        Caller caller = ann();
        assertThat(caller.user()).isEqualTo(world.ann);
        assertThat(caller.session().id()).isEqualTo(session.id());
        assertThat(caller.token().id()).isEqualTo(tokens.access().record().id());
    }

    @Test
    void unknownMalformedOrOtherKindsOfTokenAreUnauthorized() {
        assertFails(ErrorCode.UNAUTHORIZED, () -> portal.authenticate(null));
        assertFails(ErrorCode.UNAUTHORIZED, () -> portal.authenticate("not a token"));
        assertFails(ErrorCode.UNAUTHORIZED, () -> portal.authenticate(tokens.refresh().secret()));
        assertFails(ErrorCode.UNAUTHORIZED,
                () -> portal.authenticate(world.gatehouse.tokens().issueBrowserToken(session).secret()));
    }

    @Test
    void theAccessTokenWorksUpToItsExpiryAndNotAtIt() {
        world.advance(Tokens.ACCESS_TOKEN_LIFETIME.minusSeconds(1));
        assertThat(ann().user()).isEqualTo(world.ann);
        world.advance(Duration.ofSeconds(1));
        assertFails(ErrorCode.UNAUTHORIZED, this::ann);
    }

    @Test
    void aUserNoLongerInTheDirectoryIsUnauthorized() {
        // a session of a user since removed from the configuration
        SignInSession gone = new SignInSession("gone", "carol", session.createdAt(), session.expiresAt(), Optional.empty());
        world.store.createSession(gone);
        String token = world.gatehouse.tokens().issueAccessToken(gone, "client-1").secret();
        assertFails(ErrorCode.UNAUTHORIZED, () -> portal.authenticate(token));
    }

    @Test
    void accountsArePagedInAccountIdOrderWithoutGapsOrRepeats() {
        Page<Account> first = portal.listAccounts(ann(), new PageRequest(Optional.empty(), 2));
        assertThat(first.items()).extracting(Account::id).containsExactly(ACCOUNT_1, ACCOUNT_2);
        assertThat(first.nextToken()).isPresent();
        Page<Account> second = portal.listAccounts(ann(), new PageRequest(first.nextToken(), 2));
        assertThat(second.items()).extracting(Account::id).containsExactly(ACCOUNT_3);
        assertThat(second.nextToken()).isEmpty();
        assertThat(portal.listAccounts(ann(), PageRequest.first()).items()).extracting(Account::id)
                .containsExactly(ACCOUNT_1, ACCOUNT_2, ACCOUNT_3).doesNotContain(UNASSIGNED_ACCOUNT);
    }

    @Test
    void aCallerWithNoAssignmentsGetsAnEmptyListNotAnError() {
        SignInSession bobs = world.signIn(world.bob);
        Caller bob = portal.authenticate(world.gatehouse.tokens().issueAccessToken(bobs, "client-1").secret());
        Page<Account> page = portal.listAccounts(bob, PageRequest.first());
        assertThat(page.items()).isEmpty();
        assertThat(page.nextToken()).isEmpty();
    }

    @Test
    void rolesArePagedByName() {
        Page<RoleInfo> first = portal.listAccountRoles(ann(), ACCOUNT_1, new PageRequest(Optional.empty(), 1));
        assertThat(first.items()).extracting(RoleInfo::roleName).containsExactly("Admin");
        Page<RoleInfo> second = portal.listAccountRoles(ann(), ACCOUNT_1, new PageRequest(first.nextToken(), 1));
        assertThat(second.items()).extracting(RoleInfo::roleName).containsExactly("Read");
        assertThat(second.nextToken()).as("the last page, even when exactly full").isEmpty();
    }

    @Test
    void rolesAreThoseOfUserAndGroupAssignmentsInNameOrder() {
        Page<RoleInfo> page = portal.listAccountRoles(ann(), ACCOUNT_1, PageRequest.first());
        assertThat(page.items()).containsExactly(new RoleInfo("Admin", ACCOUNT_1), new RoleInfo("Read", ACCOUNT_1));
        assertThat(page.nextToken()).isEmpty();
    }

    @Test
    void rolesOfAnAccountWithoutAssignmentAreForbidden() {
        assertFails(ErrorCode.FORBIDDEN, () -> portal.listAccountRoles(ann(), UNASSIGNED_ACCOUNT, PageRequest.first()));
        assertFails(ErrorCode.FORBIDDEN, () -> portal.listAccountRoles(ann(), "999999999999", PageRequest.first()));
    }

    @Test
    void credentialsOnlyForAnAssignedRoleInThatAccount() {
        assertFails(ErrorCode.FORBIDDEN, () -> portal.getRoleCredentials(ann(), UNASSIGNED_ACCOUNT, "Admin"));
        assertFails(ErrorCode.FORBIDDEN, () -> portal.getRoleCredentials(ann(), ACCOUNT_2, "Admin"));
        assertFails(ErrorCode.FORBIDDEN, () -> portal.getRoleCredentials(ann(), ACCOUNT_1, "admin"));
        assertFails(ErrorCode.FORBIDDEN, () -> portal.getRoleCredentials(ann(), ACCOUNT_1, "Nope"));
    }

    @Test
    void credentialsLastThePermissionSetsDurationAndAreRecordedForTheCaller() {
        RoleCredentials read = portal.getRoleCredentials(ann(), ACCOUNT_1, "Read");
        assertThat(read.expiration()).isEqualTo(world.clock.instant().plus(Duration.ofHours(2)));
        RoleSession stored = world.store.findRoleSession(read.accessKeyId()).orElseThrow();
        assertThat(stored.accountId()).isEqualTo(ACCOUNT_1);
        assertThat(stored.roleName()).isEqualTo("Read");
        assertThat(stored.userName()).isEqualTo("ann");
        assertThat(stored.signInSessionId()).isEqualTo(session.id());
    }

    @Test
    void logoutEndsTheWholeSessionButNotItsRoleCredentials() {
        RoleCredentials credentials = portal.getRoleCredentials(ann(), ACCOUNT_1, "Admin");
        TokenSet second = world.gatehouse.tokens().issueTokenSet(session, "client-2");
        portal.logout(ann());
        assertFails(ErrorCode.UNAUTHORIZED, this::ann);
        assertFails(ErrorCode.UNAUTHORIZED, () -> portal.authenticate(second.access().secret()));
        assertThat(world.gatehouse.sessions().ended(session.id())).isTrue();
        assertThat(world.gatehouse.credentials().find(credentials.accessKeyId(), credentials.sessionToken())).isPresent();
    }

    @Test
    void logoutIsAuditedWithTheUserTheSessionAndTheTokensClient() {
        portal.logout(ann());

        AuditRecord logout = world.audit.only(AuditEvent.LOGOUT);
        assertAbout(logout, world.clock.instant(), AuditOutcome.SUCCESS, world.ann, session.id());
        assertThat(logout.client()).isEmpty();
        assertThat(logout.clientId()).contains("client-1");
        assertThat(logout.details()).isEqualTo(Map.of("via", "api"));
        world.audit.assertNoRecordHolds(tokens.access().secret());
    }

    @Test
    void theBrowsersSignOutIsAuditedAsALogoutViaTheBrowser() {
        String cookie = world.gatehouse.tokens().issueBrowserToken(session).secret();
        portal.logout(portal.signedInBrowser(cookie).orElseThrow());

        assertThat(portal.signedInBrowser(cookie)).isEmpty();
        AuditRecord logout = world.audit.only(AuditEvent.LOGOUT);
        assertThat(logout.userId()).contains(world.ann.id());
        assertThat(logout.sessionId()).contains(session.id());
        assertThat(logout.clientId()).isEmpty();
        assertThat(logout.details()).isEqualTo(Map.of("via", "browser"));
        world.audit.assertNoRecordHolds(cookie);
    }

    @Test
    void logoutLeavesOtherSessionsOfTheSameUserAlone() {
        SignInSession other = world.signIn(world.ann);
        String otherToken = world.gatehouse.tokens().issueAccessToken(other, "client-1").secret();
        portal.logout(ann());
        assertThat(portal.authenticate(otherToken).session().id()).isEqualTo(other.id());
    }
}
