package dev.gatehouse.server.pages;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.credentials.RoleCredentials;
import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.portal.Caller;
import dev.gatehouse.server.web.Csrf;
import dev.gatehouse.server.web.Forms;
import dev.gatehouse.server.web.PageResponse;
import dev.gatehouse.server.web.Pages;
import io.undertow.server.HttpServerExchange;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /portal}: the signed-in person's accounts and roles, role credentials on request (ready to
 * paste as environment variables), and sign-out, which ends the sign-in session exactly as Logout
 * does.
 */
public final class PortalPage {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Gatehouse gatehouse;
    private final BrowserSessions browser;
    private final Pages pages;
    private final Csrf csrf;

    public PortalPage(Gatehouse gatehouse, BrowserSessions browser, Pages pages, Csrf csrf) {
        this.gatehouse = gatehouse;
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
        if (!csrf.verify(exchange, form.get(Csrf.FIELD))) {
            return pages.formExpired();
        }
        Optional<Caller> caller = browser.current(exchange);
        if (caller.isEmpty()) {
            return PageResponse.redirect("/login?next=" + LocalPaths.PORTAL);
        }
        String accountId = form.getOrDefault("account_id", "");
        String roleName = form.getOrDefault("role_name", "");
        try {
            RoleCredentials credentials = gatehouse.portal().getRoleCredentials(caller.get(), accountId, roleName);
            return portal(exchange, caller.get(), credentialsModel(accountId, roleName, credentials), null);
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
        browser.current(exchange).ifPresent(caller -> gatehouse.portal().logout(caller));
        browser.clear(exchange);
        Map<String, Object> model = new HashMap<>();
        model.put("kind", "success");
        model.put("title", "Signed out");
        model.put("text", "You have signed out. Every token of that sign-in session no longer works.");
        model.put("link", Map.of("href", "/start", "label", "Sign in again"));
        return pages.page(200, Pages.MESSAGE, model);
    }

    private PageResponse portal(HttpServerExchange exchange, Caller caller, Map<String, Object> credentials, String error) {
        var directory = gatehouse.directory();
        List<Map<String, Object>> accounts = directory.accountsOf(caller.user()).stream()
                .map(account -> accountModel(account, directory.permissionSetsOf(caller.user(), account.id())))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf.ensureCookie(exchange));
        model.put("displayName", caller.user().displayName());
        model.put("credentialsAction", "/portal/credentials");
        model.put("signOutAction", "/signout");
        model.put("accounts", accounts);
        if (credentials != null) {
            model.put("credentials", credentials);
        }
        if (error != null) {
            model.put("error", error);
        }
        return pages.page(error == null ? 200 : 403, Pages.PORTAL, model);
    }

    private static Map<String, Object> accountModel(Account account, List<PermissionSet> roles) {
        Map<String, Object> model = new HashMap<>();
        model.put("accountId", account.id());
        model.put("accountName", account.name());
        model.put("emailAddress", account.email());
        model.put("roles", roles.stream().map(PermissionSet::name).toList());
        return model;
    }

    private Map<String, Object> credentialsModel(String accountId, String roleName, RoleCredentials credentials) {
        Map<String, Object> model = new HashMap<>();
        model.put("accountId", accountId);
        model.put("accountName", gatehouse.directory().account(accountId).map(Account::name).orElse(accountId));
        model.put("roleName", roleName);
        model.put("accessKeyId", credentials.accessKeyId());
        model.put("secretAccessKey", credentials.secretAccessKey());
        model.put("sessionToken", credentials.sessionToken());
        model.put("expiration", SHOWN.format(credentials.expiration()));
        model.put("expirationIso", credentials.expiration().toString());
        return model;
    }
}
