package dev.gatehouse.domain.session;

/**
 * How a sign-in session was made: the flow the person signed in for. {@code UNRECORDED} is a session
 * stored before Gatehouse kept this.
 */
public enum SignInMethod {
    /** Signed in on the access portal (or another page) in a browser. */
    BROWSER,
    /** Signed in to approve a device code (e.g. {@code aws sso login --use-device-code}). */
    DEVICE_CODE,
    /** Signed in to approve an authorization-code request with PKCE (e.g. {@code aws sso login}). */
    PKCE,
    UNRECORDED
}
