package dev.gatehouse.client.sso;

import dev.gatehouse.client.ClientBuilder;
import dev.gatehouse.client.Paginator;
import dev.gatehouse.client.RetryPolicy;
import dev.gatehouse.client.ServiceClient;
import dev.gatehouse.client.internal.HttpTransport;
import dev.gatehouse.client.sso.model.AccountInfo;
import dev.gatehouse.client.sso.model.ListAccountRolesInput;
import dev.gatehouse.client.sso.model.ListAccountRolesOutput;
import dev.gatehouse.client.sso.model.ListAccountsInput;
import dev.gatehouse.client.sso.model.ListAccountsOutput;
import dev.gatehouse.client.sso.model.PagedInput;
import dev.gatehouse.client.sso.model.RoleInfo;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The access portal (service {@code sso}), one command per operation:
 * <pre>{@code
 * try (SsoClient sso = SsoClient.builder()
 *         .endpointOverride(URI.create("http://127.0.0.1:8080"))   // or just .region("eu-west-1") for AWS
 *         .build()) {
 *     ListAccountsOutput page = sso.send(new ListAccountsCommand(ListAccountsInput.of(accessToken)));
 *     for (AccountInfo account : sso.listAccountsPaginator(ListAccountsInput.of(accessToken))) {
 *         System.out.println(account.accountId() + " " + account.accountName());
 *     }
 *     RoleCredentials credentials = sso.send(new GetRoleCredentialsCommand(
 *             GetRoleCredentialsInput.of(accessToken, "111111111111", "AdministratorAccess"))).roleCredentials();
 * } catch (UnauthorizedException e) {
 *     // the access token expired or was logged out: sign in again
 *     System.err.println("Sign in again (" + e.errorMessage() + ", request id " + e.requestId() + ")");
 * }
 * }</pre>
 *
 * <p>Operations: {@link LogoutCommand}, {@link GetRoleCredentialsCommand}, {@link ListAccountsCommand},
 * {@link ListAccountRolesCommand}; paginators {@link #listAccountsPaginator} and
 * {@link #listAccountRolesPaginator}. Errors are {@link dev.gatehouse.client.sso.model.SsoServiceException}
 * and its subclasses (status, request id, code, message, fault), or
 * {@link dev.gatehouse.client.GatehouseClientException} when the service could not be reached.
 * Throttling and 5xx answers are retried as {@link RetryPolicy} says (3 attempts by default).
 *
 * <p>Without an endpoint override the client talks to {@code https://portal.sso.{region}.amazonaws.com}.
 * Every call is unsigned: the caller is the access token. A client is thread-safe; build one and
 * share it, and close it when done (it closes the HTTP client it built).
 */
public final class SsoClient extends ServiceClient {
    /** The service's endpoint prefix: {@code https://portal.sso.{region}.amazonaws.com}. */
    public static final String ENDPOINT_PREFIX = "portal.sso";

    private SsoClient(HttpTransport transport) {
        super(transport, SsoErrors::toException);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sends one command and returns its output, after any retries. */
    public <I, O> O send(SsoCommand<I, O> command) {
        return execute(command);
    }

    /**
     * Sends one command without blocking the caller. The future fails with the same exceptions as
     * {@link #send} (wrapped in a {@link java.util.concurrent.CompletionException} by {@code join}).
     */
    public <I, O> CompletableFuture<O> sendAsync(SsoCommand<I, O> command) {
        return executeAsync(command);
    }

    /** Every account of the caller, across all pages of ListAccounts, starting at the input's page. */
    public Paginator<ListAccountsOutput, AccountInfo> listAccountsPaginator(ListAccountsInput input) {
        return paginator(input, ListAccountsCommand::new, ListAccountsOutput::nextToken, ListAccountsOutput::accountList);
    }

    /** Every role of the caller in one account, across all pages of ListAccountRoles. */
    public Paginator<ListAccountRolesOutput, RoleInfo> listAccountRolesPaginator(ListAccountRolesInput input) {
        return paginator(input, ListAccountRolesCommand::new, ListAccountRolesOutput::nextToken,
                ListAccountRolesOutput::roleList);
    }

    private <T extends PagedInput<T>, P, E> Paginator<P, E> paginator(T input, Function<T, SsoCommand<T, P>> command,
                                                                      Function<P, String> nextToken,
                                                                      Function<P, List<E>> items) {
        return Paginator.of(input.nextToken(), token -> send(command.apply(input.withNextToken(token))), nextToken, items);
    }

    /** Builds an {@link SsoClient}; see {@link ClientBuilder} for the settings. */
    public static final class Builder extends ClientBuilder<Builder> {
        private Builder() {
        }

        public SsoClient build() {
            return new SsoClient(transport("SsoClient", ENDPOINT_PREFIX));
        }
    }
}
