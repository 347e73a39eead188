package dev.gatehouse.client.gatehouseadmin.model;

import dev.gatehouse.client.internal.Redact;
import java.time.Instant;

/**
 * CreateInvitation's output: the link the user opens to set a password (whoever holds it can, until
 * it expires or is used, so {@code toString} does not show it) and when it expires.
 */
public record CreateInvitationOutput(String invitationUrl, Instant expiresAt) {
    @Override
    public String toString() {
        return "CreateInvitationOutput[invitationUrl=" + Redact.secret(invitationUrl) + ", expiresAt=" + expiresAt + "]";
    }
}
