package dev.gatehouse.cli.sso;

/** There is no usable SSO token: the person has to sign in again. The message says why. */
public final class LoginRequiredException extends RuntimeException {
    public LoginRequiredException(String reason) {
        super(reason, null, false, false);
    }
}
