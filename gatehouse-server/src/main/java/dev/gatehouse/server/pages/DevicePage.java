package dev.gatehouse.server.pages;

import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.oidc.DeviceAuthorization;
import dev.gatehouse.domain.oidc.DeviceVerification;
import dev.gatehouse.domain.oidc.DeviceVerification.LockedOut;
import dev.gatehouse.domain.oidc.DeviceVerification.Origin;
import dev.gatehouse.domain.portal.Caller;
import dev.gatehouse.server.http.ClientAddresses;
import dev.gatehouse.server.web.Csrf;
import dev.gatehouse.server.web.Forms;
import dev.gatehouse.server.web.PageResponse;
import dev.gatehouse.server.web.Pages;
import io.undertow.server.HttpServerExchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /device}: the device verification page (RFC 8628). Signed in, the person types (or brings
 * in the link) the user code their tool shows, compares it, and approves or denies. Wrong codes are
 * limited per sign-in session and per address ({@link DeviceVerification}); a locked-out browser
 * gets a 429 page saying how long to wait.
 */
public final class DevicePage {
    private final DeviceVerification devices;
    private final BrowserSessions browser;
    private final Pages pages;
    private final Csrf csrf;
    private final ClientAddresses clientAddresses;

    public DevicePage(DeviceVerification devices, BrowserSessions browser, Pages pages, Csrf csrf,
                      ClientAddresses clientAddresses) {
        this.devices = devices;
        this.browser = browser;
        this.pages = pages;
        this.csrf = csrf;
        this.clientAddresses = clientAddresses;
    }

    public PageResponse show(HttpServerExchange exchange) {
        Optional<Caller> caller = browser.current(exchange);
        if (caller.isEmpty()) {
            return PageResponse.redirect(LocalPaths.signInThenBack(exchange));
        }
        String typed = QueryValues.first(exchange, "user_code");
        if (typed == null || typed.isBlank()) {
            return codeForm(exchange, 200, null, null);
        }
        return lookUp(exchange, caller.get(), typed);
    }

    public PageResponse submit(HttpServerExchange exchange) {
        Map<String, String> form = Forms.read(exchange);
        Optional<Caller> caller = browser.current(exchange);
        // the token is bound to the session cookie; signed out, the browser is only sent to sign in
        if (caller.isPresent() && !csrf.verify(exchange, form.get(Csrf.FIELD))) {
            return pages.formExpired();
        }
        String userCode = form.get("user_code");
        if (caller.isEmpty()) {
            // signed out meanwhile: sign in, then back to the same code
            String back = userCode == null || userCode.isBlank() ? "/device"
                    : "/device?user_code=" + URLEncoder.encode(userCode, StandardCharsets.UTF_8);
            return PageResponse.redirect("/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        }
        String action = form.get("action");
        Origin origin = origin(exchange, caller.get());
        try {
            if ("approve".equals(action)) {
                devices.approve(userCode, origin);
                return pages.message(200, "success", "Device approved",
                        "You can close this window and return to your terminal.");
            }
            if ("deny".equals(action)) {
                devices.deny(userCode, origin);
                return pages.message(200, "info", "Request denied", "The device was not given access. You can close this window.");
            }
        } catch (LockedOut e) {
            return lockedOut(exchange, e);
        } catch (GatehouseException e) {
            return codeForm(exchange, 400, userCode, e.getMessage());
        }
        // no action: the code form was submitted; show the consent for that code
        return lookUp(exchange, caller.get(), userCode);
    }

    private PageResponse lookUp(HttpServerExchange exchange, Caller caller, String typed) {
        try {
            return devices.find(typed, origin(exchange, caller))
                    .map(found -> consent(exchange, caller, found))
                    .orElseGet(() -> codeForm(exchange, 404, typed,
                            "That code is not valid. It may have expired or been used already; check your terminal."));
        } catch (LockedOut e) {
            return lockedOut(exchange, e);
        }
    }

    private Origin origin(HttpServerExchange exchange, Caller caller) {
        return new Origin(caller.session(), clientAddresses.of(exchange));
    }

    private PageResponse lockedOut(HttpServerExchange exchange, LockedOut e) {
        RetryAfter.set(exchange, e.retryAfter());
        return pages.message(429, "error", "Too many wrong codes", e.getMessage());
    }

    private PageResponse consent(HttpServerExchange exchange, Caller caller, DeviceAuthorization found) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf.ensureCookie(exchange));
        model.put("action", "/device");
        model.put("clientName", found.clientName());
        model.put("scopes", found.scopes());
        model.put("userCode", found.userCode());
        model.put("signedInAs", caller.user().displayName());
        model.put("hidden", Map.of("user_code", found.userCode()));
        return pages.page(200, Pages.CONSENT, model);
    }

    private PageResponse codeForm(HttpServerExchange exchange, int status, String typed, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf.ensureCookie(exchange));
        model.put("action", "/device");
        if (typed != null) {
            model.put("userCode", typed);
        }
        if (error != null) {
            model.put("error", error);
        }
        return pages.page(status, Pages.DEVICE_CODE, model);
    }
}
