package dev.gatehouse.domain.oidc;

import java.util.List;

/** A checked /authorize request, waiting for the person's consent. */
public record AuthorizationRequest(RegisteredClient client, String redirectUri, String state, String codeChallenge,
                                   List<String> scopes) {
}
