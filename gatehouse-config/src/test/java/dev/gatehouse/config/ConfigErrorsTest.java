package dev.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every problem names the file and the 1-based line, and says what is wrong. */
class ConfigErrorsTest {
    private static final String BCRYPT = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void setUp() {
        file = dir.resolve("gatehouse.yaml");
    }

    private String problemsOf(String yaml) throws IOException {
        Files.writeString(file, yaml);
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
    }

    private void assertProblem(String yaml, int line, String problem) throws IOException {
        assertThat(problemsOf(yaml)).isEqualTo(file + ":" + line + ": " + problem);
    }

    @Test
    void unknownKey() throws IOException {
        assertProblem("""
                region: us-east-1
                regoin: eu-west-1
                """, 2, "unknown key 'regoin' (expected one of: region, startUrl, signInSessionDuration, "
                + "browserIdleTimeout, maxSessionsPerUser, auditRetention, users, accounts, permissionSets, assignments, "
                + "limits, store, groups, adminKeys, identitySource)");
    }

    @Test
    void allProblemsOfAFileAreReportedTogetherInLineOrder() throws IOException {
        assertThat(problemsOf("""
                users:
                  - userName: alice
                    pasword: secret
                    email: alice
                accounts:
                  - id: "1"
                """)).isEqualTo(String.join("\n",
                file + ":3: unknown key 'pasword' (expected one of: userName, password, passwordHash, email, "
                        + "displayName, groups, totpSecret, id, attributes, externalIds)",
                file + ":4: 'email' must be an email address, was 'alice'",
                file + ":6: an account id must be exactly 12 digits, was '1'",
                file + ":6: missing required key 'name'",
                file + ":6: missing required key 'email'"));
    }

    @Test
    void duplicateUser() throws IOException {
        assertProblem("""
                users:
                  - userName: alice
                    password: a
                    email: a@example.com
                  - userName: alice
                    password: b
                    email: b@example.com
                """, 5, "duplicate userName 'alice' (first defined on line 2)");
    }

    @Test
    void userNamesDifferingOnlyInCaseAreDuplicates() throws IOException {
        assertProblem("""
                users:
                  - userName: alice
                    password: a
                    email: a@example.com
                  - userName: Alice
                    password: b
                    email: b@example.com
                """, 5, "duplicate userName (compared without regard to case) 'alice' (first defined on line 2)");
    }

    @Test
    void duplicateKey() throws IOException {
        assertProblem("""
                users:
                  - userName: alice
                    password: a
                    email: a@example.com
                    email: b@example.com
                """, 5, "duplicate key 'email' (first given on line 4)");
    }

    @Test
    void badAccountId() throws IOException {
        assertProblem("""
                accounts:
                  - id: "12345678901x"
                    name: A
                    email: a@example.com
                """, 2, "an account id must be exactly 12 digits, was '12345678901x'");
    }

    @Test
    void unquotedAccountIdWithLeadingZero() throws IOException {
        assertProblem("""
                accounts:
                  - name: A
                    email: a@example.com
                    id: 012345678901
                """, 4, "account id 012345678901 starts with 0; write it in quotes (\"012345678901\") "
                + "so that it stays 12 digits");
    }

    @Test
    void duplicateAccount() throws IOException {
        assertProblem("""
                accounts:
                  - {id: "111111111111", name: A, email: a@example.com}
                  - {id: 111111111111, name: B, email: b@example.com}
                """, 3, "duplicate account id '111111111111' (first defined on line 2)");
    }

    @ParameterizedTest
    @CsvSource({"PT30M", "PT13H", "1h"})
    void permissionSetSessionDurationOutOfRange(String duration) throws IOException {
        String problem = duration.equals("1h")
                ? "'sessionDuration' must be an ISO-8601 duration such as PT1H or P1D, was '1h'"
                : "'sessionDuration' must be between PT1H and PT12H, was " + duration;
        assertProblem("""
                permissionSets:
                  - name: Admin
                    sessionDuration: %s
                """.formatted(duration), 3, problem);
    }

    @Test
    void revokeRoleSessionsOnLogoutMustBeTrueOrFalse() throws IOException {
        String yaml = """
                permissionSets:
                  - name: Admin
                    revokeRoleSessionsOnLogout: %s
                """;
        String problem = "expected true or false for 'revokeRoleSessionsOnLogout', found ";
        assertProblem(yaml.formatted("yes"), 3, problem + "the string 'yes'");
        assertProblem(yaml.formatted("\"true\""), 3, problem + "the string 'true'");
        assertProblem(yaml.formatted("1"), 3, problem + "the integer 1");
        assertProblem(yaml.formatted("[true]"), 3, problem + "a list");
    }

    @Test
    void signInSessionDurationOutOfRange() throws IOException {
        assertProblem("signInSessionDuration: PT10M\n", 1,
                "'signInSessionDuration' must be between PT15M and P90D, was PT10M");
    }

    @Test
    void browserIdleTimeoutOutOfRangeOrMalformed() throws IOException {
        assertProblem("region: us-east-1\nbrowserIdleTimeout: PT1M\n", 2,
                "'browserIdleTimeout' must be between PT5M and P90D, was PT1M");
        assertProblem("browserIdleTimeout: an hour\n", 1,
                "'browserIdleTimeout' must be an ISO-8601 duration such as PT1H or P1D, was 'an hour'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            0       | 'maxSessionsPerUser' must be between 1 and 10000, was 0
            10001   | 'maxSessionsPerUser' must be between 1 and 10000, was 10001
            -1      | 'maxSessionsPerUser' must be between 1 and 10000, was -1
            "100"   | expected an integer for 'maxSessionsPerUser', found the string '100'
            2.5     | expected an integer for 'maxSessionsPerUser', found the number 2.5
            lots    | expected an integer for 'maxSessionsPerUser', found the string 'lots'
            [5]     | expected an integer for 'maxSessionsPerUser', found a list
            """)
    void maxSessionsPerUserOutOfRangeOrNotAWholeNumber(String value, String problem) throws IOException {
        assertProblem("region: us-east-1\nmaxSessionsPerUser: " + value + "\n", 2, problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            PT59M     | 'auditRetention' must be between PT1H and P3650D, was PT59M
            P3651D    | 'auditRetention' must be between PT1H and P3650D, was P3651D
            PT87601H  | 'auditRetention' must be between PT1H and P3650D, was PT87601H
            P0D       | 'auditRetention' must be between PT1H and P3650D, was P0D
            -P1D      | 'auditRetention' must be between PT1H and P3650D, was -P1D
            90 days   | 'auditRetention' must be an ISO-8601 duration such as PT1H or P1D, was '90 days'
            P3M       | 'auditRetention' must be an ISO-8601 duration such as PT1H or P1D, was 'P3M'
            90        | 'auditRetention' must be an ISO-8601 duration such as PT1H or P1D, was '90'
            """)
    void auditRetentionOutOfRangeOrMalformed(String value, String problem) throws IOException {
        assertProblem("region: us-east-1\nsignInSessionDuration: PT8H\nauditRetention: " + value + "\n", 3, problem);
    }

    private static final String DIRECTORY = """
            users:
              - userName: alice
                password: a
                email: a@example.com
                groups: [admins]
            accounts:
              - id: "111111111111"
                name: A
                email: a@example.com
            permissionSets:
              - name: Admin
            assignments:
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            account: "222222222222" | permissionSet: Admin | user: alice    | 13 | unknown account '222222222222' (configured: 111111111111)
            account: 111111111111   | permissionSet: Nope  | user: alice    | 14 | unknown permission set 'Nope' (configured: Admin)
            account: 111111111111   | permissionSet: Admin | user: bob      | 15 | unknown user 'bob' (configured: alice)
            account: 111111111111   | permissionSet: Admin | group: devs    | 15 | no user is in group 'devs'; an assignment to a group needs at least one member
            account: 111111111111   | permissionSet: Admin | permissionSet: Admin | 15 | duplicate key 'permissionSet' (first given on line 14)
            """)
    void assignmentToSomethingUnknown(String account, String permissionSet, String principal, int line, String problem)
            throws IOException {
        String yaml = DIRECTORY + "  - " + account + "\n    " + permissionSet + "\n    " + principal + "\n";
        String message = problemsOf(yaml);
        if (principal.startsWith("permissionSet")) {
            assertThat(message).isEqualTo(file + ":13: missing required key 'user' or 'group'\n"
                    + file + ":" + line + ": " + problem);
        } else {
            assertThat(message).isEqualTo(file + ":" + line + ": " + problem);
        }
    }

    @Test
    void assignmentToBothUserAndGroup() throws IOException {
        assertProblem(DIRECTORY + """
                  - account: "111111111111"
                    permissionSet: Admin
                    user: alice
                    group: admins
                """, 16, "give either 'user' or 'group', not both");
    }

    @Test
    void bothPasswordAndPasswordHash() throws IOException {
        assertProblem("""
                users:
                  - userName: alice
                    password: a
                    passwordHash: '%s'
                    email: a@example.com
                """.formatted(BCRYPT), 4, "give either 'password' or 'passwordHash', not both");
    }

    @Test
    void unsupportedPasswordHash() throws IOException {
        assertProblem("""
                users:
                  - userName: alice
                    passwordHash: '{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M='
                    email: a@example.com
                """, 3, "'passwordHash' is not a supported hash: expected an encoded Argon2id ($argon2id$...) "
                + "or bcrypt ($2a$, $2b$, $2y$) hash");
    }

    @ParameterizedTest
    @CsvSource({"JBSWY3DPEHPK3PX1", "JBSWY3DP", "JBSW=Y3DPEHPK3PXP"})
    void badTotpSecret(String secret) throws IOException {
        assertProblem("""
                users:
                  - userName: bob
                    password: b
                    email: b@example.com
                    totpSecret: %s
                """.formatted(secret), 5, "'totpSecret' must be base32 (letters A-Z and digits 2-7, at least 16 "
                + "of them), was '" + secret + "'");
    }

    @ParameterizedTest
    @CsvSource({"US-East-1", "useast1", "mars"})
    void badRegion(String region) throws IOException {
        assertProblem("""
                # comment
                region: %s
                """.formatted(region), 2,
                "'region' must be an AWS region such as us-east-1 or eu-central-1, was '" + region + "'");
    }

    @Test
    void badStartUrl() throws IOException {
        assertProblem("startUrl: /start\n", 1, "'startUrl' must be an absolute http:// or https:// URL, was '/start'");
    }

    @Test
    void wrongTypes() throws IOException {
        assertThat(problemsOf("""
                users:
                  userName: alice
                accounts:
                  - id: "111111111111"
                    name: [A]
                    email: a@example.com
                limits:
                  maxInFlight: "many"
                  perToken: {capacity: -1}
                  perAddress: {capacity: 10, refillPerSecond: 0}
                  trustedProxies: [10.0.0.1, proxy.example.com, 10.0.0.0/33]
                  headerTimeoutSeconds: 0
                  bodyTimeoutSeconds: PT10S
                  maxConnectionsPerAddress: -1
                """)).isEqualTo(String.join("\n",
                file + ":2: expected a list for 'users', found a mapping",
                file + ":5: expected a string for 'name', found a list",
                file + ":8: expected an integer for 'maxInFlight', found the string 'many'",
                file + ":9: 'capacity' must be at least 0, was -1",
                file + ":10: 'refillPerSecond' must be above 0 while 'capacity' is above 0 (capacity 0 turns the limit off)",
                file + ":11: 'proxy.example.com' is not an IP address or CIDR block (e.g. 10.0.0.5 or 10.0.0.0/8)",
                file + ":11: '10.0.0.0/33' is not an IP address or CIDR block (e.g. 10.0.0.5 or 10.0.0.0/8)",
                file + ":12: 'headerTimeoutSeconds' must be between 1 and 3600, was 0",
                file + ":13: expected an integer for 'bodyTimeoutSeconds', found the string 'PT10S'",
                file + ":14: 'maxConnectionsPerAddress' must be between 0 and 2147483647, was -1"));
    }

    @Test
    void requiredValueLeftEmpty() throws IOException {
        assertProblem("""
                users:
                  - userName: alice
                    password: a
                    email:
                """, 4, "'email' must have a value");
    }

    @Test
    void yamlSyntaxError() throws IOException {
        assertThat(problemsOf("""
                region: us-east-1
                users:
                  - userName: alice: x
                """)).startsWith(file + ":3: YAML syntax error: ").contains("mapping values are not allowed here");
    }

    @Test
    void unclosedFlowSequence() throws IOException {
        assertThat(problemsOf("""
                users:
                  - userName: alice
                    groups: [admins, ops
                accounts: []
                """)).startsWith(file + ":4: YAML syntax error: ");
    }

    @Test
    void notAMapping() throws IOException {
        assertProblem("\n- alice\n- bob\n", 2,
                "the configuration must be a YAML mapping (region:, users:, accounts:, ...)");
    }

    @Test
    void emptyFile() throws IOException {
        assertProblem("# nothing but a comment\n", 1, "the file is empty (expected a YAML mapping)");
    }

    @Test
    void notUtf8() throws IOException {
        Files.write(file, new byte[] {'r', 'e', 'g', 'i', 'o', 'n', ':', '\n', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":2: the file is not valid UTF-8");
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ":1: file not found");
    }

    @Test
    void directoryInsteadOfFile() {
        assertThatThrownBy(() -> ConfigLoader.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage(dir + ":1: is a directory, not a configuration file");
    }

    @Test
    void unknownKeyInLimitsAndSecondDocument() throws IOException {
        assertProblem("""
                limits:
                  perToken: {capacity: 1, refill: 1}
                """, 2, "unknown key 'refill' (expected one of: capacity, refillPerSecond)");
        assertThat(problemsOf("""
                region: us-east-1
                ---
                region: us-west-2
                """)).startsWith(file + ":2: YAML syntax error: ");
    }

    @Test
    void badWrongUserCodeLimits() throws IOException {
        assertThat(problemsOf("""
                users: []
                limits:
                  wrongUserCodes:
                    perSession: 0
                    perAddress: lots
                    lockFor: PT10S
                    perHour: 3
                """)).isEqualTo(String.join("\n",
                file + ":4: 'perSession' must be between 1 and 1000, was 0",
                file + ":5: expected an integer for 'perAddress', found the string 'lots'",
                file + ":6: 'lockFor' must be between PT1M and P1D, was PT10S",
                file + ":7: unknown key 'perHour' (expected one of: perSession, perAddress, lockFor)"));
    }

    @Test
    void aUserNeedsAnEmailUnlessItGivesAttributes() throws IOException {
        assertProblem("""
                users:
                  - userName: alice
                """, 2, "missing required key 'email'");
        assertProblem("""
                users:
                  - userName: alice
                    email: a@example.com
                    attributes: {Emails: [{Value: b@example.com}]}
                """, 2, "give either 'email' or 'Emails' in 'attributes', not both");
        assertProblem("""
                users:
                  - userName: alice
                    displayName: A
                    attributes: {DisplayName: B}
                """, 2, "give either 'displayName' or 'DisplayName' in 'attributes', not both");
    }

    @Test
    void badUserNameIdAndExternalIds() throws IOException {
        assertThat(problemsOf("""
                users:
                  - userName: two words
                    id: 12345
                    email: a@example.com
                    externalIds:
                      - {issuer: idp}
                      - {issuer: idp, id: "1"}
                  - userName: bob
                    id: 0123456789-a1b2c3d4-e5f6-4a8b-9c0d-e1f2a3b4c5d6
                    email: b@example.com
                    externalIds: [{issuer: idp, id: "1"}]
                  - userName: carol
                    id: 0123456789-a1b2c3d4-e5f6-4a8b-9c0d-e1f2a3b4c5d6
                    email: c@example.com
                """)).isEqualTo(String.join("\n",
                file + ":2: 'userName' must be 1 to 128 letters, digits, symbols or punctuation (no spaces), "
                        + "was 'two words'",
                file + ":3: 'id' must be an identity store id such as 1234567890-a1b2c3d4-e5f6-7a8b-9c0d-e1f2a3b4c5d6, "
                        + "was '12345'",
                file + ":6: missing required key 'id'",
                file + ":11: duplicate external id 'user idp 1' (first defined on line 7)",
                file + ":13: duplicate user id '0123456789-a1b2c3d4-e5f6-4a8b-9c0d-e1f2a3b4c5d6' (first defined on "
                        + "line 9)"));
    }

    @Test
    void attributesFollowIdentityStoreShapes() throws IOException {
        assertThat(problemsOf("""
                users:
                  - userName: alice
                    attributes:
                      Emial: a@example.com
                      Name: {GivenName: [A]}
                      Emails: {Value: a@example.com}
                      PhoneNumbers: [{Value: "1", Primary: "yes"}]
                      Addresses: [{Street: x}]
                      Title: {a: b}
                """)).isEqualTo(String.join("\n",
                file + ":4: unknown key 'Emial' (expected one of: Name, DisplayName, NickName, ProfileUrl, Emails, "
                        + "Addresses, PhoneNumbers, UserType, Title, PreferredLanguage, Locale, Timezone, Photos, "
                        + "Website, Birthdate, Roles, Extensions)",
                file + ":5: expected a string for 'GivenName', found a list",
                file + ":6: expected a list for 'Emails', found a mapping",
                file + ":7: expected true or false for 'Primary', found the string 'yes'",
                file + ":8: unknown key 'Street' (expected one of: StreetAddress, Locality, Region, PostalCode, "
                        + "Country, Formatted, Type, Primary)",
                file + ":9: expected a string for 'Title', found a mapping"));
    }

    @Test
    void badGroups() throws IOException {
        assertThat(problemsOf("""
                groups:
                  - description: no name
                  - displayName: ops
                    id: nope
                  - displayName: ops
                  - displayName: "tab\there"
                    externalIds: [{issuer: scim, id: "has space"}]
                """)).isEqualTo(String.join("\n",
                file + ":2: missing required key 'displayName'",
                file + ":4: 'id' must be an identity store id such as 1234567890-a1b2c3d4-e5f6-7a8b-9c0d-e1f2a3b4c5d6, "
                        + "was 'nope'",
                file + ":5: duplicate group displayName 'ops' (first defined on line 3)",
                file + ":7: 'id' must be 1 to 256 letters, digits, symbols or punctuation, was 'has space'"));
    }

    @Test
    void badPermissionSetFields() throws IOException {
        assertThat(problemsOf("""
                permissionSets:
                  - name: Admin
                    arn: arn:aws:sso:::permissionSet/nope
                    description: ""
                    relayState: "no<angle>"
                    tags: {"bad!key": x, ok: "bad!value", list: [a]}
                    inlinePolicy: "\u2603"
                    managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess, arn:aws:iam::aws:policy/ReadOnlyAccess, x]
                    customerManagedPolicies: [{path: /x/}, {name: P, path: nope}]
                    permissionsBoundary: {managedPolicyArn: "arn:aws:iam::aws:policy/A", customerManagedPolicy: {name: B}}
                  - name: Other
                    arn: arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef
                    permissionsBoundary: {}
                  - name: Third
                    arn: arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef
                """)).isEqualTo(String.join("\n",
                file + ":3: 'arn' must be a permission set ARN (arn:aws:sso:::permissionSet/ssoins-…/ps-…), "
                        + "was 'arn:aws:sso:::permissionSet/nope'",
                file + ":4: 'description' must be 1 to 700 printable Latin-1 characters",
                file + ":5: 'relayState' must be 1 to 240 characters of a URL, was 'no<angle>'",
                file + ":6: a tag key must be 1 to 128 letters, digits, spaces or _.:/=+-@, was 'bad!key'",
                file + ":6: the value of tag 'ok' must be at most 256 letters, digits, spaces or _.:/=+-@, was 'bad!value'",
                file + ":6: expected a string for 'list', found a list",
                file + ":7: 'inlinePolicy' must be a policy document of 1 to 32768 printable Latin-1 characters",
                file + ":8: managed policy 'arn:aws:iam::aws:policy/ReadOnlyAccess' is listed twice",
                file + ":8: a managed policy must be an AWS managed policy ARN (arn:aws:iam::aws:policy/…), was 'x'",
                file + ":9: missing required key 'name'",
                file + ":9: 'path' must start and end with / (such as / or /team/), was 'nope'",
                file + ":10: give either 'managedPolicyArn' or 'customerManagedPolicy', not both",
                file + ":13: missing required key 'managedPolicyArn' or 'customerManagedPolicy'",
                file + ":15: duplicate permission set arn 'arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/"
                        + "ps-0123456789abcdef' (first defined on line 12)"));
    }

    @Test
    void badAdminKeysAreRefusedWithoutShowingTheSecret() throws IOException {
        assertThat(problemsOf("""
                adminKeys:
                  - accessKeyId: AKIAlowercase0000000
                    secretAccessKey: "0123456789012345678901234567890123456789"
                  - accessKeyId: AKIAGATEHOUSEADMIN01
                    secretAccessKey: too-short-secret
                  - accessKeyId: AKIAGATEHOUSEADMIN02
                    secretAccessKey: "0123456789 0123456789 0123456789 0123456789"
                  - accessKeyId: AKIAGATEHOUSEADMIN02
                  - secretAccessKey: "0123456789012345678901234567890123456789"
                """)).isEqualTo(String.join("\n",
                file + ":2: 'accessKeyId' must be AKIA and 16 upper-case letters or digits, was 'AKIAlowercase0000000'",
                file + ":5: 'secretAccessKey' must be at least 40 characters without spaces (the value is not shown)",
                file + ":7: 'secretAccessKey' must be at least 40 characters without spaces (the value is not shown)",
                file + ":8: duplicate admin accessKeyId 'AKIAGATEHOUSEADMIN02' (first defined on line 6)",
                file + ":8: missing required key 'secretAccessKey'",
                file + ":9: missing required key 'accessKeyId'"));
    }

    @Test
    void anAssignmentMayNameADeclaredGroupWithoutMembers() throws IOException {
        Files.writeString(file, DIRECTORY.replace("assignments:\n", "groups:\n  - displayName: auditors\nassignments:\n")
                + "  - {account: \"111111111111\", permissionSet: Admin, group: auditors}\n");
        assertThat(ConfigLoader.load(file).directory().assignments()).hasSize(1);
    }
}
