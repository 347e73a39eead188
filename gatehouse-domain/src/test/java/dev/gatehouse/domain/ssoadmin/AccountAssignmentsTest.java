package dev.gatehouse.domain.ssoadmin;

import static dev.gatehouse.domain.DomainFixture.ACCOUNT_1;
import static dev.gatehouse.domain.DomainFixture.ACCOUNT_2;
import static dev.gatehouse.domain.DomainFixture.UNASSIGNED_ACCOUNT;
import static dev.gatehouse.domain.DomainFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.directory.Assignment;
import dev.gatehouse.domain.directory.LiveDirectory;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.RequestStatus;
import dev.gatehouse.domain.directory.RequestStatus.Operation;
import dev.gatehouse.domain.directory.RequestStatus.Status;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.portal.PageRequest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountAssignmentsTest extends SsoAdminTestBase {
    private final AccountAssignments assignments = admin.assignments();

    private AccountAssignments.Target target(String account, String arn, String type, String principalId) {
        return new AccountAssignments.Target(instance, account, "AWS_ACCOUNT", arn, type, principalId);
    }

    @Test
    void anAssignmentIsInForceProvisionedAndItsStatusStored() {
        PermissionSet p = create("Deploy");
        RequestStatus status = assignments.create(target(UNASSIGNED_ACCOUNT, p.arn(), "USER", fixture.bob.id()), CALLER);
        assertThat(status.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(status.createdBy()).isEqualTo(CALLER);
        assertThat(fixture.directory.permissionSetsOf(fixture.bob, UNASSIGNED_ACCOUNT)).extracting(PermissionSet::name)
                .containsExactly("Deploy");
        assertThat(fixture.directory.permissionSetByArn(p.arn()).orElseThrow().provisionedTo())
                .containsExactly(UNASSIGNED_ACCOUNT);
        Assignment made = fixture.directory.assignmentsOf(fixture.bob.id()).iterator().next();
        assertThat(made.stamps().createdBy()).isEqualTo(CALLER);

        LiveDirectory other = secondInstance();
        SsoAdmin elsewhere = SsoAdmin.create(other, fixture.clock);
        assertThat(elsewhere.statuses().describe(instance, Operation.ASSIGNMENT_CREATION, "requestId",
                status.requestId())).isEqualTo(status);
    }

    @Test
    void removingTakesEffectAtOnceAndIsStatusedAsADeletion() {
        PermissionSet admin1 = fixture.directory.permissionSet("Admin").orElseThrow();
        RequestStatus removed = assignments.delete(target(ACCOUNT_1, admin1.arn(), "USER", fixture.ann.id()), CALLER);
        assertThat(fixture.directory.permissionSetsOf(fixture.ann, ACCOUNT_1)).extracting(PermissionSet::name)
                .containsExactly("Read");
        assertThat(removed.operation()).isEqualTo(Operation.ASSIGNMENT_DELETION);
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> admin.statuses().describe(instance,
                Operation.ASSIGNMENT_CREATION, "requestId", removed.requestId()));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> assignments.delete(target(ACCOUNT_1, admin1.arn(), "USER",
                fixture.ann.id()), CALLER));
    }

    @Test
    void makingOneThatExistsAgainChangesNothingButIsStatused() {
        PermissionSet read = fixture.directory.permissionSet("Read").orElseThrow();
        int before = fixture.directory.assignments().size();
        RequestStatus again = assignments.create(target(ACCOUNT_2, read.arn(), "USER", fixture.ann.id()), CALLER);
        assertThat(fixture.directory.assignments()).hasSize(before);
        assertThat(fixture.directory.requestStatus(again.requestId())).contains(again);
    }

    @Test
    void everyNameIsCheckedBeforeAnythingIsWritten() {
        PermissionSet p = create("Checked");
        String group = fixture.directory.groupByName("ops").orElseThrow().id();
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> assignments.create(target("999999999999", p.arn(), "USER",
                fixture.bob.id()), CALLER));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> assignments.create(target(ACCOUNT_1, p.arn(), "USER", group),
                CALLER));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> assignments.create(target(ACCOUNT_1, p.arn(), "GROUP",
                fixture.bob.id()), CALLER));
        assertFails(ErrorCode.INVALID_REQUEST, () -> assignments.create(target(ACCOUNT_1, p.arn(), "ROLE",
                fixture.bob.id()), CALLER));
        assertFails(ErrorCode.INVALID_REQUEST, () -> assignments.create(new AccountAssignments.Target(instance,
                ACCOUNT_1, "ORGANIZATIONAL_UNIT", p.arn(), "USER", fixture.bob.id()), CALLER));
        assertThat(fixture.directory.requestStatuses()).isEmpty();
        assignments.create(target(ACCOUNT_1, p.arn(), "GROUP", group), CALLER);
        assertThat(fixture.directory.permissionSetsOf(fixture.ann, ACCOUNT_1)).extracting(PermissionSet::name)
                .contains("Checked");
    }

    @Test
    void anAccountHoldsAtMostFiftyPermissionSets() {
        int already = Provisioning.permissionSetsProvisionedTo(fixture.directory, ACCOUNT_1).size();
        for (int i = already; i < Provisioning.PERMISSION_SETS_PER_ACCOUNT; i++) {
            assignments.create(target(ACCOUNT_1, create("Set" + i).arn(), "USER", fixture.bob.id()), CALLER);
        }
        PermissionSet oneTooMany = create("OneTooMany");
        assertFails(ErrorCode.SERVICE_QUOTA_EXCEEDED, () -> assignments.create(target(ACCOUNT_1, oneTooMany.arn(),
                "USER", fixture.bob.id()), CALLER));
        assertFails(ErrorCode.SERVICE_QUOTA_EXCEEDED, () -> admin.provisioning().provision(instance, oneTooMany.arn(),
                Optional.of(ACCOUNT_1), "AWS_ACCOUNT", CALLER));
        PermissionSet admin1 = fixture.directory.permissionSet("Admin").orElseThrow();
        assignments.create(target(ACCOUNT_1, admin1.arn(), "USER", fixture.bob.id()), CALLER);
    }

    @Test
    void statusesAreListedOldestFirstAndFiltered() {
        PermissionSet p = create("Listed");
        for (String account : new String[] {ACCOUNT_1, ACCOUNT_2, UNASSIGNED_ACCOUNT}) {
            fixture.advance(Duration.ofSeconds(1));
            assignments.create(target(account, p.arn(), "USER", fixture.bob.id()), CALLER);
        }
        var page = admin.statuses().list(instance, Operation.ASSIGNMENT_CREATION, Optional.of("SUCCEEDED"),
                new PageRequest(Optional.empty(), 2));
        assertThat(page.items()).hasSize(2);
        var rest = admin.statuses().list(instance, Operation.ASSIGNMENT_CREATION, Optional.empty(),
                new PageRequest(page.nextToken(), 2));
        assertThat(rest.items()).hasSize(1);
        assertThat(rest.items().getFirst().accountId()).contains(UNASSIGNED_ACCOUNT);
        assertThat(admin.statuses().list(instance, Operation.ASSIGNMENT_CREATION, Optional.of("IN_PROGRESS"),
                PageRequest.first()).items()).isEmpty();
        assertThat(admin.statuses().list(instance, Operation.PROVISIONING, Optional.empty(), PageRequest.first())
                .items()).isEmpty();
        assertFails(ErrorCode.INVALID_REQUEST, () -> admin.statuses().list(instance, Operation.ASSIGNMENT_CREATION,
                Optional.of("DONE"), PageRequest.first()));
    }

    @Test
    void provisioningRecordsTheAccountAndTheFilesAssignmentsCountAsProvisioned() {
        PermissionSet p = create("Prov");
        RequestStatus status = admin.provisioning().provision(instance, p.arn(), Optional.of(ACCOUNT_2), "AWS_ACCOUNT",
                CALLER);
        assertThat(status.accountId()).contains(ACCOUNT_2);
        assertThat(fixture.directory.permissionSetByArn(p.arn()).orElseThrow().provisionedTo()).containsExactly(ACCOUNT_2);
        PermissionSet read = fixture.directory.permissionSet("Read").orElseThrow();
        assertThat(admin.provisioning().accountsFor(instance, read.arn(), Optional.empty(), PageRequest.first()).items())
                .containsExactly(ACCOUNT_1, ACCOUNT_2);
        assertThat(admin.provisioning().permissionSetsIn(instance, ACCOUNT_2, Optional.empty(), PageRequest.first())
                .items()).containsExactlyInAnyOrder(p.arn(), read.arn());
        assertFails(ErrorCode.VALIDATION, () -> admin.provisioning().provision(instance, p.arn(), Optional.of(ACCOUNT_1),
                "ALL_PROVISIONED_ACCOUNTS", CALLER));
        assertFails(ErrorCode.INVALID_REQUEST, () -> admin.provisioning().provision(instance, p.arn(), Optional.empty(),
                "AWS_ACCOUNT", CALLER));
    }
}
