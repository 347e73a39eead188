package dev.gatehouse.domain.store;

import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.TokenRecord;
import java.time.Instant;
import java.util.Optional;

/**
 * The one storage port. Every write is durable when the method returns (on disk, or committed in
 * the database); adapters may group concurrent writes into one commit. Adapters throw
 * {@link StoreUnavailableException} when they cannot serve.
 */
public interface GatehouseStore extends AutoCloseable {

    void createSession(SignInSession session);

    Optional<SignInSession> findSession(String sessionId);

    /** Marks the session ended at {@code endedAt}; a session once ended stays ended. */
    void endSession(String sessionId, Instant endedAt);

    void saveToken(TokenRecord token);

    Optional<TokenRecord> findToken(String tokenId);

    void saveRoleSession(RoleSession roleSession);

    Optional<RoleSession> findRoleSession(String accessKeyId);

    /** A 256-bit secret made once per data set and kept with it; used to derive role secrets. */
    byte[] instanceKey();

    /** Deletes sessions, tokens and role sessions that expired before {@code cutoff}; returns how many. */
    long purgeExpiredBefore(Instant cutoff);

    /** Empty when the store can serve; otherwise why not. */
    Optional<String> unavailableReason();

    @Override
    void close();
}
