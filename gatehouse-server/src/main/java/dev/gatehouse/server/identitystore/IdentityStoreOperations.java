package dev.gatehouse.server.identitystore;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.identitystore.IdentityStore;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.admin.AdminTargets.Service;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 19 operations of identitystore ({@code AWSIdentityStore.<Operation>}), one handler each, over
 * the one identity store this Gatehouse is, for the admin API's target table.
 */
public final class IdentityStoreOperations {
    private IdentityStoreOperations() {
    }

    /** Every identitystore operation, keyed by its full X-Amz-Target. */
    public static Map<String, AdminOperation> all(Gatehouse gatehouse) {
        IdentityStore store = new IdentityStore(gatehouse.liveDirectory(), gatehouse.clock());
        Map<String, AdminOperation> operations = new LinkedHashMap<>();
        operations.put(Service.IDENTITY_STORE.target("CreateUser"), new CreateUserHandler(store.users()));
        operations.put(Service.IDENTITY_STORE.target("DescribeUser"), new DescribeUserHandler(store.users()));
        operations.put(Service.IDENTITY_STORE.target("UpdateUser"), new UpdateUserHandler(store.users()));
        operations.put(Service.IDENTITY_STORE.target("DeleteUser"), new DeleteUserHandler(store.users()));
        operations.put(Service.IDENTITY_STORE.target("ListUsers"), new ListUsersHandler(store.users()));
        operations.put(Service.IDENTITY_STORE.target("GetUserId"), new GetUserIdHandler(store.users()));
        operations.put(Service.IDENTITY_STORE.target("CreateGroup"), new CreateGroupHandler(store.groups()));
        operations.put(Service.IDENTITY_STORE.target("DescribeGroup"), new DescribeGroupHandler(store.groups()));
        operations.put(Service.IDENTITY_STORE.target("UpdateGroup"), new UpdateGroupHandler(store.groups()));
        operations.put(Service.IDENTITY_STORE.target("DeleteGroup"), new DeleteGroupHandler(store.groups()));
        operations.put(Service.IDENTITY_STORE.target("ListGroups"), new ListGroupsHandler(store.groups()));
        operations.put(Service.IDENTITY_STORE.target("GetGroupId"), new GetGroupIdHandler(store.groups()));
        operations.put(Service.IDENTITY_STORE.target("CreateGroupMembership"), new CreateGroupMembershipHandler(store.memberships()));
        operations.put(Service.IDENTITY_STORE.target("DescribeGroupMembership"), new DescribeGroupMembershipHandler(store.memberships()));
        operations.put(Service.IDENTITY_STORE.target("DeleteGroupMembership"), new DeleteGroupMembershipHandler(store.memberships()));
        operations.put(Service.IDENTITY_STORE.target("GetGroupMembershipId"), new GetGroupMembershipIdHandler(store.memberships()));
        operations.put(Service.IDENTITY_STORE.target("ListGroupMemberships"), new ListGroupMembershipsHandler(store.memberships()));
        operations.put(Service.IDENTITY_STORE.target("ListGroupMembershipsForMember"), new ListGroupMembershipsForMemberHandler(store.memberships()));
        operations.put(Service.IDENTITY_STORE.target("IsMemberInGroups"), new IsMemberInGroupsHandler(store.memberships()));
        return operations;
    }
}
