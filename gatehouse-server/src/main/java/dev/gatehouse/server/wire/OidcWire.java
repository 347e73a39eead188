package dev.gatehouse.server.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InputRules;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.domain.oidc.ClientRegistration;
import dev.gatehouse.domain.oidc.DeviceAuthorizations;
import dev.gatehouse.domain.token.TokenSet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SSO OIDC API's (restJson1) request and response bodies: JSON objects whose members are named
 * exactly as in the service model (camelCase). Requests are read strictly — a member of the wrong
 * type is an InvalidRequestException naming it, and so is a string with a control character or
 * longer than {@value Members#MAX_STRING} characters, so that no such value reaches the domain or the
 * store — but members we do not know are ignored, as the service does for newer clients. Absent
 * response members are omitted.
 */
public final class OidcWire {
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String TOKEN_TYPE = "Bearer";

    private OidcWire() {
    }

    // ---- requests ----

    /** {@code POST /client/register}. */
    public record RegisterClientRequest(String clientName, String clientType, List<String> scopes,
                                        List<String> redirectUris, List<String> grantTypes, String issuerUrl,
                                        String entitledApplicationArn) {
    }

    /** {@code POST /device_authorization}. */
    public record StartDeviceAuthorizationRequest(String clientId, String clientSecret, String startUrl) {
        @Override
        public String toString() {
            return "StartDeviceAuthorizationRequest[" + clientId + "]";
        }
    }

    /** {@code POST /token}; {@code scope} is singular here, unlike RegisterClient's {@code scopes}. */
    public record CreateTokenRequest(String clientId, String clientSecret, String grantType, String deviceCode,
                                     String code, String redirectUri, String codeVerifier, String refreshToken,
                                     List<String> scope) {
        @Override
        public String toString() {
            return "CreateTokenRequest[" + clientId + " " + grantType + "]";
        }
    }

    /** @param contentType the request's {@code Content-Type}, or null */
    public static RegisterClientRequest registerClient(String contentType, byte[] bytes) {
        Members body = Members.read(contentType, bytes);
        return new RegisterClientRequest(body.string("clientName"), body.string("clientType"),
                body.strings("scopes"), body.strings("redirectUris"), body.strings("grantTypes"),
                body.string("issuerUrl"), body.string("entitledApplicationArn"));
    }

    public static StartDeviceAuthorizationRequest startDeviceAuthorization(String contentType, byte[] bytes) {
        Members body = Members.read(contentType, bytes);
        return new StartDeviceAuthorizationRequest(body.string("clientId"), body.string("clientSecret"),
                body.string("startUrl"));
    }

    public static CreateTokenRequest createToken(String contentType, byte[] bytes) {
        Members body = Members.read(contentType, bytes);
        return new CreateTokenRequest(body.string("clientId"), body.string("clientSecret"), body.string("grantType"),
                body.string("deviceCode"), body.string("code"), body.string("redirectUri"),
                body.string("codeVerifier"), body.string("refreshToken"), body.strings("scope"));
    }

    // ---- responses ----

    /** RegisterClient; both times in epoch <em>seconds</em>. */
    public record RegisterClientResponse(String clientId, String clientSecret, long clientIdIssuedAt,
                                         long clientSecretExpiresAt, String authorizationEndpoint,
                                         String tokenEndpoint) {
        @Override
        public String toString() {
            return "RegisterClientResponse[" + clientId + "]";
        }
    }

    public record StartDeviceAuthorizationResponse(String deviceCode, String userCode, String verificationUri,
                                                   String verificationUriComplete, int expiresIn, int interval) {
        @Override
        public String toString() {
            return "StartDeviceAuthorizationResponse[expires in " + expiresIn + " s]";
        }
    }

    /** CreateToken; {@code expiresIn} in seconds; the refresh token is sent on every grant, refresh included. */
    public record CreateTokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
        @Override
        public String toString() {
            return "CreateTokenResponse[" + tokenType + ", expires in " + expiresIn + " s]";
        }
    }

    /** @param baseUrl the service as the caller reached it, for example {@code http://127.0.0.1:8080} */
    public static RegisterClientResponse registered(ClientRegistration registration, String baseUrl) {
        var client = registration.client();
        return new RegisterClientResponse(client.clientId(), registration.clientSecret(),
                client.issuedAt().getEpochSecond(), client.expiresAt().getEpochSecond(),
                baseUrl + "/authorize", baseUrl + "/token");
    }

    public static StartDeviceAuthorizationResponse deviceAuthorization(DeviceAuthorizations.Started started,
                                                                       String baseUrl) {
        String verificationUri = baseUrl + "/device";
        return new StartDeviceAuthorizationResponse(started.deviceCode(), started.userCode(), verificationUri,
                verificationUri + "?user_code=" + URLEncoder.encode(started.userCode(), StandardCharsets.UTF_8),
                started.expiresInSeconds(), started.intervalSeconds());
    }

    /** {@code expiresIn} is the access token's lifetime as issued (cut short when the sign-in session ends sooner). */
    public static CreateTokenResponse tokens(TokenSet tokens) {
        return new CreateTokenResponse(tokens.access().secret(), TOKEN_TYPE, tokens.expiresIn().toSeconds(),
                tokens.refresh().secret());
    }

    /** The members of a JSON object body, read with the type checks of the service's validator. */
    private static final class Members {
        private static final int MAX_LIST = 1024;
        /** Longer than any identifier, token or URI a client sends; the domain has tighter limits of its own. */
        static final int MAX_STRING = 4096;

        private final JsonNode object;

        private Members(JsonNode object) {
            this.object = object;
        }

        static Members read(String contentType, byte[] body) {
            checkContentType(contentType);
            JsonNode node;
            try {
                node = READER.readTree(body);
            } catch (JsonProcessingException e) {
                throw GatehouseException.invalidRequest("The request body is not valid JSON: "
                        + printable(e.getOriginalMessage()));
            } catch (java.io.IOException e) {
                throw GatehouseException.invalidRequest("The request body could not be read");
            }
            if (node == null || node.isMissingNode()) {
                return new Members(Json.MAPPER.createObjectNode()); // an empty body is an empty object
            }
            if (!node.isObject()) {
                throw GatehouseException.invalidRequest("The request body must be a JSON object");
            }
            return new Members(node);
        }

        /** Any JSON media type ({@code application/json}, {@code application/x-amz-json-1.1}, {@code …+json}), or none. */
        private static void checkContentType(String contentType) {
            if (contentType == null || contentType.isBlank()) {
                return;
            }
            String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            int slash = mediaType.indexOf('/');
            String subtype = slash < 0 ? "" : mediaType.substring(slash + 1);
            if (!(subtype.equals("json") || subtype.endsWith("+json") || subtype.startsWith("x-amz-json"))) {
                throw GatehouseException.invalidRequest("Content-Type must be application/json, not "
                        + printable(mediaType));
            }
        }

        /** The string member, or null when absent or JSON null. */
        String string(String member) {
            JsonNode value = object.get(member);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw wrongType(member, "a string");
            }
            return InputRules.bounded(member, value.textValue(), MAX_STRING);
        }

        /** The list-of-strings member, or null when absent or JSON null. */
        List<String> strings(String member) {
            JsonNode value = object.get(member);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isArray()) {
                throw wrongType(member, "a list of strings");
            }
            if (value.size() > MAX_LIST) {
                throw InvalidMemberException.tooLong(member, MAX_LIST);
            }
            List<String> values = new ArrayList<>(value.size());
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    throw wrongType(member, "a list of strings");
                }
                values.add(InputRules.bounded(member, element.textValue(), MAX_STRING));
            }
            return List.copyOf(values);
        }

        private static GatehouseException wrongType(String member, String expected) {
            return InvalidMemberException.wrongType(member, expected, null);
        }

        private static String printable(String value) {
            if (value == null) {
                return "";
            }
            String cut = value.length() > 200 ? value.substring(0, 200) + "..." : value;
            return cut.replaceAll("[^\\x20-\\x7E]", "?");
        }
    }
}
