package dev.gatehouse.domain.ssoadmin;

/** A tag of a permission set, as sso-admin's Tag shape holds it. */
public record Tag(String key, String value) {
}
