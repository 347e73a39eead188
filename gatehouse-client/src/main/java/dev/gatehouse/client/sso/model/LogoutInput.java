package dev.gatehouse.client.sso.model;

import dev.gatehouse.client.internal.Redact;
import java.util.Objects;

/**
 * Logout's input: the access token whose sign-in session ends.
 *
 * @param accessToken the OIDC access token from CreateToken (sent as {@code x-amz-sso_bearer_token})
 */
public record LogoutInput(String accessToken) {
    public LogoutInput {
        Objects.requireNonNull(accessToken, "accessToken");
    }

    public static LogoutInput of(String accessToken) {
        return new LogoutInput(accessToken);
    }

    @Override
    public String toString() {
        return "LogoutInput[accessToken=" + Redact.secret(accessToken) + "]";
    }
}
