package dev.gatehouse.server.ssoadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.server.OutsideTool;
import dev.gatehouse.server.TestDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    static final OutsideTool AWS_CLI = new OutsideTool("The AWS CLI test", AwsCliSsoAdminTest::missingCli,
            "install the AWS CLI (apt-get install awscli)");

    @TempDir
    Path dataDir;
    SsoAdminFixture fixture;

    @BeforeEach
    void start() {
        fixture = new SsoAdminFixture(dataDir);
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

        Result again = run("create-permission-set", "--instance-arn", instance, "--name", "cliaccess");
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.stderr()).contains("ConflictException").contains("cliaccess");
    }

    private JsonNode aws(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        assertThat(result.exitCode()).as("aws sso-admin %s: %s", args[0], result.stderr()).isZero();
        return result.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.stdout());
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "sso-admin"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", fixture.service.baseUrl().toString(), "--region", "us-east-1",
                "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dataDir.resolve("stdout").toFile())
                .redirectError(dataDir.resolve("stderr").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", TestDirectory.ADMIN_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", TestDirectory.ADMIN_SECRET);
        env.put("AWS_CONFIG_FILE", dataDir.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dataDir.resolve("no-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("AWS_PAGER", "");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("aws sso-admin " + args[0] + " did not finish in 60 s");
        }
        return new Result(process.exitValue(),
                Files.readString(dataDir.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(dataDir.resolve("stderr"), StandardCharsets.UTF_8));
    }

    private static String missingCli() {
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : "`aws --version` failed";
        } catch (IOException e) {
            return "the aws command is not on the PATH";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing aws";
        }
    }
}
