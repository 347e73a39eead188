package dev.gatehouse.domain.directory;

/** An identifier that an external identity provider gave a user or group. */
public record ExternalId(String issuer, String id) {
}
