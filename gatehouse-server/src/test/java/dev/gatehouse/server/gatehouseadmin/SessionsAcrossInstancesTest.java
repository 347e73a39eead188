package dev.gatehouse.server.gatehouseadmin;

import static dev.gatehouse.server.gatehouseadmin.AdminAnswers.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.server.AdminCalls;
import dev.gatehouse.server.PostgresInstance;
import dev.gatehouse.server.PostgresPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

/**
 * Two instances on one PostgreSQL: the stock SSO OIDC and SSO clients hold the tokens of two of
 * alice's sessions made on instance A; an admin lists and ends one through instance B's API, and on A
 * that session's access token is a 401 and its refresh token an InvalidGrantException at once, while
 * the other session goes on; A reads back the audit event B recorded.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionsAcrossInstancesTest {
    private static CreateTokenResponse deviceSignIn(PostgresInstance on, SsoOidcClient oidc,
                                                    RegisterClientResponse client, SignInSession session) {
        var started = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret()).startUrl(on.base() + "/start"));
        on.gatehouse().deviceAuthorizations().approve(started.userCode(), session);
        return oidc.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("urn:ietf:params:oauth:grant-type:device_code").deviceCode(started.deviceCode()));
    }

    private static CreateTokenResponse refresh(SsoOidcClient oidc, RegisterClientResponse client, String token) {
        return oidc.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("refresh_token").refreshToken(token));
    }

    @Test
    void aSessionEndedThroughOneInstanceIsRefusedOnTheOtherAtOnce() throws Exception {
        try (PostgresPair pair = PostgresPair.start(); SsoOidcClient oidcA = pair.a().oidc();
             SsoClient ssoA = pair.a().sso(); AdminCalls adminB = new AdminCalls(pair.b().base())) {
            PostgresInstance a = pair.a();
            var alice = a.gatehouse().directory().user("alice").orElseThrow();
            RegisterClientResponse client = oidcA.registerClient(r -> r.clientName("botocore-client-two").clientType("public"));
            SignInSession ending = a.gatehouse().sessions().start(alice);
            CreateTokenResponse endingTokens = deviceSignIn(a, oidcA, client, ending);
            CreateTokenResponse otherTokens = deviceSignIn(a, oidcA, client, a.gatehouse().sessions().start(alice));

            JsonNode listed = ok(adminB.asBootstrap("GatehouseAdmin.ListSessions", "{\"UserName\":\"alice\"}"));
            List<String> ids = new ArrayList<>();
            listed.path("Sessions").forEach(s -> ids.add(s.path("SessionId").asText()));
            assertThat(ids).hasSize(2).contains(ending.id());

            JsonNode ended = ok(adminB.asBootstrap("GatehouseAdmin.EndSession", "{\"SessionId\":\"" + ending.id() + "\"}"));
            assertThat(ended.path("SessionsEnded").asInt()).isEqualTo(1);

            assertThatThrownBy(() -> ssoA.listAccounts(r -> r.accessToken(endingTokens.accessToken())))
                    .isInstanceOf(UnauthorizedException.class);
            assertThatThrownBy(() -> refresh(oidcA, client, endingTokens.refreshToken()))
                    .isInstanceOf(InvalidGrantException.class);
            assertThat(ssoA.listAccounts(r -> r.accessToken(otherTokens.accessToken())).accountList()).hasSize(3);
            assertThat(refresh(oidcA, client, otherTokens.refreshToken()).accessToken()).startsWith("ghat_");

            assertThat(pair.b().gatehouse().audit().flush(Duration.ofSeconds(10))).isTrue();
            try (AdminCalls adminA = new AdminCalls(a.base())) {
                JsonNode events = ok(adminA.asBootstrap("GatehouseAdmin.ListAuditEvents",
                        "{\"UserName\":\"alice\",\"EventName\":\"SessionEndedByAdmin\"}"));
                assertThat(events.path("Events")).hasSize(1);
                assertThat(events.path("Events").get(0).path("SessionId").asText()).isEqualTo(ending.id());
            }
        }
    }
}
