package dev.gatehouse.server.federation.oidc;

/**
 * Why a sign-in through the OpenID Connect provider was refused: the reason the audit record names
 * ({@code reason}), the page's status and the words the person reads (never the provider's own
 * error text, which may say more than it should).
 */
enum OidcRefusal {
    PROVIDER_ERROR(401, "provider_error", "Your identity provider did not sign you in."),
    BAD_STATE(400, "bad_state", "This sign-in was not started in this browser, or it took too long."),
    REPLAYED_STATE(400, "replayed_state", "This sign-in answer was already used."),
    PROVIDER_UNAVAILABLE(502, "provider_unavailable", "Your identity provider could not be reached."),
    TOKEN_REFUSED(401, "token_refused", "Your identity provider refused to complete the sign-in."),
    WRONG_ISSUER(401, "wrong_issuer", "The identity provider's answer could not be trusted."),
    WRONG_AUDIENCE(401, "wrong_audience", "The identity provider's answer could not be trusted."),
    WRONG_NONCE(401, "wrong_nonce", "The identity provider's answer could not be trusted."),
    BAD_SIGNATURE(401, "bad_signature", "The identity provider's answer could not be trusted."),
    EXPIRED(401, "expired", "The identity provider's answer has expired."),
    INVALID_TOKEN(401, "invalid_token", "The identity provider's answer could not be trusted."),
    NO_USER_CLAIM(401, "no_user_claim", "Your identity provider did not say who you are."),
    EMAIL_NOT_VERIFIED(403, "email_not_verified", "Your identity provider has not verified your e-mail address.");

    private final int status;
    private final String reason;
    private final String text;

    OidcRefusal(int status, String reason, String text) {
        this.status = status;
        this.reason = reason;
        this.text = text;
    }

    int status() {
        return status;
    }

    /** The audit record's {@code reason}. */
    String reason() {
        return reason;
    }

    /** What the error page says. */
    String text() {
        return text;
    }
}
