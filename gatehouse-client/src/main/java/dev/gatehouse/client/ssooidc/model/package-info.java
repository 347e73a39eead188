/**
 * SSO OIDC's inputs, outputs and errors, member for member as in the service model
 * ({@code sso-oidc}, 2019-06-10). Every type is immutable; {@code toString} never shows a client
 * secret, device code, authorization code, code verifier, access, refresh or id token.
 */
package dev.gatehouse.client.ssooidc.model;
