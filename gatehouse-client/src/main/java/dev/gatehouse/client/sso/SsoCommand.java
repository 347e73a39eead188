package dev.gatehouse.client.sso;

import dev.gatehouse.client.ServiceCommand;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.sso.model.PagedInput;

/**
 * A command of the access portal, sent with {@link SsoClient#send}. One final class per operation;
 * each holds that operation's whole wire binding (method, path, query names, header) and reads its
 * response, so a newcomer finds "what goes on the wire for GetRoleCredentials" in one file.
 *
 * @param <I> the input
 * @param <O> the output
 */
public abstract sealed class SsoCommand<I, O> extends ServiceCommand<I, O>
        permits GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, LogoutCommand {
    /** The access token's header; note the underscore. */
    static final String BEARER_TOKEN = "x-amz-sso_bearer_token";

    SsoCommand(I input) {
        super(input);
    }

    /** The rest of a list operation's GET: which page, its size, and the access token. */
    static WireRequest page(WireRequest.Builder get, PagedInput<?> input) {
        return get.query("next_token", input.nextToken())
                .query("max_result", input.maxResults())
                .header(BEARER_TOKEN, input.accessToken())
                .build();
    }
}
