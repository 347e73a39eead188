package dev.gatehouse.server.pages;

import dev.gatehouse.domain.invitation.AuthenticatorSetup;
import dev.gatehouse.domain.invitation.ClosedInvitation;
import dev.gatehouse.domain.invitation.Invitations;
import dev.gatehouse.domain.invitation.Invitations.NewAuthenticator;
import dev.gatehouse.domain.invitation.Invitations.Open;
import dev.gatehouse.server.web.Csrf;
import dev.gatehouse.server.web.Forms;
import dev.gatehouse.server.web.PageResponse;
import dev.gatehouse.server.web.Pages;
import io.undertow.server.HttpServerExchange;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /invitation}: where the link an admin made ({@code GatehouseAdmin.CreateInvitation}) leads.
 * The form asks for a new password twice and, in a part folded away, offers an authenticator app: a
 * fresh secret made for this page, kept in a hidden field and set only when a code from the app
 * confirms it. The link's token travels in the query, then in a hidden field; it is never logged (the
 * dispatcher logs the path, never the query or the form). A link that is unknown, expired, used or
 * whose user is gone gets a page saying so.
 */
public final class InvitationPage {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Invitations invitations;
    private final Pages pages;
    private final Csrf csrf;

    public InvitationPage(Invitations invitations, Pages pages, Csrf csrf) {
        this.invitations = invitations;
        this.pages = pages;
        this.csrf = csrf;
    }

    public PageResponse show(HttpServerExchange exchange) {
        String token = QueryValues.first(exchange, "token");
        return switch (invitations.find(token)) {
            case Open open -> form(exchange, 200, token, open, AuthenticatorSetup.fresh(open.user().userName()),
                    null, false);
            case ClosedInvitation closed -> closed(closed);
        };
    }

    public PageResponse submit(HttpServerExchange exchange) {
        Map<String, String> form = Forms.read(exchange);
        if (!csrf.verify(exchange, form.get(Csrf.FIELD))) {
            return pages.formExpired();
        }
        String token = form.get("token");
        String password = form.getOrDefault("password", "");
        String code = form.getOrDefault("otp", "").strip();
        if (!password.equals(form.getOrDefault("passwordRepeat", ""))) {
            return formAgain(exchange, form, "The two passwords are not the same.");
        }
        Optional<NewAuthenticator> authenticator = code.isEmpty() ? Optional.empty()
                : Optional.of(new NewAuthenticator(form.get("totpSecret"), code));
        return switch (invitations.accept(token, password, authenticator)) {
            case Invitations.Accepted accepted -> passwordSet(authenticator.isPresent());
            case Invitations.Refused refused -> formAgain(exchange, form, refused.message());
            case ClosedInvitation closed -> closed(closed);
        };
    }

    /**
     * The form again, with what was wrong and the authenticator app's secret it brought (the person may
     * have added it to their app already); the link may have closed meanwhile.
     */
    private PageResponse formAgain(HttpServerExchange exchange, Map<String, String> form, String error) {
        String token = form.get("token");
        return switch (invitations.find(token)) {
            case Open open -> form(exchange, 400, token, open, authenticatorOf(form.get("totpSecret"),
                    open.user().userName()), error, !form.getOrDefault("otp", "").isBlank());
            case ClosedInvitation closed -> closed(closed);
        };
    }

    /** The secret the form brought back when it is one this page makes; otherwise a fresh one. */
    private static AuthenticatorSetup authenticatorOf(String secret, String userName) {
        return AuthenticatorSetup.isWellFormed(secret) ? AuthenticatorSetup.of(secret, userName)
                : AuthenticatorSetup.fresh(userName);
    }

    private PageResponse passwordSet(boolean withApp) {
        String text = "Your password is set" + (withApp ? ", and your authenticator app with it" : "")
                + ". Sign in with your user name and the new password.";
        return pages.page(200, Pages.MESSAGE, Map.of("kind", "success", "title", "Password set", "text", text,
                "link", Map.of("href", "/login", "label", "Sign in")));
    }

    private PageResponse closed(ClosedInvitation closed) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", "error");
        model.put("title", "This link cannot be used");
        model.put("text", closed.reason().message());
        if (closed.reason() == ClosedInvitation.Reason.USED) {
            model.put("link", Map.of("href", "/login", "label", "Sign in"));
        }
        int status = switch (closed.reason()) {
            case EXPIRED, USED -> 410;
            case UNKNOWN, USER_GONE -> 404;
        };
        return pages.page(status, Pages.MESSAGE, model);
    }

    private PageResponse form(HttpServerExchange exchange, int status, String token, Open open,
                              AuthenticatorSetup app, String error, boolean authenticatorOpen) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf.ensureCookie(exchange));
        model.put("action", "/invitation");
        model.put("hidden", Map.of("token", token, "totpSecret", app.secret()));
        model.put("userName", open.user().userName());
        model.put("expires", SHOWN.format(open.invitation().expiresAt()));
        model.put("secretGroups", String.join(" ", app.secret().split("(?<=\\G.{4})")));
        model.put("uri", app.uri());
        model.put("authenticatorOpen", authenticatorOpen);
        if (error != null) {
            model.put("error", error);
        }
        return pages.page(status, Pages.INVITATION, model);
    }
}
