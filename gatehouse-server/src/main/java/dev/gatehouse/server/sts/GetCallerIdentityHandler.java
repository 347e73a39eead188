package dev.gatehouse.server.sts;

import dev.gatehouse.domain.credentials.CallerIdentity;
import dev.gatehouse.domain.credentials.RoleSessionAuthenticator;
import dev.gatehouse.server.http.RequestIds;
import dev.gatehouse.server.sigv4.SignedRequests;
import dev.gatehouse.server.wire.StsWire;
import dev.gatehouse.server.wire.StsWire.QueryRequest;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;

/**
 * {@code Action=GetCallerIdentity} — who signed this request: the role session of the role
 * credentials GetRoleCredentials issued. Needs no permission, as in AWS; only a good signature.
 */
public final class GetCallerIdentityHandler implements StsOperation {
    private final RoleSessionAuthenticator authenticator;

    public GetCallerIdentityHandler(RoleSessionAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public WireResponse handle(HttpServerExchange exchange, QueryRequest request) {
        CallerIdentity caller = authenticator.authenticate(SignedRequests.read(exchange, request.body()));
        return StsWire.callerIdentity(caller, RequestIds.of(exchange));
    }
}
