package dev.gatehouse.domain.identitystore;

/**
 * One change of UpdateUser or UpdateGroup: the attribute's path as the API names it (camelCase,
 * {@code displayName}, {@code name.givenName}) and its new value (a string, boolean, number, list or
 * map), or null to remove it.
 */
public record AttributeOperation(String path, Object value) {
}
