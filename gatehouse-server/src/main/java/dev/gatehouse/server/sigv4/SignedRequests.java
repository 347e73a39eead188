package dev.gatehouse.server.sigv4;

import dev.gatehouse.domain.credentials.RoleSessionAuthenticator;
import dev.gatehouse.domain.credentials.SignedRequest;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.DateUtils;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Date;
import java.util.Optional;

/**
 * Reads a SigV4-signed request off the exchange for {@link RoleSessionAuthenticator}: the
 * {@code Authorization} header, the signing time ({@code X-Amz-Date}, else {@code Date}), the
 * session token ({@code X-Amz-Security-Token}) and the canonical request. Presigned URLs (the
 * signature in the query string) are not supported: without an {@code Authorization} header the
 * request is unsigned.
 */
public final class SignedRequests {
    private static final HttpString AMZ_DATE = HttpString.tryFromString("X-Amz-Date");
    private static final HttpString SECURITY_TOKEN = HttpString.tryFromString("X-Amz-Security-Token");

    private SignedRequests() {
    }

    public static SignedRequest read(HttpServerExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            throw new GatehouseException(ErrorCode.UNSIGNED, "Request is missing Authentication Token");
        }
        AuthorizationHeader header = AuthorizationHeader.parse(authorization);
        return new SignedRequest(header.accessKeyId(), header.scope(), signingTime(exchange),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst(SECURITY_TOKEN)).map(String::strip),
                CanonicalRequest.of(exchange, body, header.signedHeaders()), header.signature());
    }

    /** {@code X-Amz-Date} as sent; otherwise the HTTP {@code Date} header in the same basic ISO-8601 form. */
    private static String signingTime(HttpServerExchange exchange) {
        String amzDate = exchange.getRequestHeaders().getFirst(AMZ_DATE);
        if (amzDate != null) {
            return amzDate.strip();
        }
        String httpDate = exchange.getRequestHeaders().getFirst(Headers.DATE);
        Date parsed = httpDate == null ? null : DateUtils.parseDate(httpDate);
        if (parsed == null) {
            throw new GatehouseException(ErrorCode.MALFORMED_SIGNATURE,
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        return RoleSessionAuthenticator.format(parsed.toInstant());
    }
}
