package dev.gatehouse.domain.store;

import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.TokenRecord;
import java.util.Optional;

/** A token's record and its sign-in session's, read together (the session is empty when its record is gone). */
public record TokenWithSession(TokenRecord token, Optional<SignInSession> session) {
}
