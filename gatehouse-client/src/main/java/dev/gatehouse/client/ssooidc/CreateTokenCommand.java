package dev.gatehouse.client.ssooidc;

import dev.gatehouse.client.internal.JsonObject;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import dev.gatehouse.client.ssooidc.model.CreateTokenInput;
import dev.gatehouse.client.ssooidc.model.CreateTokenOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CreateToken — {@code POST /token} with {@code {clientId, clientSecret, grantType, deviceCode, code,
 * redirectUri, codeVerifier, refreshToken, scope}} (absent members left out). Answers
 * {@code {accessToken, tokenType, expiresIn, refreshToken, idToken}}.
 *
 * <p>Device codes, authorization codes and refresh tokens are single-use, so a CreateToken that may
 * have reached the service (broken connection, timeout) is not sent again: the second would spend a
 * spent code — and a refresh token presented twice ends the whole sign-in session. Throttling and
 * 5xx answers (the service did not do it) are retried; {@code AuthorizationPendingException} and
 * {@code SlowDownException} surface at once, for the polling loop.
 */
public final class CreateTokenCommand extends SsoOidcCommand<CreateTokenInput, CreateTokenOutput> {
    public CreateTokenCommand(CreateTokenInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "CreateToken";
    }

    @Override
    protected WireRequest request() {
        CreateTokenInput in = input();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", in.clientId());
        body.put("clientSecret", in.clientSecret());
        body.put("grantType", in.grantType());
        body.put("deviceCode", in.deviceCode());
        body.put("code", in.code());
        body.put("redirectUri", in.redirectUri());
        body.put("codeVerifier", in.codeVerifier());
        body.put("refreshToken", in.refreshToken());
        body.put("scope", RegisterClientCommand.nonEmpty(in.scope()));
        return WireRequest.post(operationName(), "/token").jsonBody(body).retrySafe(false).build();
    }

    @Override
    protected CreateTokenOutput output(WireResponse response) {
        JsonObject body = response.json();
        return new CreateTokenOutput(body.string("accessToken"), body.string("tokenType"),
                (int) body.number("expiresIn", 0), body.string("refreshToken"), body.string("idToken"));
    }
}
