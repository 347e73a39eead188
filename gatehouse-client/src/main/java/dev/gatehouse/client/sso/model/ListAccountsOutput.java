package dev.gatehouse.client.sso.model;

import java.util.List;

/**
 * One page of ListAccounts.
 *
 * @param nextToken   the token of the next page; null on the last page
 * @param accountList this page's accounts (never null)
 */
public record ListAccountsOutput(String nextToken, List<AccountInfo> accountList) {
    public ListAccountsOutput {
        accountList = accountList == null ? List.of() : List.copyOf(accountList);
    }
}
