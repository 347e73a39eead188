package dev.gatehouse.server.pages;

import dev.gatehouse.domain.credentials.RoleCredentials;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.portal.AccessPortal;
import dev.gatehouse.domain.portal.AccessPortal.AccountRoles;
import dev.gatehouse.domain.portal.Caller;
import dev.gatehouse.server.web.Csrf;
import dev.gatehouse.server.web.Forms;
import dev.gatehouse.server.web.PageResponse;
import dev.gatehouse.server.web.Pages;
import io.undertow.server.HttpServerExchange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /portal}: the signed-in person's accounts and roles, role credentials on request (ready to
 * paste as environment variables), and sign-out, which ends the sign-in session exactly as Logout
 * does. What the person may see and get is the {@link AccessPortal}'s rule, as for the API.
 */
public final class PortalPage {
    private final AccessPortal portal;
    private final BrowserSessions browser;
    private final Pages pages;
    private final Csrf csrf;

    public PortalPage(AccessPortal portal, BrowserSessions browser, Pages pages, Csrf csrf) {
        this.portal = portal;
        this.browser = browser;
        this.pages = pages;
        this.csrf = csrf;
    }

    public PageResponse show(HttpServerExchange exchange) {
        return browser.current(exchange)
                .map(caller -> portal(exchange, caller, null, null))
                .orElseGet(() -> PageResponse.redirect("/login?next=" + LocalPaths.PORTAL));
    }

    /** {@code POST /portal/credentials}: role credentials for one account and role. */
    public PageResponse credentials(HttpServerExchange exchange) {
        Map<String, String> form = Forms.read(exchange);
        Optional<Caller> caller = browser.current(exchange);
        if (caller.isEmpty()) {
            return PageResponse.redirect("/login?next=" + LocalPaths.PORTAL);
        }
        if (!csrf.verify(exchange, form.get(Csrf.FIELD))) {
            return pages.formExpired();
        }
        String accountId = form.getOrDefault("account_id", "");
        String roleName = form.getOrDefault("role_name", "");
        try {
            RoleCredentials credentials = portal.getRoleCredentials(caller.get(), accountId, roleName);
            return portal(exchange, caller.get(), new Issued(accountId, roleName, credentials), null);
        } catch (GatehouseException e) {
            return portal(exchange, caller.get(), null, "No access to " + roleName + " in " + accountId + ".");
        }
    }

    /** {@code POST /signout}: ends the sign-in session server-side and forgets the cookie. */
    public PageResponse signOut(HttpServerExchange exchange) {
        Map<String, String> form = Forms.read(exchange);
        if (!csrf.verify(exchange, form.get(Csrf.FIELD))) {
            return pages.formExpired();
        }
        browser.current(exchange).ifPresent(portal::logout);
        browser.clear(exchange);
        csrf.renew(exchange);
        Map<String, Object> model = new HashMap<>();
        model.put("kind", "success");
        model.put("title", "Signed out");
        model.put("text", "You have signed out. Every token of that sign-in session no longer works.");
        model.put("link", Map.of("href", "/start", "label", "Sign in again"));
        return pages.page(200, Pages.MESSAGE, model);
    }

    /** Role credentials just issued, to show above the list. */
    private record Issued(String accountId, String roleName, RoleCredentials credentials) {
    }

    private PageResponse portal(HttpServerExchange exchange, Caller caller, Issued issued, String error) {
        List<AccountRoles> accounts = portal.accountsWithRoles(caller);
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf.ensureCookie(exchange));
        model.put("displayName", caller.user().displayName());
        model.put("credentialsAction", "/portal/credentials");
        model.put("signOutAction", "/signout");
        model.put("sessionsHref", LocalPaths.SESSIONS);
        model.put("accounts", accounts.stream().map(PortalPage::accountModel).toList());
        if (issued != null) {
            model.put("credentials", credentialsModel(issued, accounts));
        }
        if (error != null) {
            model.put("error", error);
        }
        return pages.page(error == null ? 200 : 403, Pages.PORTAL, model);
    }

    private static Map<String, Object> accountModel(AccountRoles entry) {
        Map<String, Object> model = new HashMap<>();
        model.put("accountId", entry.account().id());
        model.put("accountName", entry.account().name());
        model.put("emailAddress", entry.account().email());
        model.put("roles", entry.roleNames());
        return model;
    }

    private static Map<String, Object> credentialsModel(Issued issued, List<AccountRoles> accounts) {
        RoleCredentials credentials = issued.credentials();
        Map<String, Object> model = new HashMap<>();
        model.put("accountId", issued.accountId());
        model.put("accountName", accounts.stream()
                .filter(entry -> entry.account().id().equals(issued.accountId()))
                .map(entry -> entry.account().name())
                .findFirst()
                .orElse(issued.accountId()));
        model.put("roleName", issued.roleName());
        model.put("accessKeyId", credentials.accessKeyId());
        model.put("secretAccessKey", credentials.secretAccessKey());
        model.put("sessionToken", credentials.sessionToken());
        model.put("expiration", ShownTimes.text(credentials.expiration()));
        model.put("expirationIso", credentials.expiration().toString());
        return model;
    }
}
