package dev.gatehouse.client.ssooidc;

import dev.gatehouse.client.internal.JsonObject;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationInput;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * StartDeviceAuthorization — {@code POST /device_authorization} with {@code {clientId, clientSecret,
 * startUrl}}. Answers the device code to poll with, the user code and verification URIs for the
 * person, {@code expiresIn} and {@code interval} in seconds.
 */
public final class StartDeviceAuthorizationCommand
        extends SsoOidcCommand<StartDeviceAuthorizationInput, StartDeviceAuthorizationOutput> {
    public StartDeviceAuthorizationCommand(StartDeviceAuthorizationInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "StartDeviceAuthorization";
    }

    @Override
    protected WireRequest request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", input().clientId());
        body.put("clientSecret", input().clientSecret());
        body.put("startUrl", input().startUrl());
        return WireRequest.post(operationName(), "/device_authorization").jsonBody(body).build();
    }

    @Override
    protected StartDeviceAuthorizationOutput output(WireResponse response) {
        JsonObject body = response.json();
        return new StartDeviceAuthorizationOutput(body.string("deviceCode"), body.string("userCode"),
                body.string("verificationUri"), body.string("verificationUriComplete"),
                (int) body.number("expiresIn", 0), (int) body.number("interval", 0));
    }
}
