package dev.gatehouse.client.ssooidc;

import dev.gatehouse.client.internal.JsonObject;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import dev.gatehouse.client.ssooidc.model.RegisterClientInput;
import dev.gatehouse.client.ssooidc.model.RegisterClientOutput;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RegisterClient — {@code POST /client/register} with a JSON body {@code {clientName, clientType,
 * scopes, redirectUris, grantTypes, issuerUrl, entitledApplicationArn}} (absent and empty members
 * left out). Answers the client id and secret, {@code clientIdIssuedAt} and
 * {@code clientSecretExpiresAt} in epoch <em>seconds</em>. Retried like any call: a second
 * registration is harmless.
 */
public final class RegisterClientCommand extends SsoOidcCommand<RegisterClientInput, RegisterClientOutput> {
    public RegisterClientCommand(RegisterClientInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "RegisterClient";
    }

    @Override
    protected WireRequest request() {
        RegisterClientInput in = input();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientName", in.clientName());
        body.put("clientType", in.clientType());
        body.put("scopes", nonEmpty(in.scopes()));
        body.put("redirectUris", nonEmpty(in.redirectUris()));
        body.put("grantTypes", nonEmpty(in.grantTypes()));
        body.put("issuerUrl", in.issuerUrl());
        body.put("entitledApplicationArn", in.entitledApplicationArn());
        return WireRequest.post(operationName(), "/client/register").jsonBody(body).build();
    }

    @Override
    protected RegisterClientOutput output(WireResponse response) {
        JsonObject body = response.json();
        return new RegisterClientOutput(body.string("clientId"), body.string("clientSecret"),
                epochSeconds(body, "clientIdIssuedAt"), epochSeconds(body, "clientSecretExpiresAt"),
                body.string("authorizationEndpoint"), body.string("tokenEndpoint"));
    }

    private static Instant epochSeconds(JsonObject body, String member) {
        return body.has(member) ? Instant.ofEpochSecond(body.number(member, 0)) : null;
    }

    static List<String> nonEmpty(List<String> values) {
        return values.isEmpty() ? null : values;
    }
}
