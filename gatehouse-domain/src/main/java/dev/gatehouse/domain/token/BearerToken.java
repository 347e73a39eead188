package dev.gatehouse.domain.token;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * A bearer secret: a prefix, then 48 random bytes in base64url (384 bits). The first 16 bytes are
 * the token's public id, used to find its record; the SHA-256 of all 48 bytes is what is stored and
 * is compared in constant time. {@link #toString()} never shows the secret.
 */
public final class BearerToken {
    private static final int ID_BYTES = 16;
    private static final int TOTAL_BYTES = 48;
    private static final int ENCODED_LENGTH = 64;

    private final TokenKind kind;
    private final byte[] raw;

    private BearerToken(TokenKind kind, byte[] raw) {
        this.kind = kind;
        this.raw = raw;
    }

    public static BearerToken generate(TokenKind kind) {
        return new BearerToken(kind, RandomIds.bytes(TOTAL_BYTES));
    }

    /** Parses a presented token; empty when it cannot be one of ours (which callers treat as unknown). */
    public static Optional<BearerToken> parse(TokenKind kind, String presented) {
        if (presented == null || presented.length() != kind.prefix().length() + ENCODED_LENGTH
                || !presented.startsWith(kind.prefix())) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(presented.substring(kind.prefix().length()));
            return raw.length == TOTAL_BYTES ? Optional.of(new BearerToken(kind, raw)) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    public TokenKind kind() {
        return kind;
    }

    public String id() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(raw, ID_BYTES));
    }

    public byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time check of this secret against a stored hash. */
    public boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(hash(), storedHash);
    }

    /** The secret itself, for handing to the client once. */
    public String secret() {
        return kind.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @Override
    public String toString() {
        return "BearerToken[" + kind + " " + id() + "]";
    }
}
