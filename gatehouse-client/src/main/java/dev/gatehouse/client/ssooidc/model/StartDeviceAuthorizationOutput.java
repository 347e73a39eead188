package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.internal.Redact;

/**
 * StartDeviceAuthorization's output.
 *
 * @param deviceCode              secret: what the client polls CreateToken with
 * @param userCode                what the person confirms in the browser
 * @param verificationUri         where the person goes (the CLI prints it with the user code)
 * @param verificationUriComplete the same with the code filled in (the CLI opens it)
 * @param expiresIn               seconds until the device code dies
 * @param interval                seconds between polls; 0 when the service sent none (then poll every 5 s)
 */
public record StartDeviceAuthorizationOutput(String deviceCode, String userCode, String verificationUri,
                                             String verificationUriComplete, int expiresIn, int interval) {
    @Override
    public String toString() {
        return "StartDeviceAuthorizationOutput[deviceCode=" + Redact.secret(deviceCode) + ", userCode=" + userCode
                + ", verificationUri=" + verificationUri + ", verificationUriComplete=" + verificationUriComplete
                + ", expiresIn=" + expiresIn + ", interval=" + interval + "]";
    }
}
