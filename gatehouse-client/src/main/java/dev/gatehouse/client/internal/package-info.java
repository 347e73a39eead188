/**
 * The wire machinery shared by both clients: one HTTP transport with retries, request and response
 * values, the AWS restJson1 error parser, JSON, default endpoints. Public only so that the service
 * packages can reach it; not API — it may change without notice.
 */
package dev.gatehouse.client.internal;
