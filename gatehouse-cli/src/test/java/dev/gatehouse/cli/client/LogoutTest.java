package dev.gatehouse.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.cli.aws.CacheKeys;
import dev.gatehouse.server.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * {@code gatehouse logout} on cache files in the AWS CLI's exact format, written by hand from the
 * reference: the server session ends, the token files and SSO role credentials go, assume-role
 * entries and client registrations stay; per session; and offline.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LogoutTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path home;
    TestService service;
    CliHarness cli;
    SsoClient sdk;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        sdk = service.sdkClientWithoutRetries();
        cli = new CliHarness(home);
        cli.standardConfig(service.baseUrl(), service.baseUrl());
    }

    @AfterEach
    void stop() {
        sdk.close();
        service.close();
    }

    private Path ssoCache(String name) {
        return cli.files().ssoCache().resolve(name);
    }

    private Path cliCache(String name) {
        return cli.files().cliCache().resolve(name);
    }

    /** A token file exactly as `aws sso login` (botocore) writes it, for an sso-session or a legacy start URL. */
    private Path awsCliTokenFile(String key, String accessToken) throws Exception {
        Path file = ssoCache(CacheKeys.tokenFile(key));
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"startUrl": "%s/start", "region": "us-east-1", "accessToken": "%s", "expiresAt": "2099-01-01T00:00:00Z", \
                "clientId": "botocore-client-id", "clientSecret": "botocore-client-secret", \
                "registrationExpiresAt": "2099-03-01T00:00:00Z", "refreshToken": "aorAAAAAG-refresh"}""".formatted(service.baseUrl(), accessToken));
        return file;
    }

    /** A role-credential entry as the CLI's SSO provider caches it. */
    private Path ssoRoleEntry(String accountId, String roleName, String sessionName) throws Exception {
        Path file = cliCache(CacheKeys.roleCredentialsFile(accountId, roleName, sessionName, null));
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"ProviderType": "sso", "Credentials": {"AccessKeyId": "ASIAEXAMPLEEXAMPLE01", "SecretAccessKey": "s", \
                "SessionToken": "t", "Expiration": "2099-01-01T00:00:00Z", "AccountId": "%s"}}""".formatted(accountId));
        return file;
    }

    private Path assumeRoleEntry() throws Exception {
        Path file = cliCache("3c0a2c5e1f2d4b6a8c9e0f1a2b3c4d5e6f7a8b9c.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"Credentials": {"AccessKeyId": "ASIAASSUMEDROLE00001", "SecretAccessKey": "s", "SessionToken": "t", \
                "Expiration": "2099-01-01T00:00:00+00:00"}, "AssumedRoleUser": {"AssumedRoleId": "AROA:x", \
                "Arn": "arn:aws:sts::111111111111:assumed-role/r/x"}, "ResponseMetadata": {"HTTPStatusCode": 200}}""");
        return file;
    }

    private Path registrationEntry() throws Exception {
        Path file = ssoCache(CacheKeys.registrationFile(service.baseUrl() + "/start", "us-east-1", null, "gh"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"clientId": "botocore-client-id", "clientSecret": "botocore-client-secret", "expiresAt": "2099-03-01T00:00:00Z"}""");
        return file;
    }

    private void assertSessionEnded(String accessToken) {
        assertThatThrownBy(() -> sdk.listAccounts(r -> r.accessToken(accessToken))).isInstanceOf(UnauthorizedException.class);
    }

    private void assertSessionActive(String accessToken) {
        assertThat(sdk.listAccounts(r -> r.accessToken(accessToken)).accountList()).isNotEmpty();
    }

    @Test
    void logsOutOfAnAwsCliCacheFileAndKeepsWhatIsNotAnSsoToken() throws Exception {
        String accessToken = service.signIn("alice");
        Path token = awsCliTokenFile("gh", accessToken);
        Path role = ssoRoleEntry("111111111111", "AdministratorAccess", "gh");
        Path assumed = assumeRoleEntry();
        Path registration = registrationEntry();
        assertSessionActive(accessToken);

        CliHarness.Result result = cli.run("logout");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Logged out of " + service.baseUrl() + "/start (server session ended)")
                .contains("Removed 1 cached role credential.");
        assertSessionEnded(accessToken);
        assertThat(token).doesNotExist();
        assertThat(role).doesNotExist();
        assertThat(assumed).exists();
        assertThat(registration).exists();
    }

    @Test
    void aSessionAlreadyEndedOnTheServerIsReportedAndStillRemoved() throws Exception {
        String accessToken = service.signIn("alice");
        Path token = awsCliTokenFile("gh", accessToken);
        assertThat(cli.run("logout", "--sso-session", "gh").exitCode()).isZero();
        Path again = awsCliTokenFile("gh", accessToken);

        CliHarness.Result result = cli.run("logout");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("(already ended on the server)");
        assertThat(again).doesNotExist();
        assertThat(token).doesNotExist();
    }

    @Test
    void onlyTheNamedSessionIsLoggedOut() throws Exception {
        String first = service.signIn("alice");
        String second = service.signIn("bob");
        Path firstFile = awsCliTokenFile("gh", first);
        Path secondFile = awsCliTokenFile("second", second);
        Path devRole = ssoRoleEntry("111111111111", "AdministratorAccess", "gh");
        Path roRole = ssoRoleEntry("111111111111", "ReadOnlyAccess", "gh");
        Path otherRole = ssoRoleEntry("222222222222", "AdministratorAccess", "second");

        CliHarness.Result result = cli.run("logout", "--sso-session", "gh");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("(server session ended)").contains("Removed 2 cached role credentials.");
        assertThat(firstFile).doesNotExist();
        assertThat(devRole).doesNotExist();
        assertThat(roRole).doesNotExist();
        assertSessionEnded(first);
        assertThat(secondFile).exists();
        assertThat(otherRole).exists();
        assertSessionActive(second);

        CliHarness.Result byProfile = cli.run("logout", "--profile", "other");
        assertThat(byProfile.exitCode()).isZero();
        assertThat(secondFile).doesNotExist();
        assertThat(otherRole).doesNotExist();
        assertSessionEnded(second);
    }

    @Test
    void aLegacyProfileIsLoggedOutByItsStartUrl() throws Exception {
        String accessToken = service.signIn("alice");
        Path legacy = awsCliTokenFile(service.baseUrl() + "/start", accessToken);
        Path session = awsCliTokenFile("gh", service.signIn("alice"));
        CliHarness.Result result = cli.run("logout", "--profile", "old");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(legacy).doesNotExist();
        assertThat(session).exists();
        assertSessionEnded(accessToken);
    }

    @Test
    void offlineTheFilesAreRemovedAndTheReportSaysTheServerWasNotReached() throws Exception {
        String accessToken = service.signIn("alice");
        Path token = awsCliTokenFile("gh", accessToken);
        Path role = ssoRoleEntry("111111111111", "AdministratorAccess", "gh");
        service.close();

        CliHarness.Result result = cli.run("logout");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Logged out of " + service.baseUrl() + "/start (server not reached:")
                .contains("local tokens removed");
        assertThat(token).doesNotExist();
        assertThat(role).doesNotExist();
        service = new TestService(dataDir.resolve("again")); // for stop()
    }

    @Test
    void nothingCachedIsSaidAndExitsZero() {
        CliHarness.Result all = cli.run("logout");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("No cached SSO sessions.");
        CliHarness.Result one = cli.run("logout", "--profile", "dev");
        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).contains("No cached SSO token for sso-session gh.");
        assertThat(cli.run("logout", "--profile", "dev", "--sso-session", "gh").exitCode()).isEqualTo(2);
        assertThat(cli.run("logout", "extra").exitCode()).isEqualTo(2);
    }
}
