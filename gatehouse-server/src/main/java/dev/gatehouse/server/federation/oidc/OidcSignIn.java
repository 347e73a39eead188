package dev.gatehouse.server.federation.oidc;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import dev.gatehouse.domain.federation.IdentitySource;
import dev.gatehouse.domain.federation.UpstreamIdentity;
import dev.gatehouse.domain.store.CounterKeys;
import dev.gatehouse.domain.store.GatehouseStore;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gatehouse as an OpenID Connect relying party, the authorization code flow with PKCE (S256): the
 * request that sends the browser to the provider, and the checks of its answer, in this order —
 * the browser's own sign-in ({@link OidcBrowserState}: the {@code state} matches the cookie's),
 * the provider's error if it sent one, its {@code iss} when it names one (RFC 9207), the
 * {@code state} spent once on every instance (a store counter), the code redeemed at the token
 * endpoint ({@code client_secret_basic}, or as a public client), the ID token ({@link IdTokenCheck}),
 * and the claims ({@link UpstreamClaims}). What the directory makes of the identity is the domain's
 * ({@code UpstreamSignIn}).
 */
public final class OidcSignIn {
    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;

    private final IdentitySource.OidcProvider source;
    private final ProviderDiscovery provider;
    private final GatehouseStore store;
    private final InstantSource clock;
    private final ClientID clientId;
    private final OidcBrowserState browserState;

    /** @param instanceKey the store's instance key, from which the browser state cookie's key is derived */
    public OidcSignIn(IdentitySource.OidcProvider source, GatehouseStore store, byte[] instanceKey,
                      InstantSource clock) {
        this.source = source;
        this.provider = new ProviderDiscovery(source.issuer(), clock);
        this.store = store;
        this.clock = clock;
        this.clientId = new ClientID(source.clientId());
        this.browserState = new OidcBrowserState(instanceKey, clock);
    }

    public IdentitySource.OidcProvider source() {
        return source;
    }

    /** What the provider's answer came to: the identity and where the sign-in goes on to, or a refusal. */
    public sealed interface Result {
        String next();
    }

    public record Finished(UpstreamIdentity identity, String next) implements Result {
    }

    /**
     * @param status the error page's status
     * @param reason the audit record's reason
     * @param text   what the error page says
     */
    public record Refused(int status, String reason, String text, String next) implements Result {
    }

    /**
     * Starts a sign-in at the provider for this browser (its {@code gh_oidc} cookie) that goes on to
     * {@code next} (a path on this service, already checked): the URL to send the browser to.
     *
     * @throws IOException      the provider could not be read
     * @throws GeneralException its discovery document is not one we can use
     */
    public URI start(HttpServerExchange exchange, String next, URI redirectUri) throws IOException, GeneralException {
        return authorizationRequest(browserState.begin(exchange, next), redirectUri);
    }

    /** The refusal when {@link #start} could not read the provider (it throws). */
    public Refused unavailable(String next) {
        return refusal(OidcRefusal.PROVIDER_UNAVAILABLE, next);
    }

    private static Refused refusal(OidcRefusal refusal, String next) {
        return new Refused(refusal.status(), refusal.reason(), refusal.text(), next);
    }

    /** Finishes the sign-in this browser started (its cookie is spent either way) with the provider's answer. */
    public Result finish(HttpServerExchange exchange, URI redirectUri) {
        Optional<OidcBrowserState.Pending> pending = browserState.read(exchange);
        browserState.clear(exchange);
        Map<String, List<String>> params = new HashMap<>();
        // the query arrives undecoded (Undertow's DECODE_URL is off); a value that is not valid percent-encoding is left out
        exchange.getQueryParameters().forEach((name, values) -> params.put(name, values.stream()
                .map(OidcSignIn::decoded).flatMap(Optional::stream).toList()));
        String next = pending.map(OidcBrowserState.Pending::next).orElse(null);
        return switch (finish(params, pending, redirectUri)) {
            case Checked checked -> new Finished(checked.identity(), next);
            case NotChecked refused -> refusal(refused.refusal(), next);
        };
    }

    /** The answer's checks' outcome. */
    sealed interface Check {
    }

    record Checked(UpstreamIdentity identity) implements Check {
    }

    record NotChecked(OidcRefusal refusal) implements Check {
    }

    /** The provider's authorization endpoint with this sign-in's request; reads the provider if needed. */
    URI authorizationRequest(OidcBrowserState.Pending pending, URI redirectUri) throws IOException, GeneralException {
        ProviderDiscovery.Discovered discovered;
        try {
            discovered = provider.get();
        } catch (IOException | GeneralException e) {
            provider.forget();
            throw e;
        }
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(source.scopes().toArray(String[]::new)),
                clientId, redirectUri)
                .endpointURI(discovered.metadata().getAuthorizationEndpointURI())
                .state(pending.state())
                .nonce(pending.nonce())
                .codeChallenge(pending.verifier(), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /**
     * Checks the provider's answer at the callback.
     *
     * @param params  the callback's query parameters
     * @param pending the sign-in this browser started, if its cookie is good
     */
    Check finish(Map<String, List<String>> params, Optional<OidcBrowserState.Pending> pending, URI redirectUri) {
        Optional<String> state = one(params, "state");
        if (pending.isEmpty() || state.isEmpty() || !sameText(state.get(), pending.get().state().getValue())) {
            return refused(OidcRefusal.BAD_STATE, null);
        }
        Optional<String> error = one(params, "error");
        if (error.isPresent()) {
            return refused(OidcRefusal.PROVIDER_ERROR, error.get());
        }
        Optional<String> iss = one(params, "iss");
        if (iss.isPresent() && !iss.get().equals(provider.issuer().getValue())) {
            return refused(OidcRefusal.WRONG_ISSUER, null);
        }
        Optional<String> code = one(params, "code");
        if (code.isEmpty()) {
            return refused(OidcRefusal.PROVIDER_ERROR, "no code");
        }
        if (store.incrementCounter(CounterKeys.of("oidc-state", state.get()), clock.instant(),
                pending.get().expiresAt()).value() > 1) {
            return refused(OidcRefusal.REPLAYED_STATE, null);
        }
        ProviderDiscovery.Discovered discovered;
        TokenResponse answer;
        try {
            discovered = provider.get();
            answer = redeem(discovered, new AuthorizationCode(code.get()), pending.get(), redirectUri);
        } catch (IOException | GeneralException e) {
            provider.forget();
            return refused(OidcRefusal.PROVIDER_UNAVAILABLE, e.getClass().getSimpleName());
        }
        if (!answer.indicatesSuccess()) {
            return refused(OidcRefusal.TOKEN_REFUSED, answer.toErrorResponse().getErrorObject().getCode());
        }
        JWT idToken = ((OIDCTokenResponse) answer.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (idToken == null) {
            return refused(OidcRefusal.INVALID_TOKEN, "no id_token");
        }
        return switch (IdTokenCheck.check(idToken, discovered, clientId, pending.get().nonce())) {
            case IdTokenCheck.Refused refused -> refused(refused.refusal(), null);
            case IdTokenCheck.Valid valid -> switch (UpstreamClaims.of(valid.claims(), source)) {
                case UpstreamClaims.Refused refused -> refused(refused.refusal(), null);
                case UpstreamClaims.Mapped mapped -> new Checked(mapped.identity());
            };
        };
    }

    private TokenResponse redeem(ProviderDiscovery.Discovered discovered, AuthorizationCode code,
                                 OidcBrowserState.Pending pending, URI redirectUri) throws IOException, ParseException {
        URI endpoint = discovered.metadata().getTokenEndpointURI();
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, redirectUri, pending.verifier());
        TokenRequest request = source.clientSecret()
                .map(secret -> new TokenRequest.Builder(endpoint, new ClientSecretBasic(clientId, new Secret(secret)),
                        grant).build())
                .orElseGet(() -> new TokenRequest.Builder(endpoint, clientId, grant).build());
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(CONNECT_TIMEOUT_MS);
        http.setReadTimeout(READ_TIMEOUT_MS);
        return OIDCTokenResponseParser.parse(http.send());
    }

    /** Logs why (the provider's error code or the failure's kind: never a token or code). */
    private static NotChecked refused(OidcRefusal refusal, String why) {
        LOG.info("OIDC sign-in refused: {}{}", refusal.reason(), why == null ? "" : " (" + printable(why) + ")");
        return new NotChecked(refusal);
    }

    private static Optional<String> one(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.size() != 1 || values.getFirst().isEmpty() ? Optional.empty()
                : Optional.of(values.getFirst());
    }

    private static Optional<String> decoded(String value) {
        try {
            return Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String printable(String text) {
        String kept = text.replaceAll("[^A-Za-z0-9_. -]", "?");
        return kept.length() > 64 ? kept.substring(0, 64) : kept;
    }
}
