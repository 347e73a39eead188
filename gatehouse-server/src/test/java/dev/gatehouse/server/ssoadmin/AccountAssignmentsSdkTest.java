package dev.gatehouse.server.ssoadmin;

import static dev.gatehouse.server.ssoadmin.SsoAdminFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.server.StockSdk;
import dev.gatehouse.server.TestDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatusMetadata;
import software.amazon.awssdk.services.ssoadmin.model.CreateAccountAssignmentRequest;
import software.amazon.awssdk.services.ssoadmin.model.DeleteAccountAssignmentRequest;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSetProvisioningStatus;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSetProvisioningStatusMetadata;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.ProvisionTargetType;
import software.amazon.awssdk.services.ssoadmin.model.ProvisioningStatus;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;
import software.amazon.awssdk.services.ssoadmin.model.ValidationException;

/**
 * sso-admin's account assignments, their request statuses and provisioning, through the stock SDK;
 * and their effect on the access portal, through the stock {@link SsoClient}: a new assignment is
 * offered, with its permission set's session duration, and a removed one is refused, on the next call.
 */
class AccountAssignmentsSdkTest {
    @TempDir
    Path dataDir;
    SsoAdminFixture fixture;
    SsoAdminClient admin;
    String instance;
    SsoClient portal;

    @BeforeEach
    void start() {
        fixture = new SsoAdminFixture(dataDir);
        admin = fixture.admin;
        instance = fixture.instanceArn;
        portal = StockSdk.sso(fixture.service.baseUrl());
    }

    @AfterEach
    void stop() {
        portal.close();
        fixture.close();
    }

    private CreateAccountAssignmentRequest assignment(String account, String permissionSetArn, PrincipalType type,
                                                      String principalId) {
        return CreateAccountAssignmentRequest.builder().instanceArn(instance).targetType(TargetType.AWS_ACCOUNT)
                .targetId(account).permissionSetArn(permissionSetArn).principalType(type).principalId(principalId)
                .build();
    }

    private DeleteAccountAssignmentRequest removal(CreateAccountAssignmentRequest made) {
        return DeleteAccountAssignmentRequest.builder().instanceArn(made.instanceArn()).targetType(made.targetType())
                .targetId(made.targetId()).permissionSetArn(made.permissionSetArn())
                .principalType(made.principalType()).principalId(made.principalId()).build();
    }

    @Test
    void aNewAssignmentYieldsRoleCredentialsOfItsPermissionSetsDuration() {
        String token = fixture.service.signIn("bob");
        String arn = fixture.createPermissionSet("ThreeHours", "PT3H").permissionSetArn();
        assertForbidden(() -> portal.listAccountRoles(r -> r.accessToken(token).accountId(TestDirectory.SANDBOX)));

        var made = assignment(TestDirectory.SANDBOX, arn, PrincipalType.USER, fixture.userId("bob"));
        AccountAssignmentOperationStatus status = admin.createAccountAssignment(made).accountAssignmentCreationStatus();
        assertThat(status.status()).isEqualTo(StatusValues.SUCCEEDED);
        assertThat(status.requestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(status.targetId()).isEqualTo(TestDirectory.SANDBOX);
        assertThat(status.principalId()).isEqualTo(fixture.userId("bob"));

        assertThat(portal.listAccountRoles(r -> r.accessToken(token).accountId(TestDirectory.SANDBOX)).roleList())
                .extracting(RoleInfo::roleName).containsExactly("ThreeHours");
        Instant now = fixture.service.clock.instant();
        var credentials = portal.getRoleCredentials(r -> r.accessToken(token).accountId(TestDirectory.SANDBOX)
                .roleName("ThreeHours")).roleCredentials();
        assertThat(credentials.expiration()).isEqualTo(now.plus(Duration.ofHours(3)).toEpochMilli());
    }

    @Test
    void aRemovedAssignmentIsRefusedOnTheNextPortalCall() {
        String token = fixture.service.signIn("alice");
        String readOnly = fixture.service.gatehouse.directory().permissionSet("ReadOnlyAccess").orElseThrow().arn();
        assertThat(portal.getRoleCredentials(r -> r.accessToken(token).accountId(TestDirectory.PROD)
                .roleName("ReadOnlyAccess")).roleCredentials().accessKeyId()).startsWith("ASIA");

        var fileAssignment = assignment(TestDirectory.PROD, readOnly, PrincipalType.USER, fixture.userId("alice"));
        AccountAssignmentOperationStatus deletion = admin.deleteAccountAssignment(removal(fileAssignment))
                .accountAssignmentDeletionStatus();
        assertThat(deletion.status()).isEqualTo(StatusValues.SUCCEEDED);

        assertForbidden(() -> portal.getRoleCredentials(r -> r.accessToken(token).accountId(TestDirectory.PROD)
                .roleName("ReadOnlyAccess")));
        assertThat(portal.listAccountRoles(r -> r.accessToken(token).accountId(TestDirectory.PROD)).roleList())
                .extracting(RoleInfo::roleName).containsExactly("AdministratorAccess");

        var viaGroup = assignment(TestDirectory.PROD, fixture.service.gatehouse.directory()
                .permissionSet("AdministratorAccess").orElseThrow().arn(), PrincipalType.GROUP, fixture.groupId("admins"));
        admin.deleteAccountAssignment(removal(viaGroup));
        assertForbidden(() -> portal.listAccountRoles(r -> r.accessToken(token).accountId(TestDirectory.PROD)));
        assertForbidden(() -> portal.getRoleCredentials(r -> r.accessToken(token).accountId(TestDirectory.PROD)
                .roleName("AdministratorAccess")));
        assertFails(ResourceNotFoundException.class, "No such account assignment",
                () -> admin.deleteAccountAssignment(removal(viaGroup)));
    }

    private static void assertForbidden(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SsoException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ForbiddenException");
        });
    }

    @Test
    void requestStatusesAreStoredDescribedAndListedByStatus() {
        String arn = fixture.createPermissionSet("Statuses", null).permissionSetArn();
        String bob = fixture.userId("bob");
        List<String> created = new java.util.ArrayList<>();
        for (String account : List.of(TestDirectory.PROD, TestDirectory.DEV, TestDirectory.SANDBOX)) {
            fixture.service.clock.advance(Duration.ofSeconds(1));
            created.add(admin.createAccountAssignment(assignment(account, arn, PrincipalType.USER, bob))
                    .accountAssignmentCreationStatus().requestId());
        }
        String deletion = admin.deleteAccountAssignment(removal(assignment(TestDirectory.DEV, arn, PrincipalType.USER,
                bob))).accountAssignmentDeletionStatus().requestId();

        AccountAssignmentOperationStatus described = admin.describeAccountAssignmentCreationStatus(r -> r
                .instanceArn(instance).accountAssignmentCreationRequestId(created.get(1)))
                .accountAssignmentCreationStatus();
        assertThat(described.status()).isEqualTo(StatusValues.SUCCEEDED);
        assertThat(described.targetId()).isEqualTo(TestDirectory.DEV);
        assertThat(described.permissionSetArn()).isEqualTo(arn);
        assertThat(described.principalType()).isEqualTo(PrincipalType.USER);
        assertThat(admin.describeAccountAssignmentDeletionStatus(r -> r.instanceArn(instance)
                .accountAssignmentDeletionRequestId(deletion)).accountAssignmentDeletionStatus().targetId())
                .isEqualTo(TestDirectory.DEV);
        assertFails(ResourceNotFoundException.class, deletion, () -> admin.describeAccountAssignmentCreationStatus(r -> r
                .instanceArn(instance).accountAssignmentCreationRequestId(deletion)));
        assertFails(ValidationException.class, "'accountAssignmentCreationRequestId'",
                () -> admin.describeAccountAssignmentCreationStatus(r -> r.instanceArn(instance)
                        .accountAssignmentCreationRequestId("not-a-uuid")));

        List<String> listed = admin.listAccountAssignmentCreationStatusPaginator(r -> r.instanceArn(instance)
                .maxResults(2).filter(f -> f.status(StatusValues.SUCCEEDED))).accountAssignmentsCreationStatus()
                .stream().map(AccountAssignmentOperationStatusMetadata::requestId).toList();
        assertThat(listed).containsExactlyElementsOf(created);
        assertThat(admin.listAccountAssignmentCreationStatus(r -> r.instanceArn(instance)
                .filter(f -> f.status(StatusValues.FAILED))).accountAssignmentsCreationStatus()).isEmpty();
        assertThat(admin.listAccountAssignmentDeletionStatusPaginator(r -> r.instanceArn(instance))
                .accountAssignmentsDeletionStatus()).extracting(AccountAssignmentOperationStatusMetadata::requestId)
                .containsExactly(deletion);
    }

    @Test
    void assignmentsAreListedByAccountAndByPrincipal() {
        String arn = fixture.createPermissionSet("Listed", null).permissionSetArn();
        String bob = fixture.userId("bob");
        String admins = fixture.groupId("admins");
        admin.createAccountAssignment(assignment(TestDirectory.DEV, arn, PrincipalType.USER, bob));
        admin.createAccountAssignment(assignment(TestDirectory.DEV, arn, PrincipalType.GROUP, admins));
        admin.createAccountAssignment(assignment(TestDirectory.PROD, arn, PrincipalType.USER, bob));
        admin.createAccountAssignment(assignment(TestDirectory.PROD, arn, PrincipalType.USER, bob)); // again: no change

        List<AccountAssignment> inDev = admin.listAccountAssignmentsPaginator(r -> r.instanceArn(instance)
                .accountId(TestDirectory.DEV).permissionSetArn(arn).maxResults(1)).accountAssignments().stream().toList();
        assertThat(inDev).extracting(AccountAssignment::principalId).containsExactlyInAnyOrder(bob, admins);
        assertThat(inDev).extracting(AccountAssignment::accountId).containsOnly(TestDirectory.DEV);

        var ofBob = admin.listAccountAssignmentsForPrincipalPaginator(r -> r.instanceArn(instance)
                .principalType(PrincipalType.USER).principalId(bob).maxResults(1)).accountAssignments().stream().toList();
        assertThat(ofBob).extracting(a -> a.accountId() + "/" + a.permissionSetArn()).containsExactlyInAnyOrder(
                TestDirectory.DEV + "/" + arn, TestDirectory.PROD + "/" + arn,
                TestDirectory.DEV + "/" + fixture.service.gatehouse.directory().permissionSet("ReadOnlyAccess")
                        .orElseThrow().arn());
        assertThat(admin.listAccountAssignmentsForPrincipal(r -> r.instanceArn(instance)
                .principalType(PrincipalType.USER).principalId(bob).filter(f -> f.accountId(TestDirectory.PROD)))
                .accountAssignments()).hasSize(1);
    }

    @Test
    void anAssignmentNamesAnAccountOfTheFileAndAnExistingPrincipalOfItsType() {
        String arn = fixture.createPermissionSet("Checked", null).permissionSetArn();
        String bob = fixture.userId("bob");
        assertFails(ResourceNotFoundException.class, "999999999999", () -> admin.createAccountAssignment(
                assignment("999999999999", arn, PrincipalType.USER, bob)));
        assertFails(ResourceNotFoundException.class, bob, () -> admin.createAccountAssignment(
                assignment(TestDirectory.DEV, arn, PrincipalType.GROUP, bob)));
        String unknown = bob.substring(0, 11) + "00000000-0000-4000-8000-000000000000";
        assertFails(ResourceNotFoundException.class, unknown, () -> admin.createAccountAssignment(
                assignment(TestDirectory.DEV, arn, PrincipalType.USER, unknown)));
        assertFails(ResourceNotFoundException.class, "PermissionSet", () -> admin.createAccountAssignment(
                assignment(TestDirectory.DEV, arn.substring(0, arn.length() - 16) + "0000000000000000",
                        PrincipalType.USER, bob)));
        assertFails(ValidationException.class, "'targetId'", () -> admin.createAccountAssignment(
                assignment("12345", arn, PrincipalType.USER, bob)));
        assertFails(ValidationException.class, "'principalId'", () -> admin.createAccountAssignment(
                assignment(TestDirectory.DEV, arn, PrincipalType.USER, "bob")));
        assertFails(ValidationException.class, "enum value set", () -> admin.createAccountAssignment(
                assignment(TestDirectory.DEV, arn, PrincipalType.USER, bob).toBuilder().targetType("OU").build()));
        assertThat(fixture.service.gatehouse.directory().assignments())
                .noneMatch(a -> a.permissionSetArn().equals(arn));
    }

    @Test
    void provisioningIsRecordedAndListed() {
        String arn = fixture.createPermissionSet("Provisioned", null).permissionSetArn();
        PermissionSetProvisioningStatus status = admin.provisionPermissionSet(r -> r.instanceArn(instance)
                .permissionSetArn(arn).targetType(ProvisionTargetType.AWS_ACCOUNT).targetId(TestDirectory.SANDBOX))
                .permissionSetProvisioningStatus();
        assertThat(status.status()).isEqualTo(StatusValues.SUCCEEDED);
        assertThat(status.accountId()).isEqualTo(TestDirectory.SANDBOX);
        admin.createAccountAssignment(assignment(TestDirectory.DEV, arn, PrincipalType.USER, fixture.userId("bob")));
        String again = admin.provisionPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
                .targetType(ProvisionTargetType.ALL_PROVISIONED_ACCOUNTS)).permissionSetProvisioningStatus().requestId();

        assertThat(admin.describePermissionSetProvisioningStatus(r -> r.instanceArn(instance)
                .provisionPermissionSetRequestId(status.requestId())).permissionSetProvisioningStatus())
                .isEqualTo(status);
        assertThat(admin.describePermissionSetProvisioningStatus(r -> r.instanceArn(instance)
                .provisionPermissionSetRequestId(again)).permissionSetProvisioningStatus().accountId()).isNull();
        assertThat(admin.listPermissionSetProvisioningStatusPaginator(r -> r.instanceArn(instance).maxResults(1))
                .permissionSetsProvisioningStatus()).extracting(PermissionSetProvisioningStatusMetadata::requestId)
                .containsExactlyInAnyOrder(status.requestId(), again);

        assertThat(admin.listAccountsForProvisionedPermissionSetPaginator(r -> r.instanceArn(instance)
                .permissionSetArn(arn).maxResults(1)).accountIds()).containsExactly(TestDirectory.DEV, TestDirectory.SANDBOX);
        assertThat(admin.listAccountsForProvisionedPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
                .provisioningStatus(ProvisioningStatus.LATEST_PERMISSION_SET_NOT_PROVISIONED)).accountIds()).isEmpty();
        assertThat(admin.listPermissionSetsProvisionedToAccountPaginator(r -> r.instanceArn(instance)
                .accountId(TestDirectory.SANDBOX).maxResults(1)).permissionSets()).containsExactlyInAnyOrder(arn,
                fixture.service.gatehouse.directory().permissionSet("ReadOnlyAccess").orElseThrow().arn());

        assertFails(ValidationException.class, "targetId", () -> admin.provisionPermissionSet(r -> r
                .instanceArn(instance).permissionSetArn(arn).targetType(ProvisionTargetType.AWS_ACCOUNT)));
        assertFails(ResourceNotFoundException.class, "999999999999", () -> admin.provisionPermissionSet(r -> r
                .instanceArn(instance).permissionSetArn(arn).targetType(ProvisionTargetType.AWS_ACCOUNT)
                .targetId("999999999999")));
    }
}
