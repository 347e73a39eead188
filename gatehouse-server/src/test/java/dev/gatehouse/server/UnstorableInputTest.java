package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.config.Limits;
import dev.gatehouse.domain.signin.SignIn;
import dev.gatehouse.store.postgres.TestPostgres;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;
import software.amazon.awssdk.services.ssooidc.model.InvalidRequestException;

/**
 * Text that PostgreSQL cannot store (NUL) or that is no text at all (a lone surrogate), in every
 * member that flows from a request towards the store, on the PostgreSQL store: refused at the edge
 * with the API's invalid-request error naming the member (a 400 page on the pages), the store never
 * sees it, and none of the database's words reach the client.
 */
class UnstorableInputTest {
    private static final String SCHEMA = TestPostgres.newSchemaName();
    private static final String NUL = "\u0000";
    private static final List<String> DATABASE_WORDS = List.of("invalid byte sequence", "0x00", "ERROR:", "SQL",
            "PostgreSQL", "Hikari");
    private static PostgresInstance instance;
    private static String accessToken;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        instance = PostgresInstance.start(TestPostgres.jdbcUrl(), SCHEMA, TestDirectory.create(), Limits.DEFAULTS);
        accessToken = instance.accessToken("alice");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        http.close();
        instance.close();
        TestPostgres.dropSchemas(List.of(SCHEMA));
    }

    private static void assertNoDatabaseWords(String text) {
        for (String word : DATABASE_WORDS) {
            assertThat(text).as("no database words reach the client").doesNotContain(word);
        }
    }

    private static void expectOidcInvalid(ThrowingCallable call, String member) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.errorDescription()).as(member).contains("'" + member + "'")
                    .contains("Member must not contain control characters");
            assertNoDatabaseWords(e.errorDescription());
        });
    }

    @Test
    void registerClientRefusesANulInItsName() {
        try (SsoOidcClient oidc = instance.oidc()) {
            expectOidcInvalid(() -> oidc.registerClient(r -> r.clientName("bad" + NUL + "name").clientType("public")),
                    "clientName");
            expectOidcInvalid(() -> oidc.registerClient(r -> r.clientName("cli").clientType("public")
                    .scopes("sso:account:access", "x" + NUL)), "scopes");
            expectOidcInvalid(() -> oidc.registerClient(r -> r.clientName("cli").clientType("public")
                    .redirectUris("http://127.0.0.1/" + NUL)), "redirectUris");
        }
    }

    @Test
    void aLoneSurrogateIsNoText() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(instance.base().resolve("/client/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientName\":\"x\\ud800\",\"clientType\":\"public\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).hasValueSatisfying(
                type -> assertThat(type).startsWith("InvalidRequestException:"));
        assertThat(answer.body()).contains("'clientName'");
    }

    @Test
    void startDeviceAuthorizationAndCreateTokenRefuseANulInEveryMember() {
        try (SsoOidcClient oidc = instance.oidc()) {
            var client = oidc.registerClient(r -> r.clientName("unstorable").clientType("public"));
            String id = client.clientId();
            String secret = client.clientSecret();
            expectOidcInvalid(() -> oidc.startDeviceAuthorization(r -> r.clientId(id + NUL).clientSecret(secret)
                    .startUrl(instance.base() + "/start")), "clientId");
            expectOidcInvalid(() -> oidc.startDeviceAuthorization(r -> r.clientId(id).clientSecret(secret + NUL)
                    .startUrl(instance.base() + "/start")), "clientSecret");
            expectOidcInvalid(() -> oidc.startDeviceAuthorization(r -> r.clientId(id).clientSecret(secret)
                    .startUrl(instance.base() + "/start" + NUL)), "startUrl");

            Map<String, Consumer<CreateTokenRequest.Builder>> members = new LinkedHashMap<>();
            members.put("clientId", r -> r.clientId(id + NUL));
            members.put("clientSecret", r -> r.clientSecret(secret + NUL));
            members.put("grantType", r -> r.grantType("refresh_token" + NUL));
            members.put("deviceCode", r -> r.deviceCode("ghdc_" + NUL));
            members.put("code", r -> r.code("ghac_" + NUL));
            members.put("redirectUri", r -> r.redirectUri("http://127.0.0.1/" + NUL));
            members.put("codeVerifier", r -> r.codeVerifier(Pkce.newVerifier() + NUL));
            members.put("refreshToken", r -> r.refreshToken("ghrt_" + NUL));
            members.put("scope", r -> r.scope("sso:account:access" + NUL));
            members.forEach((member, bad) -> expectOidcInvalid(() -> oidc.createToken(r -> {
                r.clientId(id).clientSecret(secret).grantType("refresh_token").refreshToken("ghrt_x");
                bad.accept(r);
            }), member));
        }
    }

    @Test
    void portalOperationsRefuseANulInTheirQueryMembers() {
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        try (SsoClient sso = instance.sso()) {
            calls.put("accountId", () -> sso.getRoleCredentials(r -> r.accessToken(accessToken)
                    .accountId(TestDirectory.PROD + NUL).roleName("AdministratorAccess")));
            calls.put("roleName", () -> sso.getRoleCredentials(r -> r.accessToken(accessToken)
                    .accountId(TestDirectory.PROD).roleName("Admin" + NUL)));
            calls.put("nextToken", () -> sso.listAccounts(r -> r.accessToken(accessToken).nextToken("n" + NUL)));
            calls.forEach((member, call) -> assertThatThrownBy(call)
                    .isInstanceOfSatisfying(software.amazon.awssdk.services.sso.model.InvalidRequestException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("'" + member + "'");
                        assertNoDatabaseWords(e.awsErrorDetails().errorMessage());
                    }));
        }
    }

    @Test
    void stsRefusesAnAccessKeyIdWithANul() throws Exception {
        String amzDate = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(java.time.Instant.now());
        String body = "Action=GetCallerIdentity&Version=2011-06-15";
        RawHttp.Response answer = RawHttp.exchange(instance.base(), "POST / HTTP/1.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "X-Amz-Date: " + amzDate + "\r\n"
                + "X-Amz-Security-Token: token\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=ASIA" + NUL + "AAAAAAAAAAAAAAA/" + amzDate.substring(0, 8)
                + "/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64),
                body.getBytes(StandardCharsets.US_ASCII));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("<Code>IncompleteSignature</Code>")
                .contains("access key id in Credential");
        assertNoDatabaseWords(answer.body());
    }

    @Test
    void pagesRefuseANulInTheirQueryAndFormFields() throws Exception {
        var signedIn = (SignIn.SignedIn) instance.gatehouse().signIn().attempt(
                new SignIn.Attempt("alice", TestDirectory.PASSWORD, null, null, "127.0.0.1"));
        String cookie = "gh_session=" + signedIn.browserToken().secret();
        String nul = URLEncoder.encode(NUL, StandardCharsets.UTF_8);
        Map<String, HttpRequest> pages = new LinkedHashMap<>();
        pages.put("client_id", get("/authorize?response_type=code&client_id=c" + nul
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb&code_challenge=x&code_challenge_method=S256", cookie));
        pages.put("user_code", get("/device?user_code=BCDF" + nul + "GHJK", cookie));
        pages.put("username", post("/login", "username=alice" + nul + "&password=x", cookie));
        pages.put("account_id", post("/portal/credentials", "account_id=1" + nul + "&role_name=AdministratorAccess", cookie));
        for (var page : pages.entrySet()) {
            HttpResponse<String> answer = http.send(page.getValue(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(page.getKey()).isEqualTo(400);
            assertThat(answer.body()).as(page.getKey()).contains(page.getKey()).contains("control characters");
            assertNoDatabaseWords(answer.body());
        }
        assertThat(instance.store().unavailableReason()).as("the store is well").isEmpty();
    }

    private static HttpRequest get(String path, String cookie) {
        return HttpRequest.newBuilder(instance.base().resolve(path)).header("Cookie", cookie).GET().build();
    }

    private static HttpRequest post(String path, String form, String cookie) {
        return HttpRequest.newBuilder(instance.base().resolve(path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }
}
