package dev.gatehouse.domain.ssoadmin;

import static dev.gatehouse.domain.DomainFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.PermissionSet.Boundary;
import dev.gatehouse.domain.directory.PermissionSet.PolicyReference;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.portal.PageRequest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PermissionSetPoliciesTest extends SsoAdminTestBase {
    private final PermissionSetPolicies policies = admin.policies();
    private final PermissionSet p = create("Policied");

    @Test
    void theInlinePolicyMayBeTenKibibytesAndNoMore() {
        String exact = "{" + "x".repeat(PermissionSetPolicies.INLINE_POLICY_BYTES - 2) + "}";
        policies.putInline(instance, p.arn(), exact, CALLER);
        assertThat(policies.inline(instance, p.arn())).contains(exact);
        assertFails(ErrorCode.SERVICE_QUOTA_EXCEEDED, () -> policies.putInline(instance, p.arn(), exact + " ", CALLER));
        String twoByteCharacters = "{" + "é".repeat(PermissionSetPolicies.INLINE_POLICY_BYTES / 2) + "}";
        assertFails(ErrorCode.SERVICE_QUOTA_EXCEEDED, () -> policies.putInline(instance, p.arn(), twoByteCharacters,
                CALLER));
        policies.deleteInline(instance, p.arn(), CALLER);
        assertThat(policies.inline(instance, p.arn())).isEmpty();
        policies.deleteInline(instance, p.arn(), CALLER);
    }

    @Test
    void twentyAttachedPoliciesInAllAndNoMore() {
        for (int i = 0; i < 10; i++) {
            policies.attachManaged(instance, p.arn(), "arn:aws:iam::aws:policy/M" + i, CALLER);
            policies.attachCustomerManaged(instance, p.arn(), new PolicyReference("C" + i, null), CALLER);
        }
        assertFails(ErrorCode.SERVICE_QUOTA_EXCEEDED, () -> policies.attachManaged(instance, p.arn(),
                "arn:aws:iam::aws:policy/M10", CALLER));
        assertFails(ErrorCode.SERVICE_QUOTA_EXCEEDED, () -> policies.attachCustomerManaged(instance, p.arn(),
                new PolicyReference("C10", "/"), CALLER));
        assertThat(policies.managed(instance, p.arn(), PageRequest.first()).items()).hasSize(10).startsWith(
                "arn:aws:iam::aws:policy/M0");
        assertThat(policies.customerManaged(instance, p.arn(), PageRequest.first()).items().getFirst())
                .isEqualTo(new PolicyReference("C0", "/"));
        policies.detachManaged(instance, p.arn(), "arn:aws:iam::aws:policy/M3", CALLER);
        policies.attachCustomerManaged(instance, p.arn(), new PolicyReference("C10", "/path/"), CALLER);
    }

    @Test
    void changesAreStampedAndKeptInTheStore() {
        fixture.advance(Duration.ofMinutes(1));
        policies.putBoundary(instance, p.arn(), new Boundary(Optional.empty(),
                Optional.of(new PolicyReference("Fence", null))), "AKIAOTHERCALLER00001");
        PermissionSet stored = secondInstance().directory().permissionSetByArn(p.arn()).orElseThrow();
        assertThat(stored.policies().boundary()).contains(new Boundary(Optional.empty(),
                Optional.of(new PolicyReference("Fence", "/"))));
        assertThat(stored.stamps().updatedBy()).isEqualTo("AKIAOTHERCALLER00001");
        assertThat(stored.stamps().updatedAt()).isEqualTo(fixture.clock.instant());
        assertThat(stored.stamps().createdBy()).isEqualTo(CALLER);
    }

    @Test
    void aBoundaryIsExactlyOneOfTwoAndMissingIsNotFound() {
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> policies.boundary(instance, p.arn()));
        assertFails(ErrorCode.VALIDATION, () -> policies.putBoundary(instance, p.arn(),
                new Boundary(Optional.empty(), Optional.empty()), CALLER));
        assertFails(ErrorCode.INVALID_REQUEST, () -> policies.putBoundary(instance, p.arn(),
                new Boundary(Optional.of("arn:aws:iam::123456789012:policy/Mine"), Optional.empty()), CALLER));
        policies.putBoundary(instance, p.arn(), new Boundary(Optional.of("arn:aws:iam::aws:policy/PowerUserAccess"),
                Optional.empty()), CALLER);
        assertThat(policies.boundary(instance, p.arn()).managedPolicyArn()).contains("arn:aws:iam::aws:policy/PowerUserAccess");
        policies.deleteBoundary(instance, p.arn(), CALLER);
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> policies.boundary(instance, p.arn()));
    }
}
