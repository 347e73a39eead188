package dev.gatehouse.client.sso;

import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import dev.gatehouse.client.sso.model.LogoutInput;
import dev.gatehouse.client.sso.model.LogoutOutput;

/**
 * Logout — {@code POST /logout} with the access token in {@code x-amz-sso_bearer_token} and an
 * empty body (no Content-Type), as botocore sends it. Ends the token's sign-in session on the
 * server: every access and refresh token of it stops working, while role credentials already
 * issued last until they expire. Removing locally cached tokens is the caller's part. Safe to retry.
 */
public final class LogoutCommand extends SsoCommand<LogoutInput, LogoutOutput> {
    public LogoutCommand(LogoutInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "Logout";
    }

    @Override
    protected WireRequest request() {
        return WireRequest.post(operationName(), "/logout")
                .header(BEARER_TOKEN, input().accessToken())
                .build();
    }

    @Override
    protected LogoutOutput output(WireResponse response) {
        return new LogoutOutput(); // the body (empty or {}) is ignored, as by every SDK
    }
}
