package dev.gatehouse.domain.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A person who can sign in once they have a password. The password is only ever held as an encoded
 * hash; a user made through identitystore has none until they set one through an invitation link.
 *
 * @param id          identitystore's UserId
 * @param userName    unique, compared without regard to case
 * @param totpSecret  base32 secret when the user signs in with a second factor
 * @param attributes  the identitystore profile (DisplayName, Name, Emails, …) as given
 */
public record User(String id, String userName, Optional<String> passwordHash, Optional<String> totpSecret,
                   Attributes attributes, List<ExternalId> externalIds, Origin origin, Stamps stamps)
        implements DirectoryEntry {

    public User {
        externalIds = List.copyOf(externalIds);
    }

    /** The unique key a user name holds: user names are unique without regard to case. */
    public static String nameKey(String userName) {
        return "user-name:" + userName.toLowerCase(Locale.ROOT);
    }

    public static String externalIdKey(ExternalId externalId) {
        return "user-external-id:" + externalId.issuer() + "\n" + externalId.id();
    }

    @Override
    public EntryKind kind() {
        return EntryKind.USER;
    }

    @Override
    public List<String> uniqueKeys() {
        List<String> keys = new ArrayList<>();
        keys.add(nameKey(userName));
        externalIds.forEach(e -> keys.add(externalIdKey(e)));
        return keys;
    }

    /** The primary email address, or "" when there is none. */
    public String email() {
        return attributes.primaryEmail().orElse("");
    }

    public String displayName() {
        return attributes.string("DisplayName").orElse(userName);
    }

    public User withPassword(String passwordHash, Optional<String> totpSecret, Stamps stamps) {
        return new User(id, userName, Optional.of(passwordHash), totpSecret, attributes, externalIds, origin, stamps);
    }

    @Override
    public String toString() {
        return "User[" + userName + " " + id + "]";
    }
}
