package dev.gatehouse.server.ssoadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.server.AwsCli;
import dev.gatehouse.server.OutsideTool;
import dev.gatehouse.server.TestDirectory;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI's {@code aws sso-admin} commands against Gatehouse, as an administrator scripts them:
 * a permission set with tags and an inline policy, an assignment and its creation status, and an
 * error the CLI reports by its type.
 */
class AwsCliSsoAdminTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final OutsideTool AWS_CLI = AwsCli.TOOL;

    @TempDir
    Path dataDir;
    @TempDir
    Path home;
    SsoAdminFixture fixture;
    AwsCli cli;

    @BeforeEach
    void start() {
        fixture = new SsoAdminFixture(dataDir);
        cli = new AwsCli(fixture.service.baseUrl(), home);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void anAdministratorScriptsPermissionSetsAndAssignments() throws Exception {
        String instance = aws("list-instances").path("Instances").path(0).path("InstanceArn").asText();
        assertThat(instance).isEqualTo(fixture.instanceArn);

        JsonNode created = aws("create-permission-set", "--instance-arn", instance, "--name", "CliAccess",
                "--session-duration", "PT2H", "--tags", "Key=team,Value=ops").path("PermissionSet");
        String arn = created.path("PermissionSetArn").asText();
        assertThat(created.path("SessionDuration").asText()).isEqualTo("PT2H");
        assertThat(aws("list-permission-sets", "--instance-arn", instance).path("PermissionSets"))
                .extracting(JsonNode::asText).contains(arn);
        assertThat(aws("list-tags-for-resource", "--instance-arn", instance, "--resource-arn", arn)
                .path("Tags").path(0).path("Value").asText()).isEqualTo("ops");

        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\","
                + "\"Resource\":\"*\"}]}";
        aws("put-inline-policy-to-permission-set", "--instance-arn", instance, "--permission-set-arn", arn,
                "--inline-policy", policy);
        assertThat(aws("get-inline-policy-for-permission-set", "--instance-arn", instance, "--permission-set-arn", arn)
                .path("InlinePolicy").asText()).isEqualTo(policy);

        String requestId = aws("create-account-assignment", "--instance-arn", instance, "--target-id",
                TestDirectory.DEV, "--target-type", "AWS_ACCOUNT", "--permission-set-arn", arn, "--principal-type",
                "USER", "--principal-id", fixture.userId("bob"))
                .path("AccountAssignmentCreationStatus").path("RequestId").asText();
        assertThat(aws("describe-account-assignment-creation-status", "--instance-arn", instance,
                "--account-assignment-creation-request-id", requestId).path("AccountAssignmentCreationStatus")
                .path("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(aws("list-account-assignments", "--instance-arn", instance, "--account-id", TestDirectory.DEV,
                "--permission-set-arn", arn).path("AccountAssignments").path(0).path("PrincipalId").asText())
                .isEqualTo(fixture.userId("bob"));

        AwsCli.Result again = run("create-permission-set", "--instance-arn", instance, "--name", "cliaccess");
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.stderr()).contains("ConflictException").contains("cliaccess");
    }

    private JsonNode aws(String... args) throws IOException, InterruptedException {
        return cli.json(prepend(args));
    }

    private AwsCli.Result run(String... args) throws IOException, InterruptedException {
        return cli.run(prepend(args));
    }

    private static String[] prepend(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "sso-admin";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
