package dev.gatehouse.client.sso.model;

import java.util.List;

/**
 * One page of ListAccountRoles.
 *
 * @param nextToken the token of the next page; null on the last page
 * @param roleList  this page's roles (never null)
 */
public record ListAccountRolesOutput(String nextToken, List<RoleInfo> roleList) {
    public ListAccountRolesOutput {
        roleList = roleList == null ? List.of() : List.copyOf(roleList);
    }
}
