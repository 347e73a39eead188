package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.session.SignInSession;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsResponse;
import software.amazon.awssdk.services.sso.model.InvalidRequestException;
import software.amazon.awssdk.services.sso.model.ListAccountsResponse;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/** The access-portal API as the stock AWS SDK for Java v2 sees it. */
class AccessPortalSdkTest {
    @TempDir
    Path dataDir;
    TestService service;
    SsoClient sso;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        sso = service.sdkClient();
    }

    @AfterEach
    void stop() {
        sso.close();
        service.close();
    }

    @Test
    void listAccountsReturnsTheUsersAccountsInOrder() {
        String token = service.signIn("alice");
        ListAccountsResponse response = sso.listAccounts(r -> r.accessToken(token));
        assertThat(response.accountList()).extracting(AccountInfo::accountId)
                .containsExactly(TestDirectory.PROD, TestDirectory.DEV, TestDirectory.SANDBOX);
        assertThat(response.accountList().getFirst().accountName()).isEqualTo("Production");
        assertThat(response.accountList().getFirst().emailAddress()).isEqualTo("prod@example.com");
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void paginatorWalksEveryPage() {
        String token = service.signIn("many");
        ListAccountsResponse first = sso.listAccounts(r -> r.accessToken(token).maxResults(10));
        assertThat(first.accountList()).hasSize(10);
        assertThat(first.nextToken()).isNotBlank().doesNotContain("900000000009");

        List<String> all = sso.listAccountsPaginator(r -> r.accessToken(token).maxResults(7)).accountList()
                .stream().map(AccountInfo::accountId).toList();
        assertThat(all).hasSize(45).doesNotHaveDuplicates().isSorted();

        List<String> defaultPages = sso.listAccountsPaginator(r -> r.accessToken(token)).accountList()
                .stream().map(AccountInfo::accountId).toList();
        assertThat(defaultPages).isEqualTo(all);
    }

    @Test
    void listAccountRolesAndItsPaginator() {
        String token = service.signIn("alice");
        List<RoleInfo> roles = sso.listAccountRolesPaginator(r -> r.accessToken(token)
                .accountId(TestDirectory.PROD).maxResults(1)).roleList().stream().toList();
        assertThat(roles).extracting(RoleInfo::roleName).containsExactly("AdministratorAccess", "ReadOnlyAccess");
        assertThat(roles).extracting(RoleInfo::accountId).containsOnly(TestDirectory.PROD);
    }

    @Test
    void getRoleCredentialsLastForThePermissionSetsDuration() {
        String token = service.signIn("alice");
        Instant before = service.clock.instant();
        GetRoleCredentialsResponse response = sso.getRoleCredentials(r -> r.accessToken(token)
                .accountId(TestDirectory.SANDBOX).roleName("ReadOnlyAccess"));
        var credentials = response.roleCredentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(credentials.secretAccessKey()).hasSize(40);
        assertThat(credentials.sessionToken()).hasSizeGreaterThan(100);
        assertThat(credentials.expiration()).isEqualTo(before.plus(Duration.ofHours(4)).toEpochMilli());
        assertThat(service.gatehouse.credentials().find(credentials.accessKeyId(), credentials.sessionToken()))
                .hasValueSatisfying(r -> assertThat(r.userName()).isEqualTo("alice"));
    }

    @Test
    void unassignedAccountOrRoleIsForbidden() {
        String token = service.signIn("bob");
        assertForbidden(() -> sso.getRoleCredentials(r -> r.accessToken(token)
                .accountId(TestDirectory.PROD).roleName("AdministratorAccess")));
        assertForbidden(() -> sso.getRoleCredentials(r -> r.accessToken(token)
                .accountId(TestDirectory.DEV).roleName("AdministratorAccess")));
        assertForbidden(() -> sso.listAccountRoles(r -> r.accessToken(token).accountId("999999999999")));
    }

    private static void assertForbidden(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SsoException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ForbiddenException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("No access");
        });
    }

    @Test
    void unknownTokenIsUnauthorized() {
        assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken("not-a-token")))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Session token not found or invalid");
                    assertThat(e.requestId()).isNotBlank();
                });
        String forged = service.signIn("alice").substring(0, 40) + "A".repeat(29);
        assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(forged))).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void expiredTokenIsUnauthorized() {
        String token = service.signIn("alice");
        service.clock.advance(Duration.ofMinutes(61));
        assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(token))).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void tokenDiesWithItsSignInSession() {
        SignInSession session = service.session("alice");
        service.clock.advance(Duration.ofHours(7).plusMinutes(30));
        String token = service.accessToken(session);
        sso.listAccounts(r -> r.accessToken(token));
        service.clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(token))).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void outOfRangeMaxResultsIsAnInvalidRequest() {
        String token = service.signIn("alice");
        assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(token).maxResults(101)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("maxResults");
                });
        assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(token).maxResults(0)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(token).nextToken("bogus")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("nextToken"));
    }

    @Test
    void logoutEndsEveryTokenOfTheSessionAndNoOther() {
        SignInSession session = service.session("alice");
        String token = service.accessToken(session);
        String sameSession = service.accessToken(session);
        String otherSession = service.signIn("alice");

        sso.logout(r -> r.accessToken(token));

        for (String dead : List.of(token, sameSession)) {
            assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(dead))).isInstanceOf(UnauthorizedException.class);
            assertThatThrownBy(() -> sso.listAccountRoles(r -> r.accessToken(dead).accountId(TestDirectory.PROD)))
                    .isInstanceOf(UnauthorizedException.class);
            assertThatThrownBy(() -> sso.getRoleCredentials(r -> r.accessToken(dead)
                    .accountId(TestDirectory.PROD).roleName("AdministratorAccess")))
                    .isInstanceOf(UnauthorizedException.class);
            assertThatThrownBy(() -> sso.logout(r -> r.accessToken(dead))).isInstanceOf(UnauthorizedException.class);
        }
        assertThat(sso.listAccounts(r -> r.accessToken(otherSession)).accountList()).hasSize(3);
    }

    @Test
    void logoutSurvivesARestart() {
        String token = service.signIn("alice");
        sso.logout(r -> r.accessToken(token));
        service.close();
        service = new TestService(dataDir);
        sso.close();
        sso = service.sdkClient();
        assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(token))).isInstanceOf(UnauthorizedException.class);
    }
}
