package dev.gatehouse.cli.aws;

import java.time.Instant;
import java.util.Optional;

/**
 * One SSO token file of {@code ~/.aws/sso/cache}, with the AWS CLI v2's fields. {@code toString}
 * never shows the tokens or the client secret.
 */
public record SsoToken(String startUrl, String region, String accessToken, Instant expiresAt,
                       Optional<String> clientId, Optional<String> clientSecret,
                       Optional<Instant> registrationExpiresAt, Optional<String> refreshToken) {

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "SsoToken[" + startUrl + " " + region + " until " + expiresAt + "]";
    }
}
