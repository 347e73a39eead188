package dev.gatehouse.server.pages;

import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.oidc.AuthorizationCodes;
import dev.gatehouse.domain.oidc.AuthorizationRequest;
import dev.gatehouse.domain.oidc.RedirectableError;
import dev.gatehouse.domain.portal.Caller;
import dev.gatehouse.server.web.Csrf;
import dev.gatehouse.server.web.Forms;
import dev.gatehouse.server.web.PageResponse;
import dev.gatehouse.server.web.Pages;
import dev.gatehouse.server.wire.OidcErrors;
import io.undertow.server.HttpServerExchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /authorize}: the authorization code flow with PKCE as the AWS CLI drives it. The request is
 * checked first: an unknown client or unregistered redirect is shown here (never redirected to); any
 * other problem goes back to the client's loopback redirect as {@code error=...}. Then sign-in if
 * needed, then consent; approve sends {@code code} and {@code state} to the redirect URI, deny sends
 * {@code error=access_denied}.
 */
public final class AuthorizePage {
    private static final String[] PARAMS = {"response_type", "client_id", "redirect_uri", "state",
        "code_challenge", "code_challenge_method", "scopes"};

    private final AuthorizationCodes codes;
    private final BrowserSessions browser;
    private final Pages pages;
    private final Csrf csrf;

    public AuthorizePage(AuthorizationCodes codes, BrowserSessions browser, Pages pages, Csrf csrf) {
        this.codes = codes;
        this.browser = browser;
        this.pages = pages;
        this.csrf = csrf;
    }

    public PageResponse show(HttpServerExchange exchange) {
        return handle(exchange, name -> QueryValues.first(exchange, name), null, () -> browser.current(exchange));
    }

    public PageResponse submit(HttpServerExchange exchange) {
        Map<String, String> form = Forms.read(exchange);
        Optional<Caller> caller = browser.current(exchange);
        // the token is bound to the session cookie; signed out, handle() only sends the browser to sign in
        if (caller.isPresent() && !csrf.verify(exchange, form.get(Csrf.FIELD))) {
            return pages.formExpired();
        }
        return handle(exchange, form::get, form.getOrDefault("action", ""), () -> caller);
    }

    /** @param signedIn the browser's caller, asked for once the request checks out */
    private PageResponse handle(HttpServerExchange exchange, Function<String, String> param, String action,
                                Supplier<Optional<Caller>> signedIn) {
        AuthorizationRequest request;
        try {
            request = codes.check(param.apply("response_type"), param.apply("client_id"), param.apply("redirect_uri"),
                    param.apply("state"), param.apply("code_challenge"), param.apply("code_challenge_method"),
                    param.apply("scopes"));
        } catch (RedirectableError e) {
            return redirect(e.redirectUri(), errorParams(OidcErrors.shapeOf(e.code()).error(), e.getMessage(), e.state()));
        } catch (GatehouseException e) {
            return pages.message(400, "error", "This sign-in request cannot be used", e.getMessage());
        }
        Optional<Caller> caller = signedIn.get();
        if (caller.isEmpty()) {
            if (action != null) {
                return PageResponse.redirect("/login?next=" + URLEncoder.encode(retryUrl(param), StandardCharsets.UTF_8));
            }
            return PageResponse.redirect(LocalPaths.signInThenBack(exchange));
        }
        if ("approve".equals(action)) {
            Map<String, String> result = new LinkedHashMap<>();
            result.put("code", codes.issue(request, caller.get().session()));
            if (request.state() != null) {
                result.put("state", request.state());
            }
            return redirect(request.redirectUri(), result);
        }
        if ("deny".equals(action)) {
            return redirect(request.redirectUri(), errorParams("access_denied", "The request was denied", request.state()));
        }
        return consent(exchange, caller.get(), request, param);
    }

    private PageResponse consent(HttpServerExchange exchange, Caller caller, AuthorizationRequest request,
                                 Function<String, String> param) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf.ensureCookie(exchange));
        model.put("action", "/authorize");
        model.put("clientName", request.client().clientName());
        model.put("scopes", request.scopes());
        model.put("signedInAs", caller.user().displayName());
        model.put("hidden", requestParams(param));
        return pages.page(200, Pages.CONSENT, model);
    }

    private static String retryUrl(Function<String, String> param) {
        return "/authorize?" + encode(requestParams(param));
    }

    /** The /authorize request's own parameters, to carry through consent or a sign-in. */
    private static Map<String, String> requestParams(Function<String, String> param) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : PARAMS) {
            String value = param.apply(name);
            if (value != null) {
                params.put(name, value);
            }
        }
        return params;
    }

    private static Map<String, String> errorParams(String error, String description, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        if (state != null) {
            params.put("state", state);
        }
        return params;
    }

    private static PageResponse redirect(String redirectUri, Map<String, String> params) {
        return PageResponse.redirect(redirectUri + (redirectUri.contains("?") ? "&" : "?") + encode(params));
    }

    private static String encode(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        });
        return query.toString();
    }
}
