package dev.gatehouse.domain.oidc;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.token.BearerToken;
import dev.gatehouse.domain.token.TokenKind;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;

/**
 * The /authorize side of the authorization code flow with PKCE: checks a request (client, loopback
 * redirect, S256 challenge, scopes) and, once the person approves, issues the code.
 */
public final class AuthorizationCodes {
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private final ClientRegistry clients;
    private final GatehouseStore store;
    private final InstantSource clock;

    public AuthorizationCodes(ClientRegistry clients, GatehouseStore store, InstantSource clock) {
        this.clients = clients;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Checks an /authorize request. An unknown client or a redirect URI it did not register is a
     * {@link GatehouseException} to show the person (never redirect to an unchecked URI); anything
     * else wrong is a {@link RedirectableError}.
     */
    public AuthorizationRequest check(String responseType, String clientId, String redirectUri, String state,
                                      String codeChallenge, String codeChallengeMethod, String scopes) {
        RegisteredClient client = clients.find(clientId).orElseThrow(() -> GatehouseException.of(ErrorCode.INVALID_CLIENT,
                "Unknown or expired client. Start the sign-in again from your tool."));
        if (redirectUri == null || client.redirectUris().stream().noneMatch(r -> LoopbackRedirects.matches(r, redirectUri))) {
            throw GatehouseException.of(ErrorCode.INVALID_REDIRECT_URI,
                    "The redirect URI is not one this client registered (only loopback addresses are allowed).");
        }
        if (!client.grantTypes().contains(GrantTypes.AUTHORIZATION_CODE)) {
            throw new RedirectableError(ErrorCode.UNAUTHORIZED_CLIENT, "client is not registered for authorization_code",
                    redirectUri, state);
        }
        if (!"code".equals(responseType)) {
            throw new RedirectableError(ErrorCode.INVALID_REQUEST, "response_type must be code", redirectUri, state);
        }
        if (!"S256".equals(codeChallengeMethod)) {
            throw new RedirectableError(ErrorCode.INVALID_REQUEST, "code_challenge_method must be S256", redirectUri, state);
        }
        if (codeChallenge == null || !codeChallenge.matches("[A-Za-z0-9_-]{43}")) {
            throw new RedirectableError(ErrorCode.INVALID_REQUEST,
                    "code_challenge must be the base64url SHA-256 of the verifier (43 characters)", redirectUri, state);
        }
        List<String> requested = scopes == null || scopes.isBlank()
                ? client.scopes()
                : Arrays.stream(scopes.trim().split("[\\s,]+")).toList();
        if (!client.scopes().isEmpty() && !client.scopes().containsAll(requested)) {
            throw new RedirectableError(ErrorCode.INVALID_SCOPE, "scopes not registered for this client", redirectUri, state);
        }
        return new AuthorizationRequest(client, redirectUri, state, codeChallenge, requested);
    }

    /** The person approved: a code for the client to redeem with its verifier. */
    public String issue(AuthorizationRequest request, SignInSession session) {
        Instant now = clock.instant();
        BearerToken code = BearerToken.generate(TokenKind.AUTHORIZATION_CODE);
        store.saveAuthorizationCode(new AuthorizationCode(code.id(), code.hash(), request.client().clientId(),
                request.redirectUri(), request.codeChallenge(), request.scopes(), session.id(), now, now.plus(LIFETIME),
                false));
        return code.secret();
    }
}
