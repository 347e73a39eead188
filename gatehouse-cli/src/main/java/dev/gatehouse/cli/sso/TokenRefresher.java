package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.aws.EntryLock;
import dev.gatehouse.cli.aws.SsoToken;
import dev.gatehouse.cli.aws.SsoTokenCache;
import dev.gatehouse.client.GatehouseClientException;
import dev.gatehouse.client.ssooidc.CreateTokenCommand;
import dev.gatehouse.client.ssooidc.SsoOidcClient;
import dev.gatehouse.client.ssooidc.model.CreateTokenInput;
import dev.gatehouse.client.ssooidc.model.CreateTokenOutput;
import dev.gatehouse.client.ssooidc.model.SsoOidcServiceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cached SSO token of a target, refreshed first when it has less than 15 minutes left (the
 * botocore rule) and can be: an sso-session token with a refresh token, client id and secret, and
 * a registration that has not expired. The refresh is CreateToken {@code refresh_token}, written
 * back as the CLI writes it.
 *
 * <p>Many processes at once on an expiring token make one refresh: the check, the refresh and the
 * write happen under the entry's lock ({@link SsoTokenCache#lock}), and the file is read again
 * once the lock is held, so that those who waited find the refreshed token and use it.
 */
public final class TokenRefresher {
    public static final Duration REFRESH_WINDOW = Duration.ofMinutes(15);

    private final SsoTokenCache cache;
    private final InstantSource clock;
    private final Supplier<SsoOidcClient> oidc;
    private final PrintWriter err;

    public TokenRefresher(SsoTokenCache cache, InstantSource clock, Supplier<SsoOidcClient> oidc, PrintWriter err) {
        this.cache = cache;
        this.clock = clock;
        this.oidc = oidc;
        this.err = err;
    }

    /** Whether a token is due for a refresh: less than 15 minutes left, or expired. */
    public static boolean dueAt(SsoToken token, Instant now) {
        return !now.plus(REFRESH_WINDOW).isBefore(token.expiresAt());
    }

    /** Whether the cached fields allow a refresh now (legacy profiles never refresh). */
    public static boolean refreshableAt(SsoToken token, Instant now, boolean legacy) {
        return !legacy && token.refreshToken().isPresent() && token.clientId().isPresent()
                && token.clientSecret().isPresent()
                && token.registrationExpiresAt().filter(now::isBefore).isPresent();
    }

    /**
     * A token to call the access portal with.
     *
     * @throws LoginRequiredException when there is none, or it expired and cannot be refreshed
     */
    @SuppressWarnings("try") // the entry lock is held by its try block, not used in it
    public SsoToken usableToken(SsoTarget target) throws IOException {
        Optional<SsoToken> cached = cache.read(target.cacheKey());
        if (cached.isPresent() && !dueAt(cached.get(), clock.instant())) {
            return cached.get();
        }
        try (EntryLock lock = cache.lock(target.cacheKey())) {
            SsoToken token = cache.read(target.cacheKey()).orElseThrow(() -> new LoginRequiredException(
                    "there is no cached SSO token for " + target.describe()));
            Instant now = clock.instant();
            if (!dueAt(token, now)) {
                return token; // fresh, or refreshed by whoever held the lock before us
            }
            String problem = "the SSO token for " + target.describe() + " has expired";
            if (refreshableAt(token, now, target.legacy())) {
                try {
                    return refresh(target, token, now);
                } catch (SsoOidcServiceException e) {
                    problem += " and could not be refreshed (" + e.errorCode() + ": " + e.errorMessage() + ")";
                    warn("could not refresh the SSO token for " + target.describe() + ": " + e.getMessage());
                } catch (GatehouseClientException e) {
                    problem += " and could not be refreshed (" + e.getMessage() + ")";
                    warn("could not refresh the SSO token for " + target.describe() + ": " + e.getMessage());
                }
            } else if (!target.legacy()) {
                problem += " and cannot be refreshed" + whyNot(token);
            }
            if (token.isExpiredAt(now)) {
                throw new LoginRequiredException(problem);
            }
            return token; // still valid for a while: use it, as the SDKs do
        }
    }

    private SsoToken refresh(SsoTarget target, SsoToken token, Instant now) throws IOException {
        CreateTokenOutput refreshed = oidc.get().send(new CreateTokenCommand(CreateTokenInput.refreshToken(
                token.clientId().orElseThrow(), token.clientSecret().orElseThrow(), token.refreshToken().orElseThrow())));
        SsoToken renewed = new SsoToken(token.startUrl(), token.region(), refreshed.accessToken(),
                now.plusSeconds(refreshed.expiresIn()), token.clientId(), token.clientSecret(),
                token.registrationExpiresAt(), Optional.ofNullable(refreshed.refreshToken()));
        cache.write(target.cacheKey(), renewed);
        return renewed;
    }

    /** Why a token cannot be refreshed, in parentheses, for messages. */
    public static String whyNot(SsoToken token) {
        if (token.refreshToken().isEmpty()) {
            return " (no refresh token)";
        }
        if (token.clientId().isEmpty() || token.clientSecret().isEmpty() || token.registrationExpiresAt().isEmpty()) {
            return " (no client registration in the cache file)";
        }
        return " (the client registration expired)";
    }

    private void warn(String message) {
        err.println("gatehouse: warning: " + message);
        err.flush();
    }
}
