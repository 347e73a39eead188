package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.audit.RequestOrigin;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.Passwords;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.session.SessionOrigin;
import dev.gatehouse.domain.session.SignInMethod;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.session.SignInSessions;
import dev.gatehouse.domain.store.CounterKeys;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.token.IssuedToken;
import dev.gatehouse.domain.token.RandomIds;
import dev.gatehouse.domain.token.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing in with a user name and password, plus a TOTP code for users that have a secret. Checked
 * in this order: the throttle (per user name and per address); the password (an unknown user costs
 * the same time and gets the same answer as a wrong password); the TOTP code when the user has a
 * secret. Success starts a sign-in session and gives the browser its session token.
 *
 * <p>A person with a TOTP secret who has given the right password but no code gets a short-lived
 * ticket, so that the second form asks only for the code and never carries the password. The ticket
 * is an HMAC (with the instance key) of the user name, its expiry, a random id and the browser key
 * of the attempt (a secret the browser holds in a cookie), so it is good only from the browser that
 * gave the password; and it is good once: the first attempt that presents it spends it in the store
 * (a {@code Counter} under its id, so on every instance), and an attempt with a wrong code gets a new
 * ticket.
 *
 * <p>Every attempt is audited: succeeded, failed, throttled, and the TOTP code's check. A failed or
 * throttled attempt names the user only when the typed name is one: people type their password into
 * the user-name field, and that must never reach the trail.
 */
public final class SignIn {
    public static final String WRONG_CREDENTIALS = "Incorrect user name or password.";
    private static final String REPLAYED_CODE = "That code was already used. Wait for the next one.";
    private static final Duration TICKET_LIFETIME = Duration.ofMinutes(5);
    /** Verified against when the user does not exist, so that both cases take as long. */
    private static final String DUMMY_HASH = Passwords.hash("no such user: equal time");

    private final Directory directory;
    private final SignInSessions sessions;
    private final Tokens tokens;
    private final SignInThrottle throttle;
    private final InstantSource clock;
    private final SecretKeySpec ticketKey;
    private final GatehouseStore store;
    private final AuditTrail audit;

    public SignIn(Directory directory, SignInSessions sessions, Tokens tokens, GatehouseStore store,
                  InstantSource clock, AuditTrail audit) {
        this.directory = directory;
        this.audit = audit;
        this.sessions = sessions;
        this.tokens = tokens;
        this.store = store;
        this.throttle = new SignInThrottle(store, clock);
        this.clock = clock;
        this.ticketKey = new SecretKeySpec(store.instanceKey(), "HmacSHA256");
    }

    /**
     * One submission of the sign-in form. {@code password} may be empty when a ticket is given;
     * {@code browserKey} is a secret of the submitting browser (the same on each of its attempts) that a
     * ticket is bound to; {@code via} is the flow the person signs in for, and {@code viaClientName}
     * the {@code clientName} of the OIDC client that asked for it (device code, PKCE), when there is one.
     */
    public record Attempt(String userName, String password, String otp, String ticket, String clientAddress,
                          String browserKey, SignInMethod via, String viaClientName) {
        public Attempt {
            via = via == null ? SignInMethod.BROWSER : via;
        }

        /** A sign-in on the portal in a browser. */
        public Attempt(String userName, String password, String otp, String ticket, String clientAddress,
                       String browserKey) {
            this(userName, password, otp, ticket, clientAddress, browserKey, SignInMethod.BROWSER, null);
        }

        /**
         * An attempt from no particular browser (password, and code if needed, at once): a ticket cannot
         * stand in for the password here, since there is no browser to bind it to.
         */
        public Attempt(String userName, String password, String otp, String ticket, String clientAddress) {
            this(userName, password, otp, ticket, clientAddress, null);
        }

        /** Names neither the typed user name (people type their password there) nor any secret. */
        @Override
        public String toString() {
            return "Attempt[from " + clientAddress + " via " + via + "]";
        }
    }

    /** What came of an attempt. */
    public sealed interface Outcome {
    }

    public record SignedIn(SignInSession session, IssuedToken browserToken) implements Outcome {
    }

    /** The password was right; now the TOTP code, with this ticket instead of the password. */
    public record NeedsCode(String userName, String ticket, Optional<String> message) implements Outcome {
        /** Without the ticket: it stands in for the password until it is spent. */
        @Override
        public String toString() {
            return "NeedsCode[" + userName + "]";
        }
    }

    public record Rejected(String message) implements Outcome {
    }

    public record Throttled(Duration retryAfter, String message) implements Outcome {
    }

    public Outcome attempt(Attempt attempt) {
        String userName = attempt.userName() == null ? "" : attempt.userName().strip();
        Optional<Duration> wait = throttle.waitBefore(userName, attempt.clientAddress());
        if (wait.isPresent()) {
            attemptEvent(AuditEvent.SIGN_IN_THROTTLED, userName).outcome(AuditOutcome.THROTTLED)
                    .detail("retryAfterSeconds", wait.get().toSeconds()).record();
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
            return new Throttled(wait.get(), "Too many failed sign-in attempts. Try again in " + seconds
                    + (seconds == 1 ? " second." : " seconds."));
        }
        Optional<User> user = directory.user(userName);
        boolean passwordProven = spendTicket(userName, attempt.ticket(), attempt.browserKey())
                || passwordMatches(user, attempt.password());
        if (user.isEmpty() || !passwordProven) {
            throttle.failed(userName, attempt.clientAddress());
            attemptEvent(AuditEvent.SIGN_IN_FAILED, userName).outcome(AuditOutcome.FAILURE).record();
            return new Rejected(WRONG_CREDENTIALS);
        }
        if (user.get().totpSecret().isPresent()) {
            Optional<String> problem = checkCode(user.get(), attempt.otp());
            if (problem.isPresent()) {
                if (attempt.otp() != null && !attempt.otp().isBlank()) {
                    throttle.failed(userName, attempt.clientAddress());
                    audit.event(AuditEvent.MFA_FAILED).outcome(AuditOutcome.FAILURE).user(user.get())
                            .detail("reason", problem.get().equals(REPLAYED_CODE) ? "replayed_code" : "wrong_code")
                            .record();
                }
                return new NeedsCode(userName, ticketFor(userName, attempt.browserKey()),
                        problem.filter(p -> !p.isEmpty()));
            }
            audit.event(AuditEvent.MFA_SUCCEEDED).user(user.get()).record();
        }
        throttle.succeeded(userName, attempt.clientAddress());
        SignInSession session = sessions.start(user.get(), new SessionOrigin(attempt.via(),
                Optional.ofNullable(attempt.viaClientName()), Optional.ofNullable(attempt.clientAddress()),
                RequestOrigin.current().userAgent()));
        audit.event(AuditEvent.SIGN_IN_SUCCEEDED).user(user.get()).session(session.id())
                .client(attempt.viaClientName(), null).detail("method", attempt.via())
                .detail("mfa", user.get().totpSecret().isPresent()).record();
        return new SignedIn(session, tokens.issueBrowserToken(session));
    }

    /**
     * An event of an attempt that did not succeed: with the user when the typed name is one, otherwise
     * with {@code knownUser=false} and no name at all (it may be a password typed in the wrong field).
     */
    private AuditTrail.Entry attemptEvent(AuditEvent event, String typedUserName) {
        AuditTrail.Entry entry = audit.event(event);
        Optional<User> user = directory.user(typedUserName);
        return user.isPresent() ? entry.user(user.get()) : entry.detail("knownUser", false);
    }

    private static boolean passwordMatches(Optional<User> user, String password) {
        String candidate = password == null ? "" : password;
        Optional<String> hash = user.flatMap(User::passwordHash);
        return Passwords.verify(candidate, hash.orElse(DUMMY_HASH)) && hash.isPresent();
    }

    /** Empty when the code is good; "" when there is none yet; otherwise what is wrong. */
    private Optional<String> checkCode(User user, String otp) {
        if (otp == null || otp.isBlank()) {
            return Optional.of("");
        }
        OptionalLong step = Totp.matchingStep(user.totpSecret().orElseThrow(), otp, clock.instant());
        if (step.isEmpty()) {
            return Optional.of("Incorrect verification code.");
        }
        if (!claimStep(user.id(), step.getAsLong())) {
            return Optional.of(REPLAYED_CODE);
        }
        return Optional.empty();
    }

    /**
     * True once per user and step, and only for a step later than any used before: no replays, on
     * this instance or another on the same store.
     */
    private boolean claimStep(String userId, long step) {
        return TotpSteps.claim(store, userId, step, clock.instant());
    }

    private String ticketFor(String userName, String browserKey) {
        long expires = clock.instant().plus(TICKET_LIFETIME).getEpochSecond();
        String payload = userName + "|" + expires + "|" + RandomIds.base64url(16);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + mac(payload + "|" + keyOf(browserKey));
    }

    /**
     * True when the ticket is this user's, unexpired, made for this browser, and not used before; it is
     * used up by this call.
     */
    private boolean spendTicket(String userName, String ticket, String browserKey) {
        if (ticket == null || ticket.isBlank() || browserKey == null || browserKey.isBlank()) {
            return false;
        }
        int dot = ticket.indexOf('.');
        if (dot < 0) {
            return false;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(ticket.substring(0, dot)), StandardCharsets.UTF_8);
            String[] parts = payload.split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(userName)) {
                return false;
            }
            Instant now = clock.instant();
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            boolean genuine = now.isBefore(expires) && MessageDigest.isEqual(
                    mac(payload + "|" + keyOf(browserKey)).getBytes(StandardCharsets.US_ASCII),
                    ticket.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
            return genuine && store.incrementCounter(CounterKeys.of("totp-ticket", parts[2]), now, expires).value() == 1;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The browser key as it enters the ticket's MAC: hashed, so any text will do, and never empty. */
    private static String keyOf(String browserKey) {
        return CounterKeys.of("browser", browserKey == null ? "" : browserKey);
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(ticketKey);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
