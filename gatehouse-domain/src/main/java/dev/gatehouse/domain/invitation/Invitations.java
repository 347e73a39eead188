package dev.gatehouse.domain.invitation;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryEntry;
import dev.gatehouse.domain.directory.Invitation;
import dev.gatehouse.domain.directory.LiveDirectory;
import dev.gatehouse.domain.directory.Passwords;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.invitation.ClosedInvitation.Reason;
import dev.gatehouse.domain.signin.Totp;
import dev.gatehouse.domain.signin.TotpSteps;
import dev.gatehouse.domain.store.CounterKeys;
import dev.gatehouse.domain.session.SignInSessions;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.store.UniqueKeyTakenException;
import dev.gatehouse.domain.token.BearerToken;
import dev.gatehouse.domain.token.TokenKind;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Invitation links, with which a user made without a password sets one (and, if they like, an
 * authenticator app), as IAM Identity Center's invitation e-mail does. An admin {@link #create}s one
 * for a user; it is good for seven days, as AWS's are, and a newer one for the same user replaces it.
 * The link carries a 384-bit token of which the store keeps only the SHA-256 hash.
 *
 * <p>{@link #accept} checks, in this order: the link (known, unexpired, unused, its user still
 * there); the password rules ({@link PasswordRules}); the authenticator code when an app is being set
 * up (right for the secret, and a step not spent before); then spends the link, atomically across
 * every instance on the store (a store {@code Counter} under the token's hash that only the first
 * attempt finds at 1), and writes the user's new password hash (Argon2id), and secret if any, in the
 * same directory write that deletes the invitation. The person then signs in on the sign-in page.
 *
 * <p>Setting a password through an invitation ends every sign-in session the user already has (a
 * reset of a password someone else may know): from then on only the new password signs in. Both are
 * audited: InvitationAccepted, then SessionsEndedByDirectory when there were sessions to end.
 */
public final class Invitations {
    /** How long a link is good for: seven days, as AWS's invitation e-mails. */
    public static final Duration LIFETIME = Duration.ofDays(7);
    /** How often {@link #create} tries again when another instance wrote an invitation for the same user meanwhile. */
    private static final int WRITE_ATTEMPTS = 3;

    private final LiveDirectory live;
    private final SignInSessions sessions;
    private final Directory directory;
    private final GatehouseStore store;
    private final InstantSource clock;
    private final AuditTrail audit;

    public Invitations(LiveDirectory live, GatehouseStore store, SignInSessions sessions, InstantSource clock,
                       AuditTrail audit) {
        this.audit = audit;
        this.live = live;
        this.sessions = sessions;
        this.directory = live.directory();
        this.store = store;
        this.clock = clock;
    }

    /** What a link leads to: an {@link Open} invitation, or a {@link ClosedInvitation}. */
    public sealed interface Lookup permits Open, ClosedInvitation {
    }

    /** A link that can still set a password, for {@code user}. */
    public record Open(Invitation invitation, User user) implements Lookup {
    }

    /** What came of {@link #accept}. */
    public sealed interface Outcome permits Accepted, Refused, ClosedInvitation {
    }

    /** The password (and the app's secret, if one was set up) is the user's now; the link is spent. */
    public record Accepted(User user) implements Outcome {
    }

    /** The password breaks a rule or the app's code is wrong; nothing was changed and the link is still good. */
    public record Refused(String message) implements Outcome {
    }

    /** An authenticator app being set up: the secret the page showed, and the code the app shows now. */
    public record NewAuthenticator(String secret, String code) {
        @Override
        public String toString() {
            return "NewAuthenticator[hidden]";
        }
    }

    /**
     * Makes an invitation for the user with this id, replacing any they had.
     *
     * @param createdBy the access key id of the admin asking
     * @throws GatehouseException {@link ErrorCode#RESOURCE_NOT_FOUND} when there is no such user
     */
    public IssuedInvitation create(String userId, String createdBy) {
        live.refresh();
        User user = directory.userById(userId)
                .orElseThrow(() -> new GatehouseException(ErrorCode.RESOURCE_NOT_FOUND, "User not found"));
        BearerToken token = BearerToken.generate(TokenKind.INVITATION);
        Instant now = clock.instant();
        Invitation invitation = new Invitation(hashOf(token), user.id(), now, createdBy, now.plus(LIFETIME));
        for (int attempt = 1; ; attempt++) {
            List<DirectoryEntry> replaced = directory.invitationOf(user.id())
                    .<List<DirectoryEntry>>map(List::of).orElse(List.of());
            try {
                live.write(List.of(invitation), replaced);
                return new IssuedInvitation(token.secret(), user.id(), invitation.expiresAt());
            } catch (UniqueKeyTakenException e) {
                // another instance wrote one for this user since this one last looked: replace that
                if (attempt == WRITE_ATTEMPTS) {
                    throw new GatehouseException(ErrorCode.CONFLICT,
                            "Invitations for this user are being made at the same time; try again");
                }
                live.refresh();
            }
        }
    }

    /** Where the link with this token leads now (for showing the form). */
    public Lookup find(String token) {
        return lookUp(token, clock.instant());
    }

    /**
     * Sets the password the person chose, and the authenticator app they set up when {@code authenticator}
     * is given; spends the link.
     */
    public Outcome accept(String token, String password, Optional<NewAuthenticator> authenticator) {
        Instant now = clock.instant();
        Lookup found = lookUp(token, now);
        if (!(found instanceof Open open)) {
            return (ClosedInvitation) found;
        }
        String candidate = password == null ? "" : password;
        Optional<String> problem = PasswordRules.problem(candidate);
        if (problem.isPresent()) {
            return new Refused(problem.get());
        }
        User user = open.user();
        Optional<String> totpSecret = user.totpSecret();
        if (authenticator.isPresent()) {
            Optional<String> wrong = checkCode(user, authenticator.get(), now);
            if (wrong.isPresent()) {
                return new Refused(wrong.get());
            }
            totpSecret = Optional.of(authenticator.get().secret());
        }
        String hash = Passwords.hash(candidate);
        Invitation invitation = open.invitation();
        String usedKey = usedKey(invitation.tokenHash());
        if (store.incrementCounter(usedKey, now, invitation.expiresAt()).value() != 1) {
            return new ClosedInvitation(Reason.USED);
        }
        User updated = user.withPassword(hash, totpSecret, user.stamps().changed(now, user.id()));
        try {
            live.write(List.of(updated), List.of(invitation));
        } catch (RuntimeException e) {
            giveBack(usedKey, e);
            throw e;
        }
        audit.event(AuditEvent.INVITATION_ACCEPTED).user(updated)
                .detail("authenticator", authenticator.isPresent()).record();
        sessions.endAllOf(updated, "password_set");
        return new Accepted(updated);
    }

    private Lookup lookUp(String token, Instant now) {
        Optional<BearerToken> parsed = BearerToken.parse(TokenKind.INVITATION, token);
        if (parsed.isEmpty()) {
            return new ClosedInvitation(Reason.UNKNOWN);
        }
        String tokenHash = hashOf(parsed.get());
        // the link may have been made or replaced on another instance a moment ago
        live.refresh();
        // found by its hash: the lookup compares hashes, never the secret itself
        Optional<Invitation> invitation = directory.invitation(tokenHash);
        boolean spent = store.findCounter(usedKey(tokenHash), now).isPresent();
        if (invitation.isEmpty()) {
            return new ClosedInvitation(spent ? Reason.USED : Reason.UNKNOWN);
        }
        if (invitation.get().isExpiredAt(now)) {
            return new ClosedInvitation(Reason.EXPIRED);
        }
        if (spent) {
            return new ClosedInvitation(Reason.USED);
        }
        return directory.userById(invitation.get().userId())
                .<Lookup>map(user -> new Open(invitation.get(), user))
                .orElseGet(() -> new ClosedInvitation(Reason.USER_GONE));
    }

    /** Empty when the app's code proves it holds the secret; otherwise what to tell the person. */
    private Optional<String> checkCode(User user, NewAuthenticator app, Instant now) {
        if (!AuthenticatorSetup.isWellFormed(app.secret())) {
            return Optional.of("The authenticator app's secret is not the one this page showed. Reload the page and "
                    + "set up the app again.");
        }
        OptionalLong step = Totp.matchingStep(app.secret(), app.code(), now);
        if (step.isEmpty()) {
            return Optional.of("Incorrect verification code. Enter the 6-digit code your authenticator app shows now.");
        }
        if (!TotpSteps.claim(store, user.id(), step.getAsLong(), now)) {
            return Optional.of("That code was already used. Wait for the next one.");
        }
        return Optional.empty();
    }

    /** The link was spent but nothing was written: it may be used again. */
    private void giveBack(String usedKey, RuntimeException failure) {
        try {
            store.decrementCounter(usedKey);
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    private static String usedKey(String tokenHash) {
        return CounterKeys.of("invitation-used", tokenHash);
    }

    private static String hashOf(BearerToken token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.hash());
    }
}
