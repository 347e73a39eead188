package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.internal.Redact;
import java.time.Instant;

/**
 * RegisterClient's output; both times come as epoch <em>seconds</em> on the wire.
 *
 * @param clientSecretExpiresAt when the registration ends (the AWS CLI caches it as {@code registrationExpiresAt})
 */
public record RegisterClientOutput(String clientId, String clientSecret, Instant clientIdIssuedAt,
                                   Instant clientSecretExpiresAt, String authorizationEndpoint,
                                   String tokenEndpoint) {
    @Override
    public String toString() {
        return "RegisterClientOutput[clientId=" + clientId + ", clientSecret=" + Redact.secret(clientSecret)
                + ", clientIdIssuedAt=" + clientIdIssuedAt + ", clientSecretExpiresAt=" + clientSecretExpiresAt
                + ", authorizationEndpoint=" + authorizationEndpoint + ", tokenEndpoint=" + tokenEndpoint + "]";
    }
}
