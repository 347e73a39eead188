package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.internal.Redact;

/**
 * CreateToken's output.
 *
 * @param accessToken  for the access portal ({@code x-amz-sso_bearer_token})
 * @param tokenType    {@code Bearer}
 * @param expiresIn    seconds the access token lives
 * @param refreshToken null when the service sent none
 * @param idToken      not issued by IAM Identity Center; null
 */
public record CreateTokenOutput(String accessToken, String tokenType, int expiresIn, String refreshToken,
                                String idToken) {
    @Override
    public String toString() {
        return "CreateTokenOutput[accessToken=" + Redact.secret(accessToken) + ", tokenType=" + tokenType
                + ", expiresIn=" + expiresIn + ", refreshToken=" + Redact.secret(refreshToken)
                + ", idToken=" + Redact.secret(idToken) + "]";
    }
}
