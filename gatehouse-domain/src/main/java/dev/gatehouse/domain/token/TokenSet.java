package dev.gatehouse.domain.token;

import java.time.Duration;

/** What CreateToken hands out: an access token, its refresh token, and the access token's lifetime. */
public record TokenSet(IssuedToken access, IssuedToken refresh, Duration expiresIn) {
}
