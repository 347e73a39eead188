package dev.gatehouse.server.oidc;

import dev.gatehouse.domain.oidc.ClientRegistry;
import dev.gatehouse.domain.oidc.DeviceAuthorizations;
import dev.gatehouse.domain.oidc.GrantTypes;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.server.http.ApiOperation;
import dev.gatehouse.server.http.BaseUrl;
import dev.gatehouse.server.http.RequestBody;
import dev.gatehouse.server.wire.Json;
import dev.gatehouse.server.wire.OidcWire;
import dev.gatehouse.server.wire.WireHeaders;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;

/**
 * {@code POST /device_authorization} — StartDeviceAuthorization: the client, authenticated and
 * allowed the device code grant, gets a device code to poll with and a user code for the person to
 * confirm at {@code <base>/device}.
 */
public final class StartDeviceAuthorizationHandler implements ApiOperation {
    private final ClientRegistry clients;
    private final DeviceAuthorizations deviceAuthorizations;

    public StartDeviceAuthorizationHandler(ClientRegistry clients, DeviceAuthorizations deviceAuthorizations) {
        this.clients = clients;
        this.deviceAuthorizations = deviceAuthorizations;
    }

    @Override
    public WireResponse handle(HttpServerExchange exchange) {
        OidcWire.StartDeviceAuthorizationRequest request = OidcWire.startDeviceAuthorization(
                WireHeaders.contentType(exchange), RequestBody.read(exchange));
        RegisteredClient client = clients.authenticate(request.clientId(), request.clientSecret());
        clients.checkGrantAllowed(client, GrantTypes.DEVICE_CODE);
        DeviceAuthorizations.Started started = deviceAuthorizations.start(client, request.startUrl());
        return Json.ok(OidcWire.deviceAuthorization(started, BaseUrl.of(exchange)));
    }
}
