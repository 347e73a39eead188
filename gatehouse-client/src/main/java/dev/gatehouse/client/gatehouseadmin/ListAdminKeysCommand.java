package dev.gatehouse.client.gatehouseadmin;

import dev.gatehouse.client.gatehouseadmin.model.ListAdminKeysInput;
import dev.gatehouse.client.gatehouseadmin.model.ListAdminKeysOutput;
import dev.gatehouse.client.internal.JsonObject;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * ListAdminKeys — {@code {"NextToken"?, "MaxResults"?}} → {@code {"AdminKeys": [...], "NextToken"?}}.
 * For all pages, see {@link GatehouseAdminClient#listAdminKeysPaginator}.
 */
public final class ListAdminKeysCommand extends GatehouseAdminCommand<ListAdminKeysInput, ListAdminKeysOutput> {
    public ListAdminKeysCommand(ListAdminKeysInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "ListAdminKeys";
    }

    @Override
    protected WireRequest request() {
        Map<String, Object> members = new HashMap<>();
        members.put("NextToken", input().nextToken());
        members.put("MaxResults", input().maxResults());
        return call(members, true);
    }

    @Override
    protected ListAdminKeysOutput output(WireResponse response) {
        JsonObject body = response.json();
        return new ListAdminKeysOutput(body.objects("AdminKeys").stream().map(AdminKeys::read).toList(),
                body.string("NextToken"));
    }
}
