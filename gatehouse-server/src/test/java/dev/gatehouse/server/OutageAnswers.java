package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.signin.SignIn;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.InternalServerException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What every API operation and every page answers while the store cannot serve, on either store:
 * the 503 of its API's error format (the access portal's ServiceUnavailableException, SSO OIDC's
 * InternalServerException, STS's ServiceUnavailable; a 503 page), with a fixed message and none of
 * the store's or the driver's words. {@link #prepare} gathers, while the store still serves, what
 * the calls need (tokens, a browser session and its form token, a client, role credentials).
 */
final class OutageAnswers {
    /** Words of the stores, the pool and the driver that must never reach a client. */
    static final List<String> STORE_WORDS = List.of("PostgreSQL", "postgres", "SQL", "Hikari", "jdbc", "is closed",
            "RocksDB", "could not write", "Connection", "refused");
    private static final String REDIRECT = "http://127.0.0.1:5000/callback";

    private final URI base;
    private final Prepared prepared;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What the calls need, made while the store serves. */
    record Prepared(String accessToken, String cookies, String csrf, String clientId, String clientSecret,
                    AwsSessionCredentials roleCredentials) {
    }

    private OutageAnswers(URI base, Prepared prepared) {
        this.base = base;
        this.prepared = prepared;
    }

    static OutageAnswers prepare(URI base, Gatehouse gatehouse) throws Exception {
        var alice = gatehouse.directory().user("alice").orElseThrow();
        String accessToken = gatehouse.tokens().issueAccessToken(gatehouse.sessions().start(alice), "test").secret();
        var signedIn = (SignIn.SignedIn) gatehouse.signIn().attempt(
                new SignIn.Attempt("alice", TestDirectory.PASSWORD, null, null, "127.0.0.1"));
        String sessionCookie = "gh_session=" + signedIn.browserToken().secret();
        OutageAnswers unprepared = new OutageAnswers(base, null);
        HttpResponse<String> portal = unprepared.page("GET", "/portal", sessionCookie, null);
        assertThat(portal.statusCode()).isEqualTo(200);
        String csrf = PageForms.csrfOf(portal);
        List<String> cookies = new ArrayList<>(List.of(sessionCookie));
        portal.headers().allValues("Set-Cookie").forEach(c -> cookies.add(c.split(";", 2)[0]));

        try (SsoOidcClient oidc = StockSdk.oidc(base); SsoClient sso = StockSdk.sso(base)) {
            var client = oidc.registerClient(r -> r.clientName("outage").clientType("public")
                    .grantTypes("urn:ietf:params:oauth:grant-type:device_code", "refresh_token", "authorization_code")
                    .redirectUris(REDIRECT));
            RoleCredentials role = sso.getRoleCredentials(r -> r.accessToken(accessToken)
                    .accountId(TestDirectory.PROD).roleName("AdministratorAccess")).roleCredentials();
            return new OutageAnswers(base, new Prepared(accessToken, String.join("; ", cookies), csrf,
                    client.clientId(), client.clientSecret(),
                    AwsSessionCredentials.create(role.accessKeyId(), role.secretAccessKey(), role.sessionToken())));
        }
    }

    /** A check of one request (the retrying one: of its attempts). */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    /**
     * Every check at once, each on its own thread: on PostgreSQL each request waits out the pool's
     * connection timeout, so one after the other they would take minutes.
     */
    void assertAllUnavailable() throws Exception {
        List<Check> checks = new ArrayList<>();
        checks.addAll(portalApi());
        checks.addAll(oidcApi());
        checks.add(sts());
        checks.addAll(pages());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (Check check : checks) {
                running.add(executor.submit(() -> {
                    check.run();
                    return null;
                }));
            }
            for (Future<?> done : running) {
                try {
                    done.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw (Exception) e.getCause();
                }
            }
        }
    }

    /** Every access-portal operation: 503 ServiceUnavailableException, through the stock SDK without retries. */
    private List<Check> portalApi() {
        String token = prepared.accessToken();
        return List.of(
                () -> portal(sso -> sso.listAccounts(r -> r.accessToken(token))),
                () -> portal(sso -> sso.listAccountRoles(r -> r.accessToken(token).accountId(TestDirectory.PROD))),
                () -> portal(sso -> sso.getRoleCredentials(r -> r.accessToken(token).accountId(TestDirectory.PROD)
                        .roleName("AdministratorAccess"))),
                () -> portal(sso -> sso.logout(r -> r.accessToken(token))));
    }

    private void portal(Consumer<SsoClient> call) {
        try (SsoClient sso = StockSdk.sso(base, o -> o.retryPolicy(p -> p.numRetries(0)))) {
            expect(() -> call.accept(sso), 503, "ServiceUnavailableException");
        }
    }

    /**
     * Every SSO OIDC operation (CreateToken with each grant): 503 with the model's InternalServerException,
     * which the stock SDK retries: with its standard retry mode, three attempts before it gives up.
     */
    private List<Check> oidcApi() {
        String id = prepared.clientId();
        String secret = prepared.clientSecret();
        return List.of(
                this::oidcRetried,
                () -> oidc(oidc -> oidc.startDeviceAuthorization(r -> r.clientId(id).clientSecret(secret)
                        .startUrl(base + "/start"))),
                () -> oidc(oidc -> oidc.createToken(r -> r.clientId(id).clientSecret(secret)
                        .grantType("urn:ietf:params:oauth:grant-type:device_code").deviceCode("ghdc_x"))),
                () -> oidc(oidc -> oidc.createToken(r -> r.clientId(id).clientSecret(secret).grantType("refresh_token")
                        .refreshToken("ghrt_x"))),
                () -> oidc(oidc -> oidc.createToken(r -> r.clientId(id).clientSecret(secret)
                        .grantType("authorization_code").code("ghac_x").redirectUri(REDIRECT)
                        .codeVerifier(Pkce.newVerifier()))));
    }

    private void oidcRetried() {
        AtomicInteger attempts = new AtomicInteger();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                attempts.incrementAndGet();
            }
        };
        try (SsoOidcClient retrying = StockSdk.oidc(base, o -> o.retryPolicy(RetryMode.STANDARD)
                .addExecutionInterceptor(counter))) {
            expectOidc(() -> retrying.registerClient(r -> r.clientName("during-outage").clientType("public")));
        }
        assertThat(attempts.get()).as("the SDK retries a 503").isEqualTo(3);
    }

    private void oidc(Consumer<SsoOidcClient> call) {
        try (SsoOidcClient oidc = StockSdk.oidc(base, o -> o.retryPolicy(p -> p.numRetries(0)))) {
            expectOidc(() -> call.accept(oidc));
        }
    }

    private static void expectOidc(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InternalServerException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.error()).isEqualTo("server_error");
            assertNoStoreWords(e.errorDescription());
        });
    }

    /** STS GetCallerIdentity, signed with good role credentials: 503 ServiceUnavailable. */
    private Check sts() {
        return () -> {
            try (StsClient sts = StockSdk.sts(base, prepared.roleCredentials(), o -> o.retryPolicy(p -> p.numRetries(0)))) {
                expect(sts::getCallerIdentity, 503, "ServiceUnavailable");
            }
        };
    }

    /** Every page that reads or writes the store: a 503 page. */
    private List<Check> pages() {
        String authorize = "response_type=code&client_id=" + prepared.clientId() + "&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&state=s&code_challenge="
                + Pkce.s256(Pkce.newVerifier()) + "&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess";
        return List.of(
                () -> expectPage("GET", "/portal", null),
                () -> expectPage("GET", "/portal/sessions", null),
                () -> expectPage("GET", "/login", null),
                () -> expectPage("GET", "/device?user_code=BCDF-GHJK", null),
                () -> expectPage("GET", "/authorize?" + authorize, null),
                () -> expectPage("POST", "/login", "username=alice&password="
                        + URLEncoder.encode(TestDirectory.PASSWORD, StandardCharsets.UTF_8)),
                () -> expectPage("POST", "/device", "user_code=BCDF-GHJK&action=approve"),
                () -> expectPage("POST", "/authorize", authorize + "&action=approve"),
                () -> expectPage("POST", "/portal/credentials",
                        "account_id=" + TestDirectory.PROD + "&role_name=AdministratorAccess"),
                () -> expectPage("POST", "/portal/sessions/end", "session_id=s-1&action=end"),
                () -> expectPage("POST", "/signout", ""));
    }

    private void expectPage(String method, String path, String form) throws Exception {
        String body = form == null ? null : form + (form.isEmpty() ? "" : "&") + "csrf="
                + URLEncoder.encode(prepared.csrf(), StandardCharsets.UTF_8);
        HttpResponse<String> answer = page(method, path, prepared.cookies(), body);
        assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(503);
        assertThat(answer.body()).as(method + " " + path).contains("Temporarily unavailable");
        assertNoStoreWords(answer.body());
    }

    static void assertNoStoreWords(String text) {
        for (String word : STORE_WORDS) {
            assertThat(text).as("no store or driver words reach the client").doesNotContainIgnoringCase(word);
        }
    }

    private static void expect(ThrowingCallable call, int status, String errorCode) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
            assertNoStoreWords(e.awsErrorDetails().errorMessage());
        });
    }

    private HttpResponse<String> page(String method, String path, String cookies, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Cookie", cookies);
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
