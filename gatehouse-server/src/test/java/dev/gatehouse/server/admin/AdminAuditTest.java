package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.MutableClock;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.server.StderrCapture;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The audit line of an admin call: only changes, with the ids the input and output name (nested too),
 * and never a password, token or attribute value; values that could forge a log line are defused.
 */
class AdminAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
    private final AdminAudit audit = new AdminAudit(clock);
    private final AdminCaller caller = new AdminCaller("AKIAGATEHOUSETEST001");

    private static String logged(Runnable call) {
        return StderrCapture.during(call);
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
        assertThat(AdminAudit.changes("AWSIdentityStore.CreateUser")).isTrue();
        assertThat(AdminAudit.changes("SWBExternalService.ProvisionPermissionSet")).isTrue();
        assertThat(AdminAudit.changes("GatehouseAdmin.RevokeAdminKey")).isTrue();
        assertThat(logged(() -> audit.succeeded("AWSIdentityStore.ListUsers", caller, json("{\"IdentityStoreId\":\"d-1\"}"),
                json("{\"Users\":[{\"UserId\":\"u-1\"}]}")))).isEmpty();
    }

    @Test
    void aChangeNamesWhenWhoWhatAndTheResourcesButNoSecretOrAttributeValue() {
        String line = logged(() -> audit.succeeded("AWSIdentityStore.CreateGroupMembership", caller,
                json("{\"IdentityStoreId\":\"d-1\",\"GroupId\":\"g-1\",\"MemberId\":{\"UserId\":\"u-1\"},"
                        + "\"Password\":\"hunter2\",\"Operations\":[{\"AttributePath\":\"name.givenName\","
                        + "\"AttributeValue\":\"Secret Name\"}],\"Token\":\"tok-123\"}"),
                json("{\"MembershipId\":\"m-1\",\"SecretAccessKey\":\"abcdef\"}")));

        assertThat(line).contains("dev.gatehouse.audit").contains("event=admin_call").contains("at=2026-11-30T08:00:00Z")
                .contains("key=AKIAGATEHOUSETEST001").contains("target=AWSIdentityStore.CreateGroupMembership")
                .contains("GroupId=\"g-1\"").contains("UserId=\"u-1\"").contains("MembershipId=\"m-1\"")
                .doesNotContain("hunter2").doesNotContain("Secret Name").doesNotContain("tok-123")
                .doesNotContain("abcdef").doesNotContain("d-1");
        assertThat(line.lines()).hasSize(1);
    }

    @Test
    void assignmentIdsAndUserNamesAreNamedAndAForgedLineStaysOnOne() {
        String line = logged(() -> audit.succeeded("SWBExternalService.CreateAccountAssignment", caller,
                json("{\"TargetId\":\"111111111111\",\"PermissionSetArn\":\"arn:aws:sso:::permissionSet/ins/ps-1\","
                        + "\"PrincipalId\":\"u-1\",\"UserName\":\"eve\\n2026 event=admin_call key=FORGED \\\"x\\\"\"}"),
                json("{}")));

        assertThat(line).contains("TargetId=\"111111111111\"").contains("PermissionSetArn=\"arn:aws:sso:::permissionSet/ins/ps-1\"")
                .contains("PrincipalId=\"u-1\"").contains("UserName=\"eve?2026 event=admin_call key=FORGED ?x?\"");
        assertThat(line.lines()).hasSize(1);
    }

    @Test
    void aRefusalNamesThePresentedKeyAndTheReason() {
        String line = logged(() -> audit.refused("GatehouseAdmin.CreateAdminKey", "AKIAEXAMPLEEXAMPLE01", ErrorCode.SIGNATURE_MISMATCH));
        assertThat(line).contains("admin call refused").contains("key=AKIAEXAMPLEEXAMPLE01")
                .contains("target=\"GatehouseAdmin.CreateAdminKey\"").contains("reason=SIGNATURE_MISMATCH");
        assertThat(logged(() -> audit.refused(null, null, ErrorCode.UNSIGNED))).contains("key=- target=\"-\" reason=UNSIGNED");
    }
}
