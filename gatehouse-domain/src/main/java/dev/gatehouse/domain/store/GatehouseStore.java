package dev.gatehouse.domain.store;

import dev.gatehouse.domain.audit.AuditStore;
import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.oidc.AuthorizationCode;
import dev.gatehouse.domain.oidc.DeviceAuthorization;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.TokenRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one storage port. Every write is durable when the method returns (on disk, or committed in
 * the database); adapters may group concurrent writes into one commit. Adapters throw
 * {@link StoreUnavailableException} when they cannot serve.
 */
public interface GatehouseStore extends DirectoryStore, AuditStore, AutoCloseable {

    void createSession(SignInSession session);

    Optional<SignInSession> findSession(String sessionId);

    /**
     * Every sign-in session of a user the store still holds (active, ended or expired, until the purge
     * removes them), oldest first; none for a user without sessions. What lets an admin, or a password
     * reset, end all of a user's sessions at once.
     */
    List<SignInSession> sessionsOfUser(String userId);

    /** Marks the session ended at {@code endedAt}; a session once ended stays ended. */
    void endSession(String sessionId, Instant endedAt);

    void saveToken(TokenRecord token);

    /**
     * Every token of a sign-in session the store still holds (live, rotated or expired, until the purge
     * removes them), oldest first: what an admin or the user sees of a session's tokens.
     */
    List<TokenRecord> tokensOfSession(String sessionId);

    Optional<TokenRecord> findToken(String tokenId);

    /**
     * A token and its sign-in session: what checking a presented token reads on every API call.
     * Adapters that can read both in one round trip should.
     */
    default Optional<TokenWithSession> findTokenWithSession(String tokenId) {
        return findToken(tokenId).map(token -> new TokenWithSession(token, findSession(token.sessionId())));
    }

    /**
     * Changes a token atomically: {@code change} sees the current record and returns the new one, or
     * throws to leave it as it is (the exception reaches the caller). Empty when there is no such token.
     */
    Optional<TokenRecord> updateToken(String tokenId, UnaryOperator<TokenRecord> change);

    void saveRoleSession(RoleSession roleSession);

    Optional<RoleSession> findRoleSession(String accessKeyId);

    /** Every role session issued from a sign-in session that the store still holds, oldest first. */
    List<RoleSession> roleSessionsOfSignInSession(String signInSessionId);

    /**
     * Marks the role session ended at {@code endedAt}, so that its credentials are refused from then on;
     * one once ended stays ended (the first time is kept). Nothing happens for an unknown id.
     */
    void endRoleSession(String accessKeyId, Instant endedAt);

    void saveClient(RegisteredClient client);

    Optional<RegisteredClient> findClient(String clientId);

    /**
     * Saves a new device authorization, findable by its id and by its user code, unless its user code
     * or id is already taken by one the store still holds (until the purge removes it): then saves
     * nothing and answers false. Decided atomically across every instance on this store, so that a
     * user code always leads to exactly one authorization.
     */
    boolean saveDeviceAuthorization(DeviceAuthorization authorization);

    Optional<DeviceAuthorization> findDeviceAuthorization(String id);

    Optional<DeviceAuthorization> findDeviceAuthorizationByUserCode(String userCode);

    /** Changes a device authorization atomically, as {@link #updateToken} does. */
    Optional<DeviceAuthorization> updateDeviceAuthorization(String id, UnaryOperator<DeviceAuthorization> change);

    void saveAuthorizationCode(AuthorizationCode code);

    Optional<AuthorizationCode> findAuthorizationCode(String id);

    /** Changes an authorization code atomically, as {@link #updateToken} does. */
    Optional<AuthorizationCode> updateAuthorizationCode(String id, UnaryOperator<AuthorizationCode> change);

    /**
     * Adds one to the counter under {@code key} and returns it, atomically across every instance on
     * this store. A missing counter, or one expired at {@code at}, starts again at 1. The counter is
     * kept until {@code expiresAt}.
     */
    Counter incrementCounter(String key, Instant at, Instant expiresAt);

    /**
     * Raises the counter under {@code key} to {@code value} when it is missing, expired at {@code at},
     * or lower, atomically; true when it was raised (and is now kept until {@code expiresAt}).
     */
    boolean raiseCounter(String key, long value, Instant at, Instant expiresAt);

    /**
     * Takes one off the counter under {@code key}, atomically across every instance on this store,
     * when it is there and above zero; its times stay as they are. Gives back what an
     * {@link #incrementCounter} reserved for an attempt that turned out not to count.
     */
    void decrementCounter(String key);

    /** The counter under {@code key}; empty when there is none or it has expired at {@code now}. */
    Optional<Counter> findCounter(String key, Instant now);

    void deleteCounter(String key);

    /** A 256-bit secret made once per data set and kept with it; used to derive role secrets. */
    byte[] instanceKey();

    /**
     * Deletes every record that expired before {@code cutoff}, and the directory change log's lines
     * written more than {@link DirectoryStore#LOG_KEPT_FOR} before it; returns how many.
     */
    long purgeExpiredBefore(Instant cutoff);

    /**
     * Empty when the store can serve; otherwise why not: a short cause ({@code PostgreSQL unreachable}),
     * then, after {@code ": "}, any details (the driver's words), which are for the log only.
     */
    Optional<String> unavailableReason();

    @Override
    void close();
}
