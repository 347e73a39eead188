/**
 * SSO OIDC (service {@code sso-oidc}): {@link dev.gatehouse.client.ssooidc.SsoOidcClient} and one
 * command class per operation. Inputs, outputs and errors are in
 * {@link dev.gatehouse.client.ssooidc.model}.
 */
package dev.gatehouse.client.ssooidc;
