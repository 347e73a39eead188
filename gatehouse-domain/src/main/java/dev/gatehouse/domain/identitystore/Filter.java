package dev.gatehouse.domain.identitystore;

/** ListUsers' and ListGroups' one filter: an attribute ({@code UserName}, {@code DisplayName}) equal to a value. */
public record Filter(String path, String value) {
}
