package dev.gatehouse.server.oidc;

import dev.gatehouse.domain.oidc.ClientRegistration;
import dev.gatehouse.domain.oidc.ClientRegistry;
import dev.gatehouse.server.http.ApiOperation;
import dev.gatehouse.server.http.BaseUrl;
import dev.gatehouse.server.http.RequestBody;
import dev.gatehouse.server.wire.Json;
import dev.gatehouse.server.wire.OidcWire;
import dev.gatehouse.server.wire.WireHeaders;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;

/**
 * {@code POST /client/register} — RegisterClient. {@code issuerUrl} and
 * {@code entitledApplicationArn} are accepted and not used (one directory, one issuer).
 */
public final class RegisterClientHandler implements ApiOperation {
    private final ClientRegistry clients;

    public RegisterClientHandler(ClientRegistry clients) {
        this.clients = clients;
    }

    @Override
    public WireResponse handle(HttpServerExchange exchange) {
        OidcWire.RegisterClientRequest request = OidcWire.registerClient(WireHeaders.contentType(exchange),
                RequestBody.read(exchange));
        ClientRegistration registration = clients.register(new ClientRegistry.Request(request.clientName(),
                request.clientType(), request.scopes(), request.redirectUris(), request.grantTypes()));
        return Json.ok(OidcWire.registered(registration, BaseUrl.of(exchange)));
    }
}
