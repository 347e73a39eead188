package dev.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Password;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.store.InMemoryStore;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.Passwords;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.oidc.DeviceVerification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    /** The live directory the service would make of this configuration (on an in-memory store). */
    private static Directory live(GatehouseConfig config) {
        return Gatehouse.create(config.directory(), new InMemoryStore(), java.time.Clock.systemUTC()).directory();
    }

    @Test
    void demoDirectoryLoads() {
        GatehouseConfig config = ConfigLoader.demo();
        Directory directory = live(config);

        assertThat(config.source()).isEqualTo("built-in demo directory");
        assertThat(config.startUrl()).isEmpty();
        assertThat(config.limits()).isEqualTo(Limits.DEFAULTS);
        assertThat(directory.region()).isEqualTo("us-east-1");
        assertThat(directory.signInSessionDuration()).isEqualTo(Duration.ofHours(8));
        assertThat(directory.browserIdleTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(config.directory().controls()).isEqualTo(DirectoryFile.Controls.DEFAULT)
                .isEqualTo(new DirectoryFile.Controls(100, Duration.ofDays(90)));

        User alice = directory.user(ConfigLoader.DEMO_USER).orElseThrow();
        assertThat(Passwords.verify(ConfigLoader.DEMO_PASSWORD, alice.passwordHash().orElseThrow())).isTrue();
        assertThat(directory.accountsOf(alice)).extracting(Account::id, Account::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("111111111111", "Production"),
                org.assertj.core.groups.Tuple.tuple("222222222222", "Development"),
                org.assertj.core.groups.Tuple.tuple("333333333333", "Sandbox"));
        assertThat(directory.permissionSetsOf(alice, "111111111111")).extracting(PermissionSet::name)
                .containsExactly("AdministratorAccess", "ReadOnlyAccess");

        User bob = directory.user("bob").orElseThrow();
        assertThat(Passwords.verify("hunter2 hunter2", bob.passwordHash().orElseThrow())).isTrue();
        assertThat(bob.totpSecret()).contains("JBSWY3DPEHPK3PXP");
        assertThat(directory.accountsOf(bob)).extracting(Account::name).containsExactly("Development", "Sandbox");
        assertThat(directory.permissionSetsOf(bob, "222222222222")).extracting(PermissionSet::name)
                .containsExactly("PowerUserAccess", "ReadOnlyAccess");
        assertThat(directory.permissionSet("ReadOnlyAccess").orElseThrow().sessionDuration())
                .isEqualTo(Duration.ofHours(4));
        assertThat(directory.permissionSet("AdministratorAccess").orElseThrow().revokeRoleSessionsOnLogout())
                .as("off unless asked for, as in AWS").isFalse();
    }

    @Test
    void fullFileLoads() throws IOException {
        String bcrypt = Password.hash("x").withBcrypt().getResult();
        String argon2id = Passwords.hash("y");
        Path file = dir.resolve("gatehouse.yaml");
        Files.writeString(file, """
                region: eu-central-1
                startUrl: https://portal.example.com/start
                signInSessionDuration: P1D
                browserIdleTimeout: PT30M
                users:
                  - userName: carol
                    password: "s3cret pass"
                    email: carol@example.com
                    displayName: Carol
                    groups: [ops, admins]
                    totpSecret: jbswy3dpehpk3pxp====
                  - userName: dave
                    passwordHash: '%s'
                    email: dave@example.com
                  - userName: erin@example.com
                    passwordHash: '%s'
                    email: erin@example.com
                accounts:
                  - id: "012345678901"
                    name: Shared
                    email: shared@example.com
                  - id: 999999999999
                    name: Logs
                    email: logs@example.com
                permissionSets:
                  - name: Admin
                    sessionDuration: PT12H
                    revokeRoleSessionsOnLogout: true
                  - name: ReadOnly
                    revokeRoleSessionsOnLogout: false
                assignments:
                  - account: "012345678901"
                    permissionSet: Admin
                    group: ops
                  - account: 999999999999
                    permissionSet: ReadOnly
                    user: dave
                limits:
                  perToken: {capacity: 0}
                  maxInFlight: 16
                  trustedProxies: [10.0.0.5, 192.168.0.0/16, "fd00::/8"]
                  headerTimeoutSeconds: 5
                  bodyTimeoutSeconds: 20
                  maxConnectionsPerAddress: 0
                """.formatted(bcrypt, argon2id));

        GatehouseConfig config = ConfigLoader.load(file);
        Directory directory = live(config);

        assertThat(config.source()).isEqualTo(file.toString());
        assertThat(config.startUrl()).contains("https://portal.example.com/start");
        assertThat(config.limits().trustedProxies()).extracting(AddressRange::toString)
                .containsExactly("10.0.0.5/32", "192.168.0.0/16", "fd00:0:0:0:0:0:0:0/8");
        AddressRange lan = config.limits().trustedProxies().get(1);
        assertThat(lan.contains(AddressRange.literal("192.168.7.9").orElseThrow())).isTrue();
        assertThat(lan.contains(AddressRange.literal("192.169.0.1").orElseThrow())).isFalse();
        assertThat(lan.contains(AddressRange.literal("::1").orElseThrow())).isFalse();
        assertThat(directory.region()).isEqualTo("eu-central-1");
        assertThat(directory.signInSessionDuration()).isEqualTo(Duration.ofDays(1));
        assertThat(directory.browserIdleTimeout()).isEqualTo(Duration.ofMinutes(30));

        User carol = directory.user("carol").orElseThrow();
        assertThat(carol.passwordHash().orElseThrow()).isNotEqualTo("s3cret pass").doesNotContain("s3cret");
        assertThat(Passwords.verify("s3cret pass", carol.passwordHash().orElseThrow())).isTrue();
        assertThat(Passwords.verify("wrong", carol.passwordHash().orElseThrow())).isFalse();
        assertThat(carol.displayName()).isEqualTo("Carol");
        assertThat(directory.groupIdsOf(carol.id())).map(id -> directory.group(id).orElseThrow().displayName())
                .containsExactlyInAnyOrder("ops", "admins");
        assertThat(carol.totpSecret()).isEqualTo(Optional.of("JBSWY3DPEHPK3PXP"));
        assertThat(directory.accountsOf(carol)).extracting(Account::id).containsExactly("012345678901");
        assertThat(directory.permissionSetsOf(carol, "012345678901")).extracting(PermissionSet::name)
                .containsExactly("Admin");
        assertThat(directory.permissionSet("Admin").orElseThrow().revokeRoleSessionsOnLogout()).isTrue();
        assertThat(directory.permissionSet("ReadOnly").orElseThrow().revokeRoleSessionsOnLogout()).isFalse();

        User dave = directory.user("dave").orElseThrow();
        assertThat(dave.passwordHash().orElseThrow()).isEqualTo(bcrypt);
        assertThat(Passwords.verify("x", dave.passwordHash().orElseThrow())).isTrue();
        assertThat(dave.displayName()).isEqualTo("dave");
        assertThat(dave.totpSecret()).isEmpty();
        assertThat(directory.accountsOf(dave)).extracting(Account::name).containsExactly("Logs");
        assertThat(Passwords.verify("y", directory.user("erin@example.com").orElseThrow().passwordHash().orElseThrow())).isTrue();
        assertThat(directory.permissionSet("ReadOnly").orElseThrow().sessionDuration()).isEqualTo(Duration.ofHours(1));

        assertThat(config.limits()).isEqualTo(new Limits(new RateLimit(0, 50), new RateLimit(2000, 1000), 16,
                config.limits().trustedProxies()).withConnections(
                new Connections(Duration.ofSeconds(5), Duration.ofSeconds(20), 0)));
        assertThat(config.limits().connections().boundPerAddress()).isFalse();
        assertThat(config.limits().perToken().enabled()).isFalse();
    }

    @Test
    void minimalFileTakesDefaults() throws IOException {
        Path file = dir.resolve("min.yaml");
        Files.writeString(file, """
                users:
                  - {userName: eve, password: pw, email: eve@example.com}
                """);

        GatehouseConfig config = ConfigLoader.load(file);

        assertThat(config.directory().region()).isEqualTo("us-east-1");
        assertThat(config.directory().signInSessionDuration()).isEqualTo(Duration.ofHours(8));
        assertThat(config.directory().controls()).isEqualTo(DirectoryFile.Controls.DEFAULT);
        assertThat(config.startUrl()).isEmpty();
        assertThat(config.limits()).isEqualTo(Limits.DEFAULTS);
        Directory directory = live(config);
        assertThat(directory.accountsOf(directory.user("eve").orElseThrow())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1     | PT1H     | 1     | PT1H
            10000 | P3650D   | 10000 | PT87600H
            5     | P30D     | 5     | PT720H
            250   | PT36H    | 250   | PT36H
            100   | P1DT12H  | 100   | PT36H
            """)
    void sessionCapAndAuditRetentionAreRead(String maxSessions, String retention, int expectedMax,
                                            Duration expectedRetention) throws IOException {
        Path file = dir.resolve("controls.yaml");
        Files.writeString(file, """
                maxSessionsPerUser: %s
                auditRetention: %s
                users: []
                """.formatted(maxSessions, retention));

        assertThat(ConfigLoader.load(file).directory().controls())
                .isEqualTo(new DirectoryFile.Controls(expectedMax, expectedRetention));
    }

    @Test
    void wrongUserCodeLimitsAreRead() throws IOException {
        Path file = dir.resolve("codes.yaml");
        Files.writeString(file, """
                users: []
                limits:
                  wrongUserCodes: {perSession: 3, lockFor: PT30M}
                """);

        Limits limits = ConfigLoader.load(file).limits();

        assertThat(limits.wrongUserCodes()).isEqualTo(new DeviceVerification.Policy(3,
                DeviceVerification.Policy.DEFAULTS.perAddress(), Duration.ofMinutes(30)));
        assertThat(limits.perAddress()).isEqualTo(Limits.DEFAULTS.perAddress());
    }
}
