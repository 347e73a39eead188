package dev.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.server.AwsCli;
import dev.gatehouse.server.OutsideTool;
import dev.gatehouse.server.TestService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * identitystore as Debian's AWS CLI v2 (botocore) drives it with {@code --endpoint-url}: its own
 * pagination ({@code --page-size}), document values in UpdateUser's operations, the alternate
 * identifiers of GetUserId and GetGroupId, and an error as the CLI prints it.
 */
class IdentityStoreAwsCliTest {
    @RegisterExtension
    static final OutsideTool AWS_CLI = AwsCli.TOOL;

    @TempDir
    Path dataDir;
    @TempDir
    Path home;
    TestService service;
    AwsCli cli;
    String storeId;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        cli = new AwsCli(service.baseUrl(), home);
        storeId = service.gatehouse.directory().ids().identityStoreId();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void theAwsCliManagesUsersGroupsAndMemberships() throws Exception {
        String userId = cli.json("identitystore", "create-user", "--identity-store-id", storeId, "--user-name", "carol",
                "--display-name", "Carol Jones", "--name", "GivenName=Carol,FamilyName=Jones",
                "--emails", "Value=carol@example.com,Type=work,Primary=true").path("UserId").asText();
        cli.json("identitystore", "update-user", "--identity-store-id", storeId, "--user-id", userId, "--operations",
                "[{\"AttributePath\":\"name.givenName\",\"AttributeValue\":\"Caroline\"},"
                        + "{\"AttributePath\":\"emails\",\"AttributeValue\":[{\"value\":\"caroline@example.com\","
                        + "\"type\":\"home\",\"primary\":true}]},"
                        + "{\"AttributePath\":\"title\",\"AttributeValue\":\"Lead\"}]");
        JsonNode user = cli.json("identitystore", "describe-user", "--identity-store-id", storeId, "--user-id", userId);
        assertThat(user.path("Name").path("GivenName").asText()).isEqualTo("Caroline");
        assertThat(user.path("Emails").get(0).path("Value").asText()).isEqualTo("caroline@example.com");
        assertThat(user.path("Title").asText()).isEqualTo("Lead");
        assertThat(cli.json("identitystore", "get-user-id", "--identity-store-id", storeId, "--alternate-identifier",
                "{\"UniqueAttribute\":{\"AttributePath\":\"emails.value\","
                        + "\"AttributeValue\":\"caroline@example.com\"}}")
                .path("UserId").asText()).isEqualTo(userId);

        JsonNode users = cli.json("identitystore", "list-users", "--identity-store-id", storeId, "--page-size", "1");
        List<String> names = new ArrayList<>();
        users.path("Users").forEach(u -> names.add(u.path("UserName").asText()));
        assertThat(names).containsExactlyInAnyOrder("alice", "bob", "many", "tom", "carol");

        String admins = cli.json("identitystore", "get-group-id", "--identity-store-id", storeId,
                "--alternate-identifier",
                "{\"UniqueAttribute\":{\"AttributePath\":\"displayName\",\"AttributeValue\":\"admins\"}}")
                .path("GroupId").asText();
        cli.json("identitystore", "create-group-membership", "--identity-store-id", storeId, "--group-id", admins,
                "--member-id", "UserId=" + userId);
        assertThat(cli.json("identitystore", "list-group-memberships", "--identity-store-id", storeId, "--group-id",
                admins, "--page-size", "1").path("GroupMemberships")).hasSize(3);
        assertThat(cli.json("identitystore", "is-member-in-groups", "--identity-store-id", storeId, "--member-id",
                "UserId=" + userId, "--group-ids", admins).path("Results").get(0).path("MembershipExists").asBoolean())
                .isTrue();

        cli.json("identitystore", "delete-user", "--identity-store-id", storeId, "--user-id", userId);
        AwsCli.Result gone = cli.run("identitystore", "describe-user", "--identity-store-id", storeId,
                "--user-id", userId);
        assertThat(gone.exitCode()).isEqualTo(254);
        assertThat(gone.stderr()).contains("ResourceNotFoundException").contains("USER not found.");
    }
}
