package dev.gatehouse.server.identitystore;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.identitystore.Groups;
import dev.gatehouse.domain.identitystore.IdentityStore;
import dev.gatehouse.domain.identitystore.Memberships;
import dev.gatehouse.domain.identitystore.Users;
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
        IdentityStore store = new IdentityStore(gatehouse.liveDirectory(), gatehouse.sessions(), gatehouse.clock());
        Users users = store.users();
        Groups groups = store.groups();
        Memberships memberships = store.memberships();
        Map<String, AdminOperation> operations = new LinkedHashMap<>();
        operations.put(target("CreateUser"), new CreateUserHandler(users));
        operations.put(target("DescribeUser"), new DescribeUserHandler(users));
        operations.put(target("UpdateUser"), new UpdateUserHandler(users));
        operations.put(target("DeleteUser"), new DeleteUserHandler(users));
        operations.put(target("ListUsers"), new ListUsersHandler(users));
        operations.put(target("GetUserId"), new GetUserIdHandler(users));
        operations.put(target("CreateGroup"), new CreateGroupHandler(groups));
        operations.put(target("DescribeGroup"), new DescribeGroupHandler(groups));
        operations.put(target("UpdateGroup"), new UpdateGroupHandler(groups));
        operations.put(target("DeleteGroup"), new DeleteGroupHandler(groups));
        operations.put(target("ListGroups"), new ListGroupsHandler(groups));
        operations.put(target("GetGroupId"), new GetGroupIdHandler(groups));
        operations.put(target("CreateGroupMembership"), new CreateGroupMembershipHandler(memberships));
        operations.put(target("DescribeGroupMembership"), new DescribeGroupMembershipHandler(memberships));
        operations.put(target("DeleteGroupMembership"), new DeleteGroupMembershipHandler(memberships));
        operations.put(target("GetGroupMembershipId"), new GetGroupMembershipIdHandler(memberships));
        operations.put(target("ListGroupMemberships"), new ListGroupMembershipsHandler(memberships));
        operations.put(target("ListGroupMembershipsForMember"), new ListGroupMembershipsForMemberHandler(memberships));
        operations.put(target("IsMemberInGroups"), new IsMemberInGroupsHandler(memberships));
        return operations;
    }

    private static String target(String operation) {
        return Service.IDENTITY_STORE.target(operation);
    }
}
