package dev.gatehouse.server.oidc;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.oidc.ClientRegistry;
import dev.gatehouse.domain.oidc.GrantTypes;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.token.TokenSet;
import dev.gatehouse.server.http.ApiOperation;
import dev.gatehouse.server.http.RequestBody;
import dev.gatehouse.server.wire.Json;
import dev.gatehouse.server.wire.OidcWire;
import dev.gatehouse.server.wire.WireHeaders;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;

/**
 * {@code POST /token} — CreateToken: authenticates the client, checks that it may use the grant
 * type (missing: InvalidRequest; unknown: UnsupportedGrantType; not registered for it:
 * UnauthorizedClient), then hands over to exactly one grant, which holds that grant's whole rule.
 * The optional {@code scope} member is read and not used: tokens carry the client's registered
 * scopes.
 */
public final class CreateTokenHandler implements ApiOperation {
    private final ClientRegistry clients;
    private final Gatehouse.Grants grants;

    public CreateTokenHandler(ClientRegistry clients, Gatehouse.Grants grants) {
        this.clients = clients;
        this.grants = grants;
    }

    @Override
    public WireResponse handle(HttpServerExchange exchange) {
        if (exchange.getQueryParameters().containsKey("aws_iam")) {
            throw GatehouseException.invalidRequest("CreateTokenWithIAM is not supported");
        }
        OidcWire.CreateTokenRequest request = OidcWire.createToken(WireHeaders.contentType(exchange),
                RequestBody.read(exchange));
        RegisteredClient client = clients.authenticate(request.clientId(), request.clientSecret());
        clients.checkGrantAllowed(client, request.grantType());
        TokenSet tokens = switch (request.grantType()) {
            case GrantTypes.DEVICE_CODE -> grants.deviceCode().exchange(client, request.deviceCode());
            case GrantTypes.AUTHORIZATION_CODE -> grants.authorizationCode().exchange(client, request.code(),
                    request.redirectUri(), request.codeVerifier());
            case GrantTypes.REFRESH_TOKEN -> grants.refreshToken().exchange(client, request.refreshToken());
            default -> throw new IllegalStateException("checkGrantAllowed let through " + request.grantType());
        };
        return Json.ok(OidcWire.tokens(tokens));
    }
}
