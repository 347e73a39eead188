package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.server.audit.JsonLinesAuditLog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The AdminCall events of the admin APIs, as the JSON-lines audit log writes them: only changes (done
 * or failed) and refused signatures, with the key, the target and the ids the input and output name
 * (nested too), never a password, token or attribute value; a value that could forge a line is
 * defused.
 */
class AdminAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DomainFixture fx = new DomainFixture();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final AdminAudit audit = new AdminAudit(fx.gatehouse.audit());
    private final AdminCaller caller = new AdminCaller("AKIAGATEHOUSETEST001");

    AdminAuditTest() {
        fx.gatehouse.audit().addSink(JsonLinesAuditLog.to(log));
    }

    private List<String> lines() {
        return log.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private JsonNode onlyLine() {
        assertThat(lines()).hasSize(1);
        return json(lines().getFirst());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsAreNotAuditedAndEveryOtherOperationIs() {
        assertThat(AdminAudit.changes("AWSIdentityStore.DescribeUser")).isFalse();
        assertThat(AdminAudit.changes("AWSIdentityStore.ListUsers")).isFalse();
        assertThat(AdminAudit.changes("AWSIdentityStore.GetUserId")).isFalse();
        assertThat(AdminAudit.changes("AWSIdentityStore.IsMemberInGroups")).isFalse();
        assertThat(AdminAudit.changes("GatehouseAdmin.ListAuditEvents")).isFalse();
        assertThat(AdminAudit.changes("AWSIdentityStore.CreateUser")).isTrue();
        assertThat(AdminAudit.changes("SWBExternalService.ProvisionPermissionSet")).isTrue();
        assertThat(AdminAudit.changes("GatehouseAdmin.RevokeAdminKey")).isTrue();
        assertThat(AdminAudit.changes("GatehouseAdmin.EndSession")).isTrue();
        audit.succeeded("AWSIdentityStore.ListUsers", "identitystore", caller, json("{\"IdentityStoreId\":\"d-1\"}"),
                json("{\"Users\":[{\"UserId\":\"u-1\"}]}"));
        audit.failed("AWSIdentityStore.DescribeUser", "identitystore", caller, json("{}"), "RESOURCE_NOT_FOUND");
        assertThat(lines()).isEmpty();
    }

    @Test
    void aChangeNamesWhenWhoWhatAndTheResourcesButNoSecretOrAttributeValue() {
        audit.succeeded("AWSIdentityStore.CreateGroupMembership", "identitystore", caller,
                json("{\"IdentityStoreId\":\"d-1\",\"GroupId\":\"g-1\",\"MemberId\":{\"UserId\":\"" + fx.ann.id() + "\"},"
                        + "\"Password\":\"hunter2\",\"Operations\":[{\"AttributePath\":\"name.givenName\","
                        + "\"AttributeValue\":\"Secret Name\"}],\"Token\":\"tok-123\"}"),
                json("{\"MembershipId\":\"m-1\",\"SecretAccessKey\":\"abcdef\"}"));

        String line = lines().getFirst();
        JsonNode event = onlyLine();
        assertThat(event.path("time").asText()).isEqualTo("2026-11-24T12:00:00.000Z");
        assertThat(event.path("event").asText()).isEqualTo("AdminCall");
        assertThat(event.path("outcome").asText()).isEqualTo("success");
        assertThat(event.path("client").asText()).isEqualTo("AKIAGATEHOUSETEST001");
        assertThat(event.path("userId").asText()).isEqualTo(fx.ann.id());
        assertThat(event.path("user").asText()).isEqualTo("ann");
        JsonNode details = event.path("details");
        assertThat(details.path("target").asText()).isEqualTo("AWSIdentityStore.CreateGroupMembership");
        assertThat(details.path("operation").asText()).isEqualTo("CreateGroupMembership");
        assertThat(details.path("service").asText()).isEqualTo("identitystore");
        assertThat(details.path("GroupId").asText()).isEqualTo("g-1");
        assertThat(details.path("UserId").asText()).isEqualTo(fx.ann.id());
        assertThat(details.path("MembershipId").asText()).isEqualTo("m-1");
        assertThat(details.has("reason")).isFalse();
        assertThat(line).doesNotContain("hunter2").doesNotContain("Secret Name").doesNotContain("tok-123")
                .doesNotContain("abcdef").doesNotContain("d-1");
    }

    @Test
    void assignmentIdsAndUserNamesAreNamedAndAForgedLineStaysOnOne() {
        audit.succeeded("SWBExternalService.CreateAccountAssignment", "sso", caller,
                json("{\"TargetId\":\"111111111111\",\"PermissionSetArn\":\"arn:aws:sso:::permissionSet/ins/ps-1\","
                        + "\"PrincipalId\":\"u-1\",\"UserName\":\"eve\\n{\\\"event\\\":\\\"AdminCall\\\"}\\u0007\"}"),
                json("{}"));

        JsonNode details = onlyLine().path("details");
        assertThat(details.path("TargetId").asText()).isEqualTo("111111111111");
        assertThat(details.path("PermissionSetArn").asText()).isEqualTo("arn:aws:sso:::permissionSet/ins/ps-1");
        assertThat(details.path("PrincipalId").asText()).isEqualTo("u-1");
        assertThat(details.path("UserName").asText()).isEqualTo("eve?{\"event\":\"AdminCall\"}?");
    }

    @Test
    void aFailedChangeSaysWhyAndARefusalNamesThePresentedKeyAndTheReason() {
        audit.failed("GatehouseAdmin.EndSession", "gatehouse", caller, json("{\"SessionId\":\"s-1\"}"),
                "RESOURCE_NOT_FOUND");
        audit.refused("GatehouseAdmin.CreateAdminKey", "gatehouse", "AKIAEXAMPLEEXAMPLE01", "SIGNATURE_MISMATCH");
        audit.refused("GatehouseAdmin.ListSessions", "gatehouse", null, "UNSIGNED");

        assertThat(lines()).hasSize(3);
        JsonNode failed = json(lines().get(0));
        assertThat(failed.path("outcome").asText()).isEqualTo("failure");
        assertThat(failed.path("details").path("reason").asText()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(failed.path("details").path("SessionId").asText()).isEqualTo("s-1");
        JsonNode wrong = json(lines().get(1));
        assertThat(wrong.path("outcome").asText()).isEqualTo("denied");
        assertThat(wrong.path("client").asText()).isEqualTo("AKIAEXAMPLEEXAMPLE01");
        assertThat(wrong.path("details").path("target").asText()).isEqualTo("GatehouseAdmin.CreateAdminKey");
        assertThat(wrong.path("details").path("reason").asText()).isEqualTo("SIGNATURE_MISMATCH");
        JsonNode unsigned = json(lines().get(2));
        assertThat(unsigned.path("outcome").asText()).isEqualTo("denied");
        assertThat(unsigned.has("client")).isFalse();
        assertThat(unsigned.path("details").path("reason").asText()).isEqualTo("UNSIGNED");
    }

    @Test
    void aPresentedKeyIdThatMayBeASecretIsNotKept() {
        String pastedSecret = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY42";
        audit.refused("GatehouseAdmin.EndUserSessions", "gatehouse", pastedSecret, "UNKNOWN_ACCESS_KEY");

        String line = lines().getFirst();
        JsonNode refused = onlyLine();
        assertThat(line).doesNotContain(pastedSecret).doesNotContain(pastedSecret.substring(0, 12));
        assertThat(refused.has("client")).isFalse();
        assertThat(refused.path("details").path("reason").asText()).startsWith("UNKNOWN_ACCESS_KEY");
    }
}
