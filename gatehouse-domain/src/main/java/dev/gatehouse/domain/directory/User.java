package dev.gatehouse.domain.directory;

import java.util.Optional;
import java.util.Set;

/**
 * A person who can sign in. The password is only ever held as an encoded hash.
 *
 * @param totpSecret base32 secret when the user signs in with a second factor
 */
public record User(String userName, String passwordHash, String email, String displayName,
                   Set<String> groups, Optional<String> totpSecret) {
    public User {
        groups = Set.copyOf(groups);
    }

    @Override
    public String toString() {
        return "User[" + userName + "]";
    }
}
