package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.internal.Redact;
import java.util.Objects;

/**
 * StartDeviceAuthorization's input, all members required.
 *
 * @param startUrl the directory's start URL ({@code sso_start_url})
 */
public record StartDeviceAuthorizationInput(String clientId, String clientSecret, String startUrl) {
    public StartDeviceAuthorizationInput {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(startUrl, "startUrl");
    }

    public static StartDeviceAuthorizationInput of(String clientId, String clientSecret, String startUrl) {
        return new StartDeviceAuthorizationInput(clientId, clientSecret, startUrl);
    }

    /** For the client just registered. */
    public static StartDeviceAuthorizationInput of(RegisterClientOutput client, String startUrl) {
        return new StartDeviceAuthorizationInput(client.clientId(), client.clientSecret(), startUrl);
    }

    @Override
    public String toString() {
        return "StartDeviceAuthorizationInput[clientId=" + clientId + ", clientSecret=" + Redact.secret(clientSecret)
                + ", startUrl=" + startUrl + "]";
    }
}
