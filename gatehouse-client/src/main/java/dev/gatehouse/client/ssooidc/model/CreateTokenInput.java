package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.internal.Redact;
import java.util.List;
import java.util.Objects;

/**
 * CreateToken's input. Use the factory of the grant — {@link #deviceCode}, {@link #refreshToken},
 * {@link #authorizationCode} — or the builder for anything else.
 *
 * @param scope singular on the wire (unlike RegisterClient's {@code scopes}); never null, empty is left out
 */
public record CreateTokenInput(String clientId, String clientSecret, String grantType, String deviceCode,
                               String code, String redirectUri, String codeVerifier, String refreshToken,
                               List<String> scope) {
    public static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    public static final String REFRESH_TOKEN_GRANT = "refresh_token";
    public static final String AUTHORIZATION_CODE_GRANT = "authorization_code";

    public CreateTokenInput {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(grantType, "grantType");
        scope = scope == null ? List.of() : List.copyOf(scope);
    }

    /** A poll of the device flow, as the AWS CLI sends it. */
    public static CreateTokenInput deviceCode(String clientId, String clientSecret, String deviceCode) {
        return builder().clientId(clientId).clientSecret(clientSecret).grantType(DEVICE_CODE_GRANT)
                .deviceCode(deviceCode).build();
    }

    /** A refresh, as the SDKs' token providers send it. */
    public static CreateTokenInput refreshToken(String clientId, String clientSecret, String refreshToken) {
        return builder().clientId(clientId).clientSecret(clientSecret).grantType(REFRESH_TOKEN_GRANT)
                .refreshToken(refreshToken).build();
    }

    /** The PKCE exchange: {@code redirectUri} with the port, exactly as sent to /authorize. */
    public static CreateTokenInput authorizationCode(String clientId, String clientSecret, String code,
                                                     String redirectUri, String codeVerifier) {
        return builder().clientId(clientId).clientSecret(clientSecret).grantType(AUTHORIZATION_CODE_GRANT)
                .code(code).redirectUri(redirectUri).codeVerifier(codeVerifier).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "CreateTokenInput[clientId=" + clientId + ", clientSecret=" + Redact.secret(clientSecret)
                + ", grantType=" + grantType + ", deviceCode=" + Redact.secret(deviceCode)
                + ", code=" + Redact.secret(code) + ", redirectUri=" + redirectUri
                + ", codeVerifier=" + Redact.secret(codeVerifier) + ", refreshToken=" + Redact.secret(refreshToken)
                + ", scope=" + scope + "]";
    }

    public static final class Builder {
        private String clientId;
        private String clientSecret;
        private String grantType;
        private String deviceCode;
        private String code;
        private String redirectUri;
        private String codeVerifier;
        private String refreshToken;
        private List<String> scope = List.of();

        private Builder() {
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder grantType(String grantType) {
            this.grantType = grantType;
            return this;
        }

        public Builder deviceCode(String deviceCode) {
            this.deviceCode = deviceCode;
            return this;
        }

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder redirectUri(String redirectUri) {
            this.redirectUri = redirectUri;
            return this;
        }

        public Builder codeVerifier(String codeVerifier) {
            this.codeVerifier = codeVerifier;
            return this;
        }

        public Builder refreshToken(String refreshToken) {
            this.refreshToken = refreshToken;
            return this;
        }

        public Builder scope(List<String> scope) {
            this.scope = scope;
            return this;
        }

        public CreateTokenInput build() {
            return new CreateTokenInput(clientId, clientSecret, grantType, deviceCode, code, redirectUri, codeVerifier,
                    refreshToken, scope);
        }

        @Override
        public String toString() {
            return "CreateTokenInput.Builder[clientId=" + clientId + ", grantType=" + grantType + "]";
        }
    }
}
