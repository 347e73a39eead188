package dev.gatehouse.domain.oidc;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.token.BearerToken;
import dev.gatehouse.domain.token.RandomIds;
import dev.gatehouse.domain.token.TokenKind;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * RegisterClient and client authentication. Only public clients; redirect URIs only on loopback;
 * registrations last {@link #REGISTRATION_LIFETIME} (about what IAM Identity Center gives).
 */
public final class ClientRegistry {
    public static final Duration REGISTRATION_LIFETIME = Duration.ofDays(90);
    public static final String DEFAULT_SCOPE = "sso:account:access";
    private static final int MAX_NAME = 256;
    private static final int MAX_LIST = 32;

    private final GatehouseStore store;
    private final InstantSource clock;

    public ClientRegistry(GatehouseStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What a client asks for when it registers. */
    public record Request(String clientName, String clientType, List<String> scopes, List<String> redirectUris,
                          List<String> grantTypes) {
    }

    public ClientRegistration register(Request request) {
        String name = required(request.clientName(), "clientName");
        if (name.length() > MAX_NAME) {
            throw GatehouseException.of(ErrorCode.INVALID_CLIENT_METADATA, "clientName is longer than " + MAX_NAME + " characters");
        }
        if (!"public".equals(required(request.clientType(), "clientType"))) {
            throw GatehouseException.of(ErrorCode.INVALID_CLIENT_METADATA,
                    "Invalid client type: " + request.clientType() + " (only public clients are supported)");
        }
        List<String> scopes = bounded(request.scopes(), "scopes");
        for (String scope : scopes) {
            if (!scope.matches("[\\w:.\\-/]{1,256}")) {
                throw GatehouseException.of(ErrorCode.INVALID_SCOPE, "Invalid scope: " + scope);
            }
        }
        List<String> redirects = bounded(request.redirectUris(), "redirectUris");
        for (String redirect : redirects) {
            if (LoopbackRedirects.parseLoopback(redirect).isEmpty()) {
                throw GatehouseException.of(ErrorCode.INVALID_REDIRECT_URI,
                        "Invalid redirect URI: " + redirect + " (only http URIs on 127.0.0.1 or localhost are allowed)");
            }
        }
        List<String> grants = bounded(request.grantTypes(), "grantTypes");
        for (String grant : grants) {
            if (!GrantTypes.SUPPORTED.contains(grant)) {
                throw GatehouseException.of(ErrorCode.UNSUPPORTED_GRANT_TYPE, "Unsupported grant type: " + grant);
            }
        }
        if (grants.contains(GrantTypes.AUTHORIZATION_CODE) && redirects.isEmpty()) {
            throw GatehouseException.of(ErrorCode.INVALID_CLIENT_METADATA,
                    "The authorization_code grant needs at least one redirect URI");
        }
        Instant now = clock.instant();
        BearerToken secret = BearerToken.generate(TokenKind.CLIENT_SECRET);
        RegisteredClient client = new RegisteredClient(RandomIds.base64url(16), secret.hash(), name, "public",
                scopes, redirects, grants, now, now.plus(REGISTRATION_LIFETIME));
        store.saveClient(client);
        return new ClientRegistration(client, secret.secret());
    }

    /** The client, when the id and secret belong together and the registration has not expired. */
    public RegisteredClient authenticate(String clientId, String clientSecret) {
        required(clientId, "clientId");
        required(clientSecret, "clientSecret");
        Optional<RegisteredClient> client = store.findClient(clientId);
        Optional<BearerToken> secret = BearerToken.parse(TokenKind.CLIENT_SECRET, clientSecret);
        if (client.isEmpty() || secret.isEmpty()
                || !MessageDigest.isEqual(secret.get().hash(), client.get().secretHash())) {
            throw GatehouseException.of(ErrorCode.INVALID_CLIENT, "Invalid client credentials");
        }
        if (client.get().isExpiredAt(clock.instant())) {
            throw GatehouseException.of(ErrorCode.INVALID_CLIENT, "The client registration has expired; register again");
        }
        return client.get();
    }

    /**
     * Whether the client may use this grant (CreateToken) — the device code grant also covers
     * StartDeviceAuthorization. A missing grant type is an invalid request, one we do not know is
     * unsupported. A client registered with {@code grantTypes} may use only those; one registered
     * without (the device flow of the AWS CLI and SDKs) may use the device code and refresh token
     * grants, not authorization_code (which needs registered redirect URIs).
     */
    public void checkGrantAllowed(RegisteredClient client, String grantType) {
        required(grantType, "grantType");
        if (!GrantTypes.SUPPORTED.contains(grantType)) {
            throw GatehouseException.of(ErrorCode.UNSUPPORTED_GRANT_TYPE, "Unsupported grant type: " + grantType);
        }
        List<String> allowed = client.grantTypes().isEmpty() ? GrantTypes.WITHOUT_REGISTRATION : client.grantTypes();
        if (!allowed.contains(grantType)) {
            throw GatehouseException.of(ErrorCode.UNAUTHORIZED_CLIENT,
                    "This client is not registered for the " + grantType + " grant");
        }
    }

    /** The client by id alone (the /authorize page, which has no secret), if registered and current. */
    public Optional<RegisteredClient> find(String clientId) {
        Instant now = clock.instant();
        return clientId == null ? Optional.empty() : store.findClient(clientId).filter(c -> !c.isExpiredAt(now));
    }

    static String required(String value, String member) {
        if (value == null || value.isBlank()) {
            throw InvalidMemberException.missing(member);
        }
        return value;
    }

    private static List<String> bounded(List<String> values, String member) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LIST) {
            throw GatehouseException.of(ErrorCode.INVALID_CLIENT_METADATA, member + " has more than " + MAX_LIST + " entries");
        }
        return values;
    }
}
