/**
 * A bare-bones Java client of IAM Identity Center's sign-in APIs — works against Gatehouse and AWS:
 * <pre>{@code
 * try (SsoClient sso = SsoClient.builder()
 *         .endpointOverride(URI.create("http://127.0.0.1:8080"))   // or just .region("eu-west-1") for AWS
 *         .build()) {
 *     ListAccountsOutput page = sso.send(new ListAccountsCommand(ListAccountsInput.of(accessToken)));
 *     for (AccountInfo account : sso.listAccountsPaginator(ListAccountsInput.of(accessToken))) {
 *         System.out.println(account.accountId() + " " + account.accountName());
 *     }
 * } catch (UnauthorizedException e) {
 *     // the access token expired or was logged out: sign in again
 *     System.err.println("Sign in again (" + e.errorMessage() + ", request id " + e.requestId() + ")");
 * }
 * }</pre>
 *
 * <p>Two clients, one per service: {@link dev.gatehouse.client.sso.SsoClient} (the access portal:
 * {@code LogoutCommand}, {@code GetRoleCredentialsCommand}, {@code ListAccountsCommand},
 * {@code ListAccountRolesCommand}) and {@link dev.gatehouse.client.ssooidc.SsoOidcClient}
 * ({@code RegisterClientCommand}, {@code StartDeviceAuthorizationCommand}, {@code CreateTokenCommand}).
 * {@code client.send(command)} sends one command (a {@link dev.gatehouse.client.Command}: an operation
 * and its immutable input) and returns that operation's immutable output; {@code sendAsync} returns
 * a {@link java.util.concurrent.CompletableFuture}. Inputs and outputs are records named after the
 * model's shapes, with the model's members; times are {@link java.time.Instant}s.
 *
 * <p>Errors: the service's answer becomes a {@link dev.gatehouse.client.ServiceException} subclass —
 * one per modeled error, for example {@code UnauthorizedException} — carrying the HTTP status, the
 * request id, the error code, the message and the {@link dev.gatehouse.client.Fault}; no answer at all
 * (connection refused, timeout) is a {@link dev.gatehouse.client.GatehouseClientException}.
 * Throttling and 5xx answers are retried with exponential backoff and full jitter
 * ({@link dev.gatehouse.client.RetryPolicy}).
 *
 * <p>Dependencies: the JDK's {@link java.net.http.HttpClient} and jackson-jr. Nothing is logged but
 * retries at DEBUG ({@link java.lang.System.Logger}), and never a token or secret; the
 * {@code toString} of every input and output masks them.
 */
package dev.gatehouse.client;
