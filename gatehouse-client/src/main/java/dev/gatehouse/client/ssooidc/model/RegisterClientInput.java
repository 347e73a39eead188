package dev.gatehouse.client.ssooidc.model;

import java.util.List;
import java.util.Objects;

/**
 * RegisterClient's input. Lists are never null; an empty list is left out of the request.
 *
 * @param clientName             required; the AWS CLI uses {@code botocore-client-<session name>}
 * @param clientType             required; only {@code public} is accepted (the builder's default)
 * @param scopes                 for example {@code sso:account:access}
 * @param redirectUris           the PKCE flow's loopback redirect, e.g. {@code http://127.0.0.1/oauth/callback}
 * @param grantTypes             e.g. {@code authorization_code}, {@code refresh_token}; the device flow sends none
 * @param issuerUrl              the start URL (PKCE flow)
 * @param entitledApplicationArn not used by the CLI
 */
public record RegisterClientInput(String clientName, String clientType, List<String> scopes,
                                  List<String> redirectUris, List<String> grantTypes, String issuerUrl,
                                  String entitledApplicationArn) {
    public RegisterClientInput {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientType, "clientType");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        grantTypes = grantTypes == null ? List.of() : List.copyOf(grantTypes);
    }

    /** A public client for the device flow, as the AWS CLI registers one. */
    public static RegisterClientInput forDeviceFlow(String clientName, List<String> scopes) {
        return builder().clientName(clientName).scopes(scopes).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String clientName;
        private String clientType = "public";
        private List<String> scopes = List.of();
        private List<String> redirectUris = List.of();
        private List<String> grantTypes = List.of();
        private String issuerUrl;
        private String entitledApplicationArn;

        private Builder() {
        }

        public Builder clientName(String clientName) {
            this.clientName = clientName;
            return this;
        }

        public Builder clientType(String clientType) {
            this.clientType = clientType;
            return this;
        }

        public Builder scopes(List<String> scopes) {
            this.scopes = scopes;
            return this;
        }

        public Builder scopes(String... scopes) {
            return scopes(List.of(scopes));
        }

        public Builder redirectUris(List<String> redirectUris) {
            this.redirectUris = redirectUris;
            return this;
        }

        public Builder redirectUris(String... redirectUris) {
            return redirectUris(List.of(redirectUris));
        }

        public Builder grantTypes(List<String> grantTypes) {
            this.grantTypes = grantTypes;
            return this;
        }

        public Builder grantTypes(String... grantTypes) {
            return grantTypes(List.of(grantTypes));
        }

        public Builder issuerUrl(String issuerUrl) {
            this.issuerUrl = issuerUrl;
            return this;
        }

        public Builder entitledApplicationArn(String entitledApplicationArn) {
            this.entitledApplicationArn = entitledApplicationArn;
            return this;
        }

        public RegisterClientInput build() {
            return new RegisterClientInput(clientName, clientType, scopes, redirectUris, grantTypes, issuerUrl,
                    entitledApplicationArn);
        }
    }
}
