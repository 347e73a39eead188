package dev.gatehouse.server.portal;

import dev.gatehouse.config.RateLimit;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InputRules;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.domain.portal.AccessPortal;
import dev.gatehouse.domain.portal.Caller;
import dev.gatehouse.server.limits.KeyedRateLimiter;
import dev.gatehouse.server.limits.RateLimitBuckets;
import dev.gatehouse.server.wire.WireHeaders;
import io.micrometer.core.instrument.Counter;
import io.undertow.server.HttpServerExchange;

/**
 * The caller of an access-portal operation, from the {@code x-amz-sso_bearer_token} header, with
 * the per-token rate limit applied once the token is known to be good.
 */
public final class PortalAuthenticator {
    private static final int MAX_TOKEN_LENGTH = 8192;

    private final AccessPortal portal;
    private final KeyedRateLimiter perToken;
    private final Counter limited;

    /** {@code limited} counts the calls turned away by the per-token limit. */
    public PortalAuthenticator(AccessPortal portal, RateLimit perTokenLimit, RateLimitBuckets buckets, Counter limited) {
        this.portal = portal;
        this.perToken = new KeyedRateLimiter("token", perTokenLimit, buckets);
        this.limited = limited;
    }

    public Caller authenticate(HttpServerExchange exchange) {
        String token = exchange.getRequestHeaders().getFirst(WireHeaders.SSO_BEARER_TOKEN);
        if (token == null || token.isBlank()) {
            throw InvalidMemberException.missing("accessToken", "header x-amz-sso_bearer_token");
        }
        Caller caller = portal.authenticate(InputRules.bounded("accessToken", token, MAX_TOKEN_LENGTH).strip());
        if (!perToken.tryAcquire(caller.token().id())) {
            limited.increment();
            throw new GatehouseException(ErrorCode.TOO_MANY_REQUESTS, "Rate exceeded for this access token; slow down and retry");
        }
        return caller;
    }
}
