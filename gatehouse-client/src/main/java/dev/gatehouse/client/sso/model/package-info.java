/**
 * The access portal's inputs, outputs and errors, member for member as in the service model
 * ({@code com.amazonaws.sso}, 2019-06-10). Every type is immutable; {@code toString} never shows an
 * access token, a secret access key or a session token.
 */
package dev.gatehouse.client.sso.model;
