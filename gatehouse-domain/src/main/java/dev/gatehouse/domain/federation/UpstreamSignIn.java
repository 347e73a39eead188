package dev.gatehouse.domain.federation;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.audit.RequestOrigin;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.session.SessionOrigin;
import dev.gatehouse.domain.session.SignInMethod;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.session.SignInSessions;
import dev.gatehouse.domain.signin.SignIn;
import dev.gatehouse.domain.token.Tokens;
import java.util.Locale;
import java.util.Optional;

/**
 * The end of a sign-in through an external identity provider, whatever the protocol: the checked
 * {@link UpstreamIdentity} is matched to a directory user by user name or e-mail (case-insensitively,
 * as IAM Identity Center does), and a Gatehouse sign-in session starts exactly as a password sign-in
 * starts one; from there on everything (device and PKCE consent, the portal, Logout) is as before.
 * An identity that matches no user is refused (unless the source makes users just in time) and audited.
 */
public final class UpstreamSignIn {
    private final Directory directory;
    private final SignInSessions sessions;
    private final Tokens tokens;
    private final AuditTrail audit;
    private final JustInTimeUsers justInTime;

    public UpstreamSignIn(Directory directory, SignInSessions sessions, Tokens tokens, AuditTrail audit,
                          JustInTimeUsers justInTime) {
        this.directory = directory;
        this.sessions = sessions;
        this.tokens = tokens;
        this.audit = audit;
        this.justInTime = justInTime;
    }

    /**
     * The directory user an upstream identity names ({@link #match}); when none does and the source
     * makes users just in time, the user made for it now ({@link JustInTimeUsers}). Empty: refuse.
     */
    public Optional<User> userFor(UpstreamIdentity identity, IdentitySource.UserMatch match, boolean justInTimeUsers) {
        Optional<User> user = match(match, identity.matchValue());
        if (user.isPresent() || !justInTimeUsers) {
            return user;
        }
        return justInTime.create(identity, match);
    }

    /** The directory user an upstream identity names, when there is one. */
    public Optional<User> match(IdentitySource.UserMatch match, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (match) {
            case USER_NAME -> directory.user(value.strip());
            case EMAIL -> directory.users().stream()
                    .filter(u -> u.email().toLowerCase(Locale.ROOT).equals(value.strip().toLowerCase(Locale.ROOT)))
                    .findFirst();
        };
    }

    /**
     * Starts the session of the matched user (for {@code via}: the browser, a device code or PKCE, as the
     * sign-in page's {@code next} says), audited as a sign-in that succeeded.
     */
    public SignIn.SignedIn signIn(UpstreamIdentity identity, User user, SignInMethod via, String viaClientName) {
        RequestOrigin origin = RequestOrigin.current();
        SignInSession session = sessions.start(user, new SessionOrigin(via, Optional.ofNullable(viaClientName),
                origin.sourceAddress(), origin.userAgent()));
        audit.event(AuditEvent.SIGN_IN_SUCCEEDED).user(user).session(session.id()).client(viaClientName, null)
                .detail("method", via).detail("upstream", identity.protocol()).detail("issuer", identity.issuer())
                .record();
        return new SignIn.SignedIn(session, tokens.issueBrowserToken(session));
    }

    /** Records an upstream answer that was refused (bad signature, wrong audience, replay, no such user…). */
    public void refused(String protocol, String reason, Optional<User> user) {
        AuditTrail.Entry entry = audit.event(AuditEvent.SIGN_IN_FAILED).outcome(AuditOutcome.FAILURE)
                .detail("upstream", protocol).detail("reason", reason);
        user.ifPresent(entry::user);
        entry.record();
    }
}
