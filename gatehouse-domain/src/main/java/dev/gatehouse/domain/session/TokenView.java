package dev.gatehouse.domain.session;

import dev.gatehouse.domain.token.TokenKind;
import java.time.Instant;
import java.util.Optional;

/**
 * A live token of a session, without its secret: its kind (access, refresh, the browser's cookie), the
 * OIDC client it was issued to (id and {@code clientName}; {@code browser} for the cookie), when, until
 * when, and to which address.
 */
public record TokenView(TokenKind kind, String clientId, Optional<String> clientName, Instant issuedAt,
                        Instant expiresAt, Optional<String> sourceAddress) {
}
