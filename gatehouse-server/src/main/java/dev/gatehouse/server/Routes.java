package dev.gatehouse.server;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.federation.IdentitySource;
import dev.gatehouse.domain.federation.OneTimeIds;
import dev.gatehouse.domain.oidc.DeviceVerification;
import dev.gatehouse.server.admin.AdminAudit;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.admin.AdminTargets;
import dev.gatehouse.server.admin.TargetOrAction;
import dev.gatehouse.server.federation.oidc.OidcSignIn;
import dev.gatehouse.server.gatehouseadmin.GatehouseAdminOperations;
import dev.gatehouse.server.health.HealthHandler;
import dev.gatehouse.server.identitystore.IdentityStoreOperations;
import dev.gatehouse.server.http.ApiDispatcher;
import dev.gatehouse.server.http.ApiOperation;
import dev.gatehouse.server.http.ClientAddresses;
import dev.gatehouse.server.http.NotFoundHandlers;
import dev.gatehouse.server.http.RequestOrigins;
import dev.gatehouse.server.http.ServiceDate;
import dev.gatehouse.server.invitation.InvitationOperations;
import dev.gatehouse.server.limits.AddressRateLimit;
import dev.gatehouse.server.limits.LoadShedder;
import dev.gatehouse.server.metrics.MetricsHandler;
import dev.gatehouse.server.metrics.ServerMetrics;
import dev.gatehouse.server.metrics.ServerMetrics.Rejection;
import dev.gatehouse.server.oidc.CreateTokenHandler;
import dev.gatehouse.server.oidc.RegisterClientHandler;
import dev.gatehouse.server.oidc.StartDeviceAuthorizationHandler;
import dev.gatehouse.server.portal.GetRoleCredentialsHandler;
import dev.gatehouse.server.portal.ListAccountRolesHandler;
import dev.gatehouse.server.portal.ListAccountsHandler;
import dev.gatehouse.server.portal.LogoutHandler;
import dev.gatehouse.server.portal.PortalAuthenticator;
import dev.gatehouse.server.sts.GetCallerIdentityHandler;
import dev.gatehouse.server.sts.StsActions;
import dev.gatehouse.server.ssoadmin.SsoAdminOperations;
import dev.gatehouse.server.wire.AwsErrors;
import dev.gatehouse.server.wire.AwsJsonErrors;
import dev.gatehouse.server.wire.ErrorFormat;
import dev.gatehouse.server.wire.NoStore;
import dev.gatehouse.server.wire.OidcErrors;
import dev.gatehouse.server.wire.QueryErrors;
import dev.gatehouse.server.pages.AuthorizePage;
import dev.gatehouse.server.pages.BrowserSessions;
import dev.gatehouse.server.pages.DevicePage;
import dev.gatehouse.server.pages.InvitationPage;
import dev.gatehouse.server.pages.OidcSignInPage;
import dev.gatehouse.server.pages.PortalPage;
import dev.gatehouse.server.pages.SamlAssertionConsumerPage;
import dev.gatehouse.server.pages.SamlMetadataPage;
import dev.gatehouse.server.pages.SamlStartPage;
import dev.gatehouse.server.pages.SessionsPage;
import dev.gatehouse.server.pages.SignInPage;
import dev.gatehouse.server.pages.StartPage;
import dev.gatehouse.server.federation.saml.SamlRelayStates;
import dev.gatehouse.server.federation.saml.SamlResponseCheck;
import dev.gatehouse.server.federation.saml.SamlServiceProvider;
import dev.gatehouse.server.web.Csrf;
import dev.gatehouse.server.web.PageDispatcher;
import dev.gatehouse.server.web.PageErrors;
import dev.gatehouse.server.web.PageHandler;
import dev.gatehouse.server.web.Pages;
import dev.gatehouse.server.web.SecurityHeaders;
import dev.gatehouse.server.web.StaticFiles;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** The route table: every path the service answers, and what guards it. */
final class Routes {
    private Routes() {
    }

    /** @param serviceUrl the service's public base URL (asked only once it is listening) */
    static RoutingHandler build(Gatehouse gatehouse, ServerSettings settings, ClientAddresses clientAddresses,
                                Executor executor, ServerMetrics metrics, Supplier<URI> serviceUrl) {
        var portal = gatehouse.portal();
        var auth = new PortalAuthenticator(portal, settings.limits().perToken(), settings.buckets(),
                metrics.rejected(Rejection.RATE_LIMIT_TOKEN));
        var shedder = new LoadShedder(settings.limits().maxInFlight(), metrics.rejected(Rejection.LOAD_SHED));
        var perAddress = new AddressRateLimit(settings.limits().perAddress(), settings.buckets(), clientAddresses,
                executor, metrics.rejected(Rejection.RATE_LIMIT_ADDRESS));
        var origins = new RequestOrigins(clientAddresses);
        Api api = guarded(shedder, perAddress, executor, settings, AwsErrors.FORMAT, metrics, origins);
        Api oidc = guarded(shedder, perAddress, executor, settings, OidcErrors.FORMAT, metrics, origins);
        Api sts = guarded(shedder, perAddress, executor, settings, QueryErrors.FORMAT, metrics, origins);
        Api adminApi = guarded(shedder, perAddress, executor, settings, AwsJsonErrors.FORMAT, metrics, origins);
        Map<String, AdminOperation> adminOperations = new HashMap<>();
        adminOperations.putAll(SsoAdminOperations.all(gatehouse));
        adminOperations.putAll(InvitationOperations.all(gatehouse));
        adminOperations.putAll(GatehouseAdminOperations.all(gatehouse));
        adminOperations.putAll(IdentityStoreOperations.all(gatehouse));
        var admin = new AdminTargets(gatehouse.admins(), new AdminAudit(gatehouse.audit()), adminOperations);
        var stsActions = new StsActions(Map.of(
                "GetCallerIdentity", new GetCallerIdentityHandler(gatehouse.roleSessions())));
        var clients = gatehouse.clients();
        var staticFiles = new StaticFiles();
        var pages = new Pages(staticFiles);
        var browser = new BrowserSessions(portal, gatehouse.clock());
        var csrf = new Csrf(gatehouse.store().instanceKey(), browser::presentedCookie);
        var pageErrors = new PageErrors(pages);
        var pageTimer = metrics.pages();
        Page page = handler -> new SecurityHeaders(shedder.guard(perAddress.guard(
                new PageDispatcher(pages, handler, executor, pageTimer, origins), pageErrors), pageErrors));
        Optional<OidcSignInPage> oidcSignIn = gatehouse.identitySource() instanceof IdentitySource.OidcProvider provider
                ? Optional.of(new OidcSignInPage(new OidcSignIn(provider, gatehouse.store(), gatehouse.store().instanceKey(),
                        gatehouse.clock()), gatehouse.upstream(), gatehouse.deviceAuthorizations(), clients, browser,
                        pages, csrf))
                : Optional.empty();
        var saml = gatehouse.identitySource() instanceof IdentitySource.SamlProvider source
                ? new SamlServiceProvider(source, serviceUrl) : null;
        Optional<String> upstreamStart = oidcSignIn.map(o -> OidcSignInPage.START)
                .or(() -> Optional.ofNullable(saml).map(s -> SamlServiceProvider.START_PATH));
        var signIn = new SignInPage(gatehouse.signIn(), gatehouse.deviceAuthorizations(), clients, browser, pages, csrf,
                clientAddresses, metrics, upstreamStart);
        var device = new DevicePage(new DeviceVerification(gatehouse.deviceAuthorizations(), gatehouse.store(),
                gatehouse.clock(), settings.limits().wrongUserCodes(), gatehouse.audit()), browser, pages, csrf,
                clientAddresses);
        var authorize = new AuthorizePage(gatehouse.authorizationCodes(), browser, pages, csrf);
        var portalPage = new PortalPage(portal, browser, pages, csrf);
        var sessionsPage = new SessionsPage(gatehouse.userSessions(), browser, pages, csrf);
        var start = new StartPage(browser);
        var invitation = new InvitationPage(gatehouse.invitations(), pages, csrf);

        var routes = new RoutingHandler()
                // access portal (service "sso", restJson1)
                .get("/federation/credentials", NoStore.of(api.of("GetRoleCredentials",
                        new GetRoleCredentialsHandler(portal, auth))))
                .get("/assignment/accounts", api.of("ListAccounts", new ListAccountsHandler(portal, auth)))
                .get("/assignment/roles", api.of("ListAccountRoles", new ListAccountRolesHandler(portal, auth)))
                .post("/logout", api.of("Logout", new LogoutHandler(portal, auth)))
                // SSO OIDC (service "sso-oidc", restJson1, OAuth-style errors)
                .post("/client/register", NoStore.of(oidc.of("RegisterClient", new RegisterClientHandler(clients))))
                .post("/device_authorization", NoStore.of(oidc.of("StartDeviceAuthorization",
                        new StartDeviceAuthorizationHandler(clients, gatehouse.deviceAuthorizations()))))
                .post("/token", NoStore.of(oidc.of("CreateToken", new CreateTokenHandler(clients, gatehouse.grants()))))
                // the admin APIs (identitystore, sso-admin: awsJson1.1, SigV4 with admin keys) when the
                // request names an X-Amz-Target; otherwise STS (service "sts", awsQuery, SigV4): GetCallerIdentity checks role credentials; its one
                // action names the route's metrics (an unknown Action counts there as InvalidAction)
                .post("/", new TargetOrAction(adminApi.of("Admin", admin),
                        new ServiceDate(gatehouse.clock(), sts.of("GetCallerIdentity", stsActions))))
                // web pages: sign-in, device confirmation, PKCE consent, access portal and its sessions, invitation links
                .get("/", page.of(start::show))
                .get("/start", page.of(start::show))
                .get("/login", page.of(signIn::show))
                .post("/login", page.of(signIn::submit))
                .get("/device", page.of(device::show))
                .post("/device", page.of(device::submit))
                .get("/authorize", page.of(authorize::show))
                .post("/authorize", page.of(authorize::submit))
                .get("/portal", page.of(portalPage::show))
                .post("/portal/credentials", page.of(portalPage::credentials))
                .get("/portal/sessions", page.of(sessionsPage::show))
                .post("/portal/sessions/end", page.of(sessionsPage::end))
                .post("/signout", page.of(portalPage::signOut))
                .get("/invitation", page.of(invitation::show))
                .post("/invitation", page.of(invitation::submit))
                .get(StaticFiles.PREFIX + "{file}", staticFiles)
                // operations
                .get("/health", new HealthHandler(gatehouse.store()))
                .get("/metrics", new MetricsHandler(metrics, executor))
                .setFallbackHandler(NotFoundHandlers.unknownPath())
                .setInvalidMethodHandler(NotFoundHandlers.wrongMethod());
        // sign-in through the OpenID Connect provider, when it is the identity source
        oidcSignIn.ifPresent(o -> routes
                .get(OidcSignInPage.START, page.of(o::start))
                .get(OidcSignInPage.CALLBACK, page.of(o::callback)));
        if (saml != null) {
            // SAML 2.0 service provider: metadata, SP-initiated sign-in, assertion consumer
            var relayStates = new SamlRelayStates(gatehouse.store().instanceKey(), gatehouse.clock());
            routes.get(SamlServiceProvider.METADATA_PATH, page.of(new SamlMetadataPage(saml)::show))
                    .get(SamlServiceProvider.START_PATH, page.of(new SamlStartPage(saml, relayStates, browser)::start))
                    .post(SamlServiceProvider.ACS_PATH, page.of(new SamlAssertionConsumerPage(saml.source(),
                            new SamlResponseCheck(saml, gatehouse.clock()), relayStates,
                            new OneTimeIds(gatehouse.store(), gatehouse.clock()), gatehouse.upstream(),
                            gatehouse.deviceAuthorizations(), clients, browser, pages, csrf)::consume));
        }
        return routes;
    }

    /**
     * Wraps an operation in load shedding, the per-address limit and the dispatch to a virtual thread;
     * {@code name} (the AWS operation name) labels its metrics.
     */
    @FunctionalInterface
    private interface Api {
        HttpHandler of(String name, ApiOperation operation);
    }

    /** Wraps a page in the security headers, the same guards, and the dispatch to a virtual thread. */
    @FunctionalInterface
    private interface Page {
        HttpHandler of(PageHandler handler);
    }

    /** The guards and dispatch of one API, all answering in that API's error format. */
    private static Api guarded(LoadShedder shedder, AddressRateLimit perAddress, Executor executor,
                               ServerSettings settings, ErrorFormat errors, ServerMetrics metrics,
                               RequestOrigins origins) {
        return (name, op) -> shedder.guard(perAddress.guard(new ApiDispatcher(op, executor, settings.maxBodyBytes(),
                errors, metrics.operation(name), origins), errors), errors);
    }
}
