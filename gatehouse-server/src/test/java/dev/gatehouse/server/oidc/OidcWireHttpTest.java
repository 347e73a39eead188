package dev.gatehouse.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.server.TestService;
import dev.gatehouse.server.wire.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The SSO OIDC wire itself, byte for byte, with a plain HTTP client. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OidcWireHttpTest {
    private static final String CORAL = ":http://internal.amazon.com/coral/com.amazonaws.sso.oidc/";
    private static final int LIMIT = 64 * 1024;
    private static final String REGISTER = "{\"clientName\":\"raw\",\"clientType\":\"public\"}";

    @TempDir
    Path dataDir;
    TestService service;
    HttpClient http;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        http.close();
        service.close();
    }

    private HttpRequest.Builder post(String path, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(service.baseUrl().resolve(path)).timeout(Duration.ofSeconds(10));
        return contentType == null ? builder : builder.header("Content-Type", contentType);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String body) throws IOException, InterruptedException {
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return send(post(path, "application/json"), body);
    }

    /** Status, x-amzn-ErrorType with the coral namespace, JSON type, and a body of exactly error + error_description. */
    private static JsonNode assertOidcError(HttpResponse<String> response, int status, String type, String error)
            throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().allValues("x-amzn-ErrorType")).containsExactly(type + CORAL);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.isObject()).isTrue();
        assertThat(body.properties()).extracting(e -> e.getKey()).containsExactly("error", "error_description");
        assertThat(body.get("error").textValue()).isEqualTo(error);
        assertThat(body.get("error_description").textValue()).isNotBlank();
        return body;
    }

    @Test
    void anErrorIsStatusTypeHeaderAndOAuthBody() throws Exception {
        JsonNode body = assertOidcError(postJson("/token",
                        "{\"clientId\":\"nope\",\"clientSecret\":\"nope\",\"grantType\":\"refresh_token\",\"refreshToken\":\"x\"}"),
                401, "InvalidClientException", "invalid_client");
        assertThat(body.get("error_description").textValue()).isEqualTo("Invalid client credentials");

        assertOidcError(postJson("/token", "{\"clientId\":\"nope\"}"), 400, "InvalidRequestException", "invalid_request");
    }

    @Test
    void createTokenWithIamIsNotServed() throws Exception {
        JsonNode body = assertOidcError(postJson("/token?aws_iam=t", "{\"clientId\":\"arn:aws:sso::123456789012:application/x\","
                + "\"grantType\":\"authorization_code\"}"), 400, "InvalidRequestException", "invalid_request");
        assertThat(body.get("error_description").textValue()).contains("CreateTokenWithIAM");
    }

    @Test
    void malformedJsonIsAnInvalidRequest() throws Exception {
        assertOidcError(postJson("/client/register", "{\"clientName\":"), 400, "InvalidRequestException", "invalid_request");
        assertOidcError(postJson("/client/register", "[1, 2]"), 400, "InvalidRequestException", "invalid_request");
        assertOidcError(postJson("/client/register", REGISTER + " {}"), 400, "InvalidRequestException", "invalid_request");
        JsonNode duplicate = assertOidcError(postJson("/client/register",
                "{\"clientName\":\"a\",\"clientName\":\"b\",\"clientType\":\"public\"}"),
                400, "InvalidRequestException", "invalid_request");
        assertThat(duplicate.get("error_description").textValue()).contains("clientName");
    }

    @Test
    void aMemberOfTheWrongTypeIsAnInvalidRequestNamingIt() throws Exception {
        for (String[] bad : List.of(
                new String[] {"clientName", "{\"clientName\":5,\"clientType\":\"public\"}"},
                new String[] {"clientType", "{\"clientName\":\"a\",\"clientType\":{\"x\":1}}"},
                new String[] {"scopes", "{\"clientName\":\"a\",\"clientType\":\"public\",\"scopes\":\"sso:account:access\"}"},
                new String[] {"grantTypes", "{\"clientName\":\"a\",\"clientType\":\"public\",\"grantTypes\":[null]}"},
                new String[] {"redirectUris", "{\"clientName\":\"a\",\"clientType\":\"public\",\"redirectUris\":[true]}"})) {
            JsonNode body = assertOidcError(postJson("/client/register", bad[1]), 400, "InvalidRequestException", "invalid_request");
            assertThat(body.get("error_description").textValue()).as(bad[1]).contains("'" + bad[0] + "'");
        }
        JsonNode token = assertOidcError(postJson("/token", "{\"clientId\":[\"a\"],\"clientSecret\":\"s\",\"grantType\":\"refresh_token\"}"),
                400, "InvalidRequestException", "invalid_request");
        assertThat(token.get("error_description").textValue()).contains("'clientId'");
    }

    @Test
    void anyJsonContentTypeOrNoneIsAccepted() throws Exception {
        for (String contentType : new String[] {"application/json", "application/json; charset=UTF-8",
                "application/x-amz-json-1.1", "application/vnd.example+json", null}) {
            HttpResponse<String> response = send(post("/client/register", contentType), REGISTER);
            assertThat(response.statusCode()).as("Content-Type %s", contentType).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(Json.MAPPER.readTree(response.body()).get("clientId").textValue()).isNotBlank();
        }
        assertOidcError(send(post("/client/register", "application/x-www-form-urlencoded"), "clientName=a&clientType=public"),
                400, "InvalidRequestException", "invalid_request");
        assertOidcError(send(post("/client/register", "text/plain"), REGISTER), 400, "InvalidRequestException", "invalid_request");
    }

    @Test
    void registerClientBodyHasTheModelsMembersInSeconds() throws Exception {
        HttpResponse<String> response = postJson("/client/register", REGISTER);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.properties()).extracting(e -> e.getKey()).containsExactly("clientId", "clientSecret",
                "clientIdIssuedAt", "clientSecretExpiresAt", "authorizationEndpoint", "tokenEndpoint");
        long now = service.clock.instant().getEpochSecond();
        assertThat(body.get("clientIdIssuedAt").isIntegralNumber()).isTrue();
        assertThat(body.get("clientIdIssuedAt").longValue()).isEqualTo(now);
        assertThat(body.get("clientSecretExpiresAt").longValue()).isEqualTo(now + 90L * 24 * 3600);
    }

    /** A RegisterClient body padded with spaces to exactly {@code size} bytes. */
    private static String registerBodyOf(int size) {
        return REGISTER + " ".repeat(size - REGISTER.length());
    }

    @Test
    void aBodyOverTheLimitIs413InTheOidcShape() throws Exception {
        assertThat(send(post("/client/register", "application/json"), registerBodyOf(LIMIT)).statusCode()).isEqualTo(200);
        assertOidcError(send(post("/client/register", "application/json"), registerBodyOf(LIMIT + 1)),
                413, "InvalidRequestException", "invalid_request");
    }

    private HttpResponse<String> sendChunked(String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = post("/client/register", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChunkedBodyIsReadUpToTheLimitOnTheOperationsThread() throws Exception {
        // no Content-Length: only reading the body can tell its size
        HttpResponse<String> ok = sendChunked(registerBodyOf(LIMIT));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertOidcError(sendChunked(registerBodyOf(LIMIT + 1)), 413, "InvalidRequestException", "invalid_request");
        assertOidcError(sendChunked(registerBodyOf(4 * LIMIT)), 413, "InvalidRequestException", "invalid_request");
        // the service is fine afterwards
        assertThat(sendChunked(REGISTER).statusCode()).isEqualTo(200);
    }

    @Test
    void urlsFollowTheHostAndForwardedHeaders() throws Exception {
        String register = Json.MAPPER.readTree(postJson("/client/register", REGISTER).body()).get("tokenEndpoint").textValue();
        assertThat(register).isEqualTo(service.baseUrl() + "/token");

        HttpResponse<String> proxied = send(post("/client/register", "application/json")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "sso.example.com, proxy.internal"), REGISTER);
        JsonNode client = Json.MAPPER.readTree(proxied.body());
        assertThat(client.get("authorizationEndpoint").textValue()).isEqualTo("https://sso.example.com/authorize");
        assertThat(client.get("tokenEndpoint").textValue()).isEqualTo("https://sso.example.com/token");

        String start = "{\"clientId\":\"" + client.get("clientId").textValue() + "\",\"clientSecret\":\""
                + client.get("clientSecret").textValue() + "\",\"startUrl\":\"https://sso.example.com/start\"}";
        JsonNode device = Json.MAPPER.readTree(send(post("/device_authorization", "application/json")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "sso.example.com:8443"), start).body());
        assertThat(device.properties()).extracting(e -> e.getKey()).containsExactly("deviceCode", "userCode",
                "verificationUri", "verificationUriComplete", "expiresIn", "interval");
        String userCode = device.get("userCode").textValue();
        assertThat(device.get("verificationUri").textValue()).isEqualTo("https://sso.example.com:8443/device");
        assertThat(device.get("verificationUriComplete").textValue())
                .isEqualTo("https://sso.example.com:8443/device?user_code=" + userCode);
        assertThat(device.get("expiresIn").intValue()).isEqualTo(600);
        assertThat(device.get("interval").intValue()).isEqualTo(1);

        // values that are not a plain scheme or host are ignored
        JsonNode ignored = Json.MAPPER.readTree(send(post("/client/register", "application/json")
                .header("X-Forwarded-Proto", "javascript").header("X-Forwarded-Host", "evil.example/path?x="), REGISTER).body());
        assertThat(ignored.get("tokenEndpoint").textValue()).isEqualTo(service.baseUrl() + "/token");
    }

    @Test
    void createTokenBodyHasTheModelsMembers() throws Exception {
        JsonNode client = Json.MAPPER.readTree(postJson("/client/register", REGISTER).body());
        String id = client.get("clientId").textValue();
        String secret = client.get("clientSecret").textValue();
        JsonNode device = Json.MAPPER.readTree(postJson("/device_authorization", "{\"clientId\":\"" + id
                + "\",\"clientSecret\":\"" + secret + "\",\"startUrl\":\"http://x/start\"}").body());
        service.gatehouse.deviceAuthorizations().approve(device.get("userCode").textValue(), service.session("alice"));
        HttpResponse<String> response = postJson("/token", "{\"grantType\":\"urn:ietf:params:oauth:grant-type:device_code\","
                + "\"clientId\":\"" + id + "\",\"clientSecret\":\"" + secret + "\",\"deviceCode\":\""
                + device.get("deviceCode").textValue() + "\",\"someFutureMember\":1}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tokens = Json.MAPPER.readTree(response.body());
        assertThat(tokens.properties()).extracting(e -> e.getKey())
                .containsExactly("accessToken", "tokenType", "expiresIn", "refreshToken");
        assertThat(tokens.get("tokenType").textValue()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").intValue()).isEqualTo(3600);
    }

    @Test
    void portalRoutesKeepTheirOwnErrorShape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.baseUrl().resolve("/assignment/accounts"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidRequestException");
        assertThat(Json.MAPPER.readTree(response.body()).properties()).extracting(e -> e.getKey()).containsExactly("message");
    }
}
