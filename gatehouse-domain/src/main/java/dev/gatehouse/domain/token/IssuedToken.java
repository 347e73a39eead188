package dev.gatehouse.domain.token;

import java.time.Instant;

/** A token just handed out: the secret goes to the client once, the record to the store. */
public record IssuedToken(BearerToken token, TokenRecord record) {
    public String secret() {
        return token.secret();
    }

    public Instant expiresAt() {
        return record.expiresAt();
    }

    @Override
    public String toString() {
        return "IssuedToken[" + record + "]";
    }
}
