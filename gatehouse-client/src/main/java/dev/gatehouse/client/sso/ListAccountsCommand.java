package dev.gatehouse.client.sso;

import dev.gatehouse.client.internal.JsonObject;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import dev.gatehouse.client.sso.model.AccountInfo;
import dev.gatehouse.client.sso.model.ListAccountsInput;
import dev.gatehouse.client.sso.model.ListAccountsOutput;

/**
 * ListAccounts — {@code GET /assignment/accounts?next_token=&max_result=} (note the singular
 * {@code max_result}) with the access token in {@code x-amz-sso_bearer_token}. Answers
 * {@code {"nextToken", "accountList": [{accountId, accountName, emailAddress}]}}. For all pages, see
 * {@link SsoClient#listAccountsPaginator}.
 */
public final class ListAccountsCommand extends SsoCommand<ListAccountsInput, ListAccountsOutput> {
    public ListAccountsCommand(ListAccountsInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "ListAccounts";
    }

    @Override
    protected WireRequest request() {
        return page(WireRequest.get(operationName(), "/assignment/accounts"), input());
    }

    @Override
    protected ListAccountsOutput output(WireResponse response) {
        JsonObject body = response.json();
        return new ListAccountsOutput(body.string("nextToken"), body.objects("accountList").stream()
                .map(a -> new AccountInfo(a.string("accountId"), a.string("accountName"), a.string("emailAddress")))
                .toList());
    }
}
