package dev.gatehouse.domain.credentials;

import java.util.Optional;

/**
 * A request signed with SigV4, as the HTTP layer read it: who claims to have signed it (access key
 * id and credential scope), when ({@code amzDate}, {@code yyyyMMdd'T'HHmmss'Z'}), with which session
 * token, the canonical request rebuilt from what arrived, and the signature it carried.
 */
public record SignedRequest(String accessKeyId, SigV4.Scope scope, String amzDate, Optional<String> sessionToken,
                            String canonicalRequest, String signature) {
    @Override
    public String toString() {
        return "SignedRequest[" + accessKeyId + " " + scope + " " + amzDate + "]";
    }
}
