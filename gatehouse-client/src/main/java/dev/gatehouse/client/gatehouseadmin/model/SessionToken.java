package dev.gatehouse.client.gatehouseadmin.model;

import java.time.Instant;

/**
 * A live token of a sign-in session (the wire's {@code Token}): what it is and for whom, never the token itself.
 *
 * @param kind          {@code ACCESS}, {@code REFRESH} or {@code BROWSER}
 * @param clientId      the OIDC client it was issued to
 * @param clientName    that client's name, or null
 * @param sourceAddress the address it was issued to, or null
 */
public record SessionToken(String kind, String clientId, String clientName, Instant issuedAt, Instant expiresAt,
                           String sourceAddress) {
}
