package dev.gatehouse.client.sso.model;

/** A role (permission set) the user may assume in an account, as ListAccountRoles lists it. */
public record RoleInfo(String roleName, String accountId) {
}
