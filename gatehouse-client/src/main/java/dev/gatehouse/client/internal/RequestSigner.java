package dev.gatehouse.client.internal;

import java.net.URI;
import java.util.Map;

/**
 * Signs each attempt of a request just before it is sent (a retry is signed anew, at its own time):
 * given the method, the full URI, the request's own headers and its body, answers the headers to add.
 * The access portal and SSO OIDC send none ({@link #NONE}); the admin APIs are SigV4-signed.
 */
@FunctionalInterface
public interface RequestSigner {
    RequestSigner NONE = (method, uri, headers, body) -> Map.of();

    Map<String, String> headersFor(String method, URI uri, Map<String, String> headers, byte[] body);
}
