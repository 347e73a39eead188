package dev.gatehouse.domain.directory;

/** An AWS account as the access portal lists it. */
public record Account(String id, String name, String email) {
}
