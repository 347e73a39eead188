package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * An admin ends one of alice's two sign-in sessions through instance B of two Gatehouse instances on
 * one PostgreSQL; instance A refuses that session at its very next call: the stock SDK's access token
 * is a 401, its refresh token an InvalidGrantException, the browser that signed in is sent to sign in
 * again and the role credentials issued from it are refused by STS. Her other session, made the same
 * way, goes on working on both instances. Each session is real: a browser signs in on the sign-in page
 * and approves the device code that the stock SSO OIDC client started.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SessionsAcrossInstancesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PostgresPair instances;

    @BeforeAll
    static void start() {
        instances = PostgresPair.start();
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    /** One of alice's sign-ins: her browser, the tool's client and the tokens it got. */
    private record SignedIn(PlainBrowser browser, RegisterClientResponse client, CreateTokenResponse tokens) {
    }

    private static SignedIn signInWithDeviceCode(URI base, String clientName) {
        try (SsoOidcClient oidc = StockSdk.oidc(base)) {
            RegisterClientResponse client = oidc.registerClient(r -> r.clientName(clientName).clientType("public"));
            StartDeviceAuthorizationResponse started = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                    .clientSecret(client.clientSecret()).startUrl(base + "/start"));
            PlainBrowser browser = new PlainBrowser();
            browser.approveDeviceCode(base, "alice", TestDirectory.PASSWORD, started.userCode());
            CreateTokenResponse tokens = oidc.createToken(r -> r.clientId(client.clientId())
                    .clientSecret(client.clientSecret()).grantType("urn:ietf:params:oauth:grant-type:device_code")
                    .deviceCode(started.deviceCode()));
            return new SignedIn(browser, client, tokens);
        }
    }

    private static CreateTokenResponse refresh(URI base, SignedIn signedIn, String refreshToken) {
        try (SsoOidcClient oidc = StockSdk.oidc(base)) {
            return oidc.createToken(r -> r.clientId(signedIn.client().clientId())
                    .clientSecret(signedIn.client().clientSecret()).grantType("refresh_token").refreshToken(refreshToken));
        }
    }

    private static JsonNode adminOn(URI base, String operation, String json) throws Exception {
        try (AdminCalls calls = new AdminCalls(base)) {
            HttpResponse<String> answer = calls.asBootstrap("GatehouseAdmin." + operation, json);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body());
        }
    }

    /** The session whose tokens went to this client, as B lists alice's sessions. */
    private static JsonNode sessionOf(JsonNode listed, SignedIn signedIn) {
        List<JsonNode> matching = new ArrayList<>();
        listed.path("Sessions").forEach(session -> session.path("Tokens").forEach(token -> {
            if (token.path("ClientId").asText().equals(signedIn.client().clientId())) {
                matching.add(session);
            }
        }));
        assertThat(matching).isNotEmpty();
        return matching.get(0);
    }

    private static String callerArn(URI base, RoleCredentials credentials) {
        try (StsClient sts = StockSdk.sts(base, AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken()), java.time.InstantSource.system())) {
            return sts.getCallerIdentity().arn();
        }
    }

    @Test
    void anAdminEndsOneSessionThroughBAndAStopsItAtOnceWhileTheOtherGoesOn() throws Exception {
        URI a = instances.a().base();
        URI b = instances.b().base();
        SignedIn ending = signInWithDeviceCode(a, "incident-laptop");
        SignedIn other = signInWithDeviceCode(b, "office-desktop");
        RoleCredentials credentials;
        try (SsoClient sso = StockSdk.sso(a)) {
            credentials = sso.getRoleCredentials(r -> r.accessToken(ending.tokens().accessToken())
                    .accountId(TestDirectory.PROD).roleName("AdministratorAccess")).roleCredentials();
        }
        assertThat(callerArn(a, credentials)).endsWith("/alice");

        JsonNode listed = adminOn(b, "ListSessions", "{\"UserName\":\"alice\"}");
        JsonNode session = sessionOf(listed, ending);
        assertThat(session.path("SignInMethod").asText()).isEqualTo("DEVICE_CODE");
        assertThat(session.path("SourceAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(session.path("LiveRoleSessions").asInt()).isEqualTo(1);
        assertThat(sessionOf(listed, other).path("SessionId").asText()).isNotEqualTo(session.path("SessionId").asText());

        JsonNode ended = adminOn(b, "EndSession", "{\"SessionId\":\"" + session.path("SessionId").asText()
                + "\",\"EndRoleSessions\":true}");
        assertThat(ended.path("SessionsEnded").asInt()).isEqualTo(1);
        assertThat(ended.path("RoleSessionsEnded").asInt()).isEqualTo(1);

        try (SsoClient sso = StockSdk.sso(a)) {
            assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(ending.tokens().accessToken())))
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
            assertThat(sso.listAccounts(r -> r.accessToken(other.tokens().accessToken())).accountList()).isNotEmpty();
        }
        assertThatThrownBy(() -> refresh(a, ending, ending.tokens().refreshToken())).isInstanceOf(InvalidGrantException.class);
        assertThat(ending.browser().isSignedIn(a)).as("the ended session's browser").isFalse();
        assertThatThrownBy(() -> callerArn(a, credentials)).isInstanceOfSatisfying(StsException.class,
                e -> assertThat(e.statusCode()).isEqualTo(403));

        assertThat(other.browser().isSignedIn(a)).isTrue();
        assertThat(other.browser().isSignedIn(b)).isTrue();
        CreateTokenResponse refreshed = refresh(a, other, other.tokens().refreshToken());
        try (SsoClient sso = StockSdk.sso(b)) {
            assertThat(sso.listAccounts(r -> r.accessToken(refreshed.accessToken())).accountList()).isNotEmpty();
        }
        JsonNode after = adminOn(a, "ListSessions", "{\"UserName\":\"alice\"}");
        assertThat(after.path("Sessions")).hasSize(1);
        ending.browser().close();
        other.browser().close();
    }

    @Test
    void anAuditQueryForAUserNamePostgresCannotHoldIsAValidationException() {
        try (AdminCalls calls = new AdminCalls(instances.a().base())) {
            HttpResponse<String> listed = calls.asBootstrap("GatehouseAdmin.ListAuditEvents",
                    "{\"UserName\":\"al\\u0000ice\"}");
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(400);
            assertThat(listed.body()).contains("ValidationException");
        }
    }

    @Test
    void aSignInOnItsWayToAClientIdPostgresCannotHoldIsAnsweredNotAFailure() {
        URI a = instances.a().base();
        for (String next : List.of("/authorize?client_id=%00", "/device?user_code=%00")) {
            try (PlainBrowser browser = new PlainBrowser()) {
                String csrf = PageForms.csrfOf(browser.get(a, "/login?next="
                        + URLEncoder.encode(next, StandardCharsets.UTF_8)));
                HttpResponse<String> refused = browser.post(a, "/login", Map.of("csrf", csrf,
                        "username", "bob", "password", "not the password", "next", next));
                assertThat(refused.statusCode()).as(next).isEqualTo(401);
                assertThat(refused.body()).contains("Incorrect user name or password");
            }
        }
    }
}
