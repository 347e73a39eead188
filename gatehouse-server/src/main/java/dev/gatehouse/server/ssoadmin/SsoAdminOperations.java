package dev.gatehouse.server.ssoadmin;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.directory.DirectoryIds;
import dev.gatehouse.domain.ssoadmin.SsoAdmin;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.admin.AdminTargets.Service;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sso-admin operations Gatehouse serves (those Terraform's {@code aws_ssoadmin_*} resources and the
 * AWS CLI use), keyed by their {@code X-Amz-Target}, each one handler over the domain's
 * {@link SsoAdmin} use cases on the live directory.
 */
public final class SsoAdminOperations {
    private SsoAdminOperations() {
    }

    public static Map<String, AdminOperation> all(Gatehouse gatehouse) {
        SsoAdmin admin = SsoAdmin.create(gatehouse.liveDirectory(), gatehouse.clock());
        DirectoryIds ids = gatehouse.directory().ids();
        Map<String, AdminOperation> operations = new LinkedHashMap<>();
        operations.put(target("ListInstances"), new ListInstancesHandler(ids));
        operations.put(target("DescribeInstance"), new DescribeInstanceHandler(admin.scope(), ids));
        operations.put(target("CreatePermissionSet"), new CreatePermissionSetHandler(admin.permissionSets()));
        operations.put(target("DescribePermissionSet"), new DescribePermissionSetHandler(admin.permissionSets()));
        operations.put(target("UpdatePermissionSet"), new UpdatePermissionSetHandler(admin.permissionSets()));
        operations.put(target("DeletePermissionSet"), new DeletePermissionSetHandler(admin.permissionSets()));
        operations.put(target("ListPermissionSets"), new ListPermissionSetsHandler(admin.permissionSets()));
        operations.put(target("CreateAccountAssignment"), new CreateAccountAssignmentHandler(admin.assignments()));
        operations.put(target("DeleteAccountAssignment"), new DeleteAccountAssignmentHandler(admin.assignments()));
        operations.put(target("DescribeAccountAssignmentCreationStatus"),
                new DescribeAccountAssignmentCreationStatusHandler(admin.statuses()));
        operations.put(target("DescribeAccountAssignmentDeletionStatus"),
                new DescribeAccountAssignmentDeletionStatusHandler(admin.statuses()));
        operations.put(target("ListAccountAssignmentCreationStatus"),
                new ListAccountAssignmentCreationStatusHandler(admin.statuses()));
        operations.put(target("ListAccountAssignmentDeletionStatus"),
                new ListAccountAssignmentDeletionStatusHandler(admin.statuses()));
        operations.put(target("ListAccountAssignments"), new ListAccountAssignmentsHandler(admin.assignments()));
        operations.put(target("ListAccountAssignmentsForPrincipal"),
                new ListAccountAssignmentsForPrincipalHandler(admin.assignments()));
        operations.put(target("ListAccountsForProvisionedPermissionSet"),
                new ListAccountsForProvisionedPermissionSetHandler(admin.provisioning()));
        operations.put(target("ListPermissionSetsProvisionedToAccount"),
                new ListPermissionSetsProvisionedToAccountHandler(admin.provisioning()));
        operations.put(target("ProvisionPermissionSet"), new ProvisionPermissionSetHandler(admin.provisioning()));
        operations.put(target("DescribePermissionSetProvisioningStatus"),
                new DescribePermissionSetProvisioningStatusHandler(admin.statuses()));
        operations.put(target("ListPermissionSetProvisioningStatus"),
                new ListPermissionSetProvisioningStatusHandler(admin.statuses()));
        operations.put(target("TagResource"), new TagResourceHandler(admin.tags()));
        operations.put(target("UntagResource"), new UntagResourceHandler(admin.tags()));
        operations.put(target("ListTagsForResource"), new ListTagsForResourceHandler(admin.tags()));
        operations.put(target("PutInlinePolicyToPermissionSet"),
                new PutInlinePolicyToPermissionSetHandler(admin.policies()));
        operations.put(target("GetInlinePolicyForPermissionSet"),
                new GetInlinePolicyForPermissionSetHandler(admin.policies()));
        operations.put(target("DeleteInlinePolicyFromPermissionSet"),
                new DeleteInlinePolicyFromPermissionSetHandler(admin.policies()));
        operations.put(target("AttachManagedPolicyToPermissionSet"),
                new AttachManagedPolicyToPermissionSetHandler(admin.policies()));
        operations.put(target("DetachManagedPolicyFromPermissionSet"),
                new DetachManagedPolicyFromPermissionSetHandler(admin.policies()));
        operations.put(target("ListManagedPoliciesInPermissionSet"),
                new ListManagedPoliciesInPermissionSetHandler(admin.policies()));
        operations.put(target("AttachCustomerManagedPolicyReferenceToPermissionSet"),
                new AttachCustomerManagedPolicyReferenceToPermissionSetHandler(admin.policies()));
        operations.put(target("DetachCustomerManagedPolicyReferenceFromPermissionSet"),
                new DetachCustomerManagedPolicyReferenceFromPermissionSetHandler(admin.policies()));
        operations.put(target("ListCustomerManagedPolicyReferencesInPermissionSet"),
                new ListCustomerManagedPolicyReferencesInPermissionSetHandler(admin.policies()));
        operations.put(target("PutPermissionsBoundaryToPermissionSet"),
                new PutPermissionsBoundaryToPermissionSetHandler(admin.policies()));
        operations.put(target("GetPermissionsBoundaryForPermissionSet"),
                new GetPermissionsBoundaryForPermissionSetHandler(admin.policies()));
        operations.put(target("DeletePermissionsBoundaryFromPermissionSet"),
                new DeletePermissionsBoundaryFromPermissionSetHandler(admin.policies()));
        return Map.copyOf(operations);
    }

    private static String target(String operation) {
        return Service.SSO_ADMIN.target(operation);
    }
}
