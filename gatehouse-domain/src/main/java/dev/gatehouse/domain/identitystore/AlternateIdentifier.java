package dev.gatehouse.domain.identitystore;

import dev.gatehouse.domain.directory.ExternalId;

/** How GetUserId and GetGroupId name what they look for: a unique attribute, or an external id. */
public sealed interface AlternateIdentifier {

    /** An attribute unique to one entry ({@code userName}, {@code emails.value}, {@code displayName}). */
    record UniqueAttribute(String path, Object value) implements AlternateIdentifier {
    }

    /** The id an external identity provider gave the entry. */
    record External(ExternalId externalId) implements AlternateIdentifier {
    }
}
