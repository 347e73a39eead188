package dev.gatehouse.domain.session;

import java.util.Optional;

/**
 * Where and how a sign-in session was made: the flow, the OIDC client that asked for the sign-in (its
 * {@code clientName}, for the device code and PKCE flows), the browser's address and User-Agent.
 */
public record SessionOrigin(SignInMethod method, Optional<String> clientName, Optional<String> sourceAddress,
                            Optional<String> userAgent) {
    public static final SessionOrigin UNRECORDED = new SessionOrigin(SignInMethod.UNRECORDED, Optional.empty(),
            Optional.empty(), Optional.empty());

    public static SessionOrigin browser(String sourceAddress, String userAgent) {
        return new SessionOrigin(SignInMethod.BROWSER, Optional.empty(), Optional.ofNullable(sourceAddress),
                Optional.ofNullable(userAgent));
    }

    public SessionOrigin forClient(SignInMethod viaMethod, String viaClientName) {
        return new SessionOrigin(viaMethod, Optional.ofNullable(viaClientName), sourceAddress, userAgent);
    }
}
