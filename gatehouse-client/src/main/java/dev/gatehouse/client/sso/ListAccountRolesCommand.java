package dev.gatehouse.client.sso;

import dev.gatehouse.client.internal.JsonObject;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import dev.gatehouse.client.sso.model.ListAccountRolesInput;
import dev.gatehouse.client.sso.model.ListAccountRolesOutput;
import dev.gatehouse.client.sso.model.RoleInfo;

/**
 * ListAccountRoles — {@code GET /assignment/roles?account_id=&next_token=&max_result=} with the
 * access token in {@code x-amz-sso_bearer_token}. Answers {@code {"nextToken", "roleList":
 * [{roleName, accountId}]}}. For all pages, see {@link SsoClient#listAccountRolesPaginator}.
 */
public final class ListAccountRolesCommand extends SsoCommand<ListAccountRolesInput, ListAccountRolesOutput> {
    public ListAccountRolesCommand(ListAccountRolesInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "ListAccountRoles";
    }

    @Override
    protected WireRequest request() {
        return page(WireRequest.get(operationName(), "/assignment/roles").query("account_id", input().accountId()), input());
    }

    @Override
    protected ListAccountRolesOutput output(WireResponse response) {
        JsonObject body = response.json();
        return new ListAccountRolesOutput(body.string("nextToken"), body.objects("roleList").stream()
                .map(r -> new RoleInfo(r.string("roleName"), r.string("accountId")))
                .toList());
    }
}
