package dev.gatehouse.domain.oidc;

import java.util.List;

/** The OAuth grant type names of the SSO OIDC API. */
public final class GrantTypes {
    public static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";
    public static final String AUTHORIZATION_CODE = "authorization_code";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final List<String> SUPPORTED = List.of(DEVICE_CODE, AUTHORIZATION_CODE, REFRESH_TOKEN);
    /** What a client registered without {@code grantTypes} may use: the device flow and its refreshes. */
    public static final List<String> WITHOUT_REGISTRATION = List.of(DEVICE_CODE, REFRESH_TOKEN);

    private GrantTypes() {
    }
}
