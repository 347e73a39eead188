package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.aws.EntryLock;
import dev.gatehouse.cli.aws.RoleCredentialsCache;
import dev.gatehouse.cli.aws.SsoToken;
import dev.gatehouse.client.GatehouseClientException;
import dev.gatehouse.client.sso.GetRoleCredentialsCommand;
import dev.gatehouse.client.sso.SsoClient;
import dev.gatehouse.client.sso.model.GetRoleCredentialsInput;
import dev.gatehouse.client.sso.model.RoleCredentials;
import dev.gatehouse.client.sso.model.SsoServiceException;
import dev.gatehouse.client.sso.model.UnauthorizedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Role credentials of a profile, as the AWS CLI's SSO provider gets them: the cached entry in
 * {@code ~/.aws/cli/cache} while it has more than 15 minutes left; else GetRoleCredentials with a
 * usable SSO token ({@link TokenRefresher}), cached for the next caller. Check, fetch and write
 * happen under the entry's lock, and the entry is read again once the lock is held, so that many
 * callers at once make one GetRoleCredentials.
 */
public final class RoleCredentialsFetcher {
    private final RoleCredentialsCache cache;
    private final TokenRefresher tokens;
    private final Supplier<SsoClient> portal;
    private final InstantSource clock;

    public RoleCredentialsFetcher(RoleCredentialsCache cache, TokenRefresher tokens, Supplier<SsoClient> portal,
                                  InstantSource clock) {
        this.cache = cache;
        this.tokens = tokens;
        this.portal = portal;
        this.clock = clock;
    }

    @SuppressWarnings("try") // the entry lock is held by its try block, not used in it
    public RoleCredentialsCache.Entry credentials(SsoTarget target, String accountId, String roleName) throws IOException {
        Path file = cache.fileFor(accountId, roleName, target.sessionName(), target.legacy() ? target.startUrl() : null);
        Optional<RoleCredentialsCache.Entry> cached = cache.read(file).filter(e -> e.usableAt(clock.instant()));
        if (cached.isPresent()) {
            return cached.get();
        }
        try (EntryLock lock = cache.lock(file)) {
            cached = cache.read(file).filter(e -> e.usableAt(clock.instant()));
            if (cached.isPresent()) {
                return cached.get(); // fetched by whoever held the lock before us
            }
            SsoToken token = tokens.usableToken(target);
            RoleCredentials fetched;
            try {
                fetched = portal.get().send(new GetRoleCredentialsCommand(
                        GetRoleCredentialsInput.of(token.accessToken(), accountId, roleName))).roleCredentials();
            } catch (UnauthorizedException e) {
                throw new LoginRequiredException("the SSO token for " + target.describe()
                        + " was refused (it expired or was logged out)");
            } catch (SsoServiceException e) {
                if ("ForbiddenException".equals(e.errorCode())) {
                    throw new CliException("no access to role " + roleName + " in account " + accountId
                            + " (" + e.errorMessage() + ")");
                }
                throw new CliException("GetRoleCredentials failed: " + e.getMessage());
            } catch (GatehouseClientException e) {
                throw new CliException("GetRoleCredentials failed: " + e.getMessage());
            }
            if (fetched == null || fetched.accessKeyId() == null || fetched.secretAccessKey() == null
                    || fetched.sessionToken() == null || fetched.expiration() == null) {
                throw new CliException("GetRoleCredentials answered without complete credentials");
            }
            RoleCredentialsCache.Entry entry = new RoleCredentialsCache.Entry(fetched.accessKeyId(),
                    fetched.secretAccessKey(), fetched.sessionToken(), fetched.expiration(), accountId);
            cache.write(file, entry);
            return entry;
        }
    }
}
