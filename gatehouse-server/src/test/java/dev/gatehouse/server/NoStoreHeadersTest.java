package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.server.RawHttp.Response;
import dev.gatehouse.server.wire.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers that carry a token or a credential must not be cached (RFC 6749 §5.1): RegisterClient,
 * StartDeviceAuthorization, CreateToken and GetRoleCredentials say {@code Cache-Control: no-store}
 * and {@code Pragma: no-cache}, on success and on error, read off the raw HTTP answer.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NoStoreHeadersTest {
    @TempDir
    Path dataDir;
    TestService service;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private Response postJson(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return RawHttp.exchange(service.baseUrl(), "POST " + path + " HTTP/1.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length, body);
    }

    private Response get(String target, String token) throws IOException {
        return RawHttp.exchange(service.baseUrl(), "GET " + target + " HTTP/1.1\r\nConnection: close"
                + (token == null ? "" : "\r\nx-amz-sso_bearer_token: " + token));
    }

    private static Response assertNotCached(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Cache-Control")).hasValue("no-store");
        assertThat(response.header("Pragma")).hasValue("no-cache");
        return response;
    }

    private static JsonNode json(Response response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void theDeviceFlowsAnswersAreNotCached() throws Exception {
        JsonNode client = json(assertNotCached(postJson("/client/register",
                "{\"clientName\":\"raw\",\"clientType\":\"public\"}"), 200));
        assertThat(client.get("clientSecret").textValue()).isNotBlank();
        String credentials = "\"clientId\":\"" + client.get("clientId").textValue() + "\",\"clientSecret\":\""
                + client.get("clientSecret").textValue() + "\"";

        JsonNode started = json(assertNotCached(postJson("/device_authorization",
                "{" + credentials + ",\"startUrl\":\"" + service.baseUrl() + "/start\"}"), 200));
        service.gatehouse.deviceAuthorizations().approve(started.get("userCode").textValue(), service.session("alice"));
        JsonNode tokens = json(assertNotCached(postJson("/token", "{" + credentials
                + ",\"grantType\":\"urn:ietf:params:oauth:grant-type:device_code\",\"deviceCode\":\""
                + started.get("deviceCode").textValue() + "\"}"), 200));
        assertThat(tokens.get("accessToken").textValue()).startsWith("ghat_");

        // errors of the same operations: a bad client, a spent device code, an unparsable body
        assertNotCached(postJson("/token", "{\"clientId\":\"nope\",\"clientSecret\":\"nope\","
                + "\"grantType\":\"refresh_token\",\"refreshToken\":\"x\"}"), 401);
        assertNotCached(postJson("/token", "{" + credentials
                + ",\"grantType\":\"urn:ietf:params:oauth:grant-type:device_code\",\"deviceCode\":\""
                + started.get("deviceCode").textValue() + "\"}"), 400);
        assertNotCached(postJson("/client/register", "{"), 400);
    }

    @Test
    void roleCredentialsAreNotCached() throws Exception {
        String target = "/federation/credentials?role_name=AdministratorAccess&account_id=" + TestDirectory.PROD;
        JsonNode credentials = json(assertNotCached(get(target, service.signIn("alice")), 200));
        assertThat(credentials.at("/roleCredentials/secretAccessKey").textValue()).isNotBlank();

        assertNotCached(get(target, null), 400);
        assertNotCached(get(target, "ghat_" + "A".repeat(64)), 401);
    }
}
