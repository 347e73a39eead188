package dev.gatehouse.cli.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A cached RegisterClient result, as the AWS CLI keeps it in {@code ~/.aws/sso/cache}. Reused while
 * more than 15 minutes from expiry and of the right kind (PKCE registrations list the
 * {@code authorization_code} grant).
 */
public record ClientRegistration(String clientId, String clientSecret, Instant expiresAt, List<String> scopes,
                                 List<String> grantTypes) {
    public static final Duration REUSE_MARGIN = Duration.ofMinutes(15);

    public boolean reusableAt(Instant now, boolean forPkce) {
        return now.plus(REUSE_MARGIN).isBefore(expiresAt) && grantTypes.contains("authorization_code") == forPkce;
    }

    @Override
    public String toString() {
        return "ClientRegistration[" + clientId + " until " + expiresAt + "]";
    }
}
