/**
 * AWS Signature Version 4 with the JDK alone ({@link dev.gatehouse.client.sigv4.SigV4Signer}), for the
 * admin APIs, which are signed with an admin access key instead of carrying a bearer token.
 */
package dev.gatehouse.client.sigv4;
