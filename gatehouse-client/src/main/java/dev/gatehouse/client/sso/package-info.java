/**
 * The access portal (service {@code sso}): {@link dev.gatehouse.client.sso.SsoClient} and one command
 * class per operation. Inputs, outputs and errors are in {@link dev.gatehouse.client.sso.model}.
 */
package dev.gatehouse.client.sso;
